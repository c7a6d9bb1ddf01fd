import { describe, expect, it } from "vitest";

import {
  AdoptionHelp,
  ContractSummary,
  DocumentsList,
  LineItemsTable,
  PeopleList,
  RenewalHistoryTable,
  UsageCharts,
  ValueRecapSection,
} from "~/components/subscriptions";

import { renderHtml, textOf } from "../../support/render";
import { TODAY, contractDetail, usage } from "../subscriptions/fixtures";
import { contractPageFor } from "../../support/incentives";

const page = contractPageFor(
  contractDetail({
    tickets: [
      {
        createdAt: new Date("2026-03-02T09:00:00Z"),
        firstResponseAt: new Date("2026-03-02T11:00:00Z"),
        resolvedAt: new Date("2026-03-03T11:00:00Z"),
        status: "resolved",
        priority: "normal",
      },
      {
        createdAt: new Date("2026-06-02T09:00:00Z"),
        firstResponseAt: new Date("2026-06-02T10:00:00Z"),
        resolvedAt: new Date("2026-06-05T09:00:00Z"),
        status: "resolved",
        priority: "high",
      },
    ],
  }),
  TODAY,
);

describe("contract page sections", () => {
  it("heads the page with plan, number, status and the next step", () => {
    const text = textOf(renderHtml(<ContractSummary view={page} />));
    expect(text).toContain("Professional · contract C365-20001");
    expect(text).toContain("Renewal open");
    expect(text).toContain("36 days left");
    expect(text).toContain("Renew by 1 Dec 2026 to keep 4% off");
  });

  it("tables the line items with unit prices, line totals and the yearly total", () => {
    const html = renderHtml(<LineItemsTable view={page} />);
    expect(html).toContain("<caption>Products on contract C365-20001, priced per year</caption>");
    const text = textOf(html);
    expect(text).toContain("Professional per seat 120 US$240.00 US$28,800.00");
    expect(text).toContain("Premium Support flat fee 1 US$4,500.00 US$4,500.00");
    expect(text).toContain("Total per year US$37,620.00");
    expect(text).not.toContain("-year term");
  });

  it("shows each term with its value and how it was renewed", () => {
    const text = textOf(renderHtml(<RenewalHistoryTable view={page} />));
    expect(text).toContain("1 Jan 2026 to 31 Dec 2026 (current term) C365-20001 1 year US$37,620.00 Not renewed yet");
    expect(text).toContain("1 Jan 2025 to 31 Dec 2025 C365-10001 1 year US$25,000.00 Renewed early, on 1 Oct 2025");
  });

  it("lists quotes and receipts with their links", () => {
    const html = renderHtml(<DocumentsList view={page} />);
    const text = textOf(html);
    expect(text).toContain("Quote Q-20001, version 2 Awaiting payment");
    expect(text).not.toContain("Q-20000");
    expect(text).toContain("Payment for quote Q-10001 US$25,000.00 · paid 2 Oct 2025");
    expect(html).toContain(`href="/account/quotes/${page.quotes[0]!.id}/pdf"`);
    expect(text).toContain("PDF of quote Q-20001");
  });

  it("lists the people with their roles", () => {
    const text = textOf(renderHtml(<PeopleList view={page} />));
    expect(text).toMatch(/Amelia Hart Admin Head of Operations amelia@example.com .*Ben Carter Approver Finance Director/);
  });
});

describe("UsageCharts", () => {
  it("draws seats against the seats bought, core actions and logins, each described in words", () => {
    const html = renderHtml(<UsageCharts usage={page.usage} />);
    expect(html.match(/<svg/g)).toHaveLength(3);
    expect(textOf(html)).toContain("120 seats bought");
    expect(html).toMatch(/<desc[^>]*>70 in Jan 2026 and 112 in Oct 2026; the most was 113, in Nov 2026\. 120 seats bought\.<\/desc>/);
    expect(html).toMatch(/<desc[^>]*>4,000 in Jan 2026 and 6,300 in Oct 2026; the most was 6,300, in Oct 2026\.<\/desc>/);
    expect(html).toContain('<th scope="row">Nov 2026 (not complete)</th>');
  });

  it("formats the axes and the table for the reader's language", () => {
    const html = renderHtml(<UsageCharts usage={page.usage} />, "zh-Hant");
    expect(html).toContain("每月使用中席位");
    expect(html).toContain(">2026年10月</th>");
    expect(html).toContain(">6,300</td>");
  });

  it("says there is no usage data instead of drawing nothing", () => {
    const html = renderHtml(<UsageCharts usage={{ seatsBought: 20, months: [] }} />);
    expect(html).not.toContain("<svg");
    expect(textOf(html)).toContain("Usage and adoption No usage data yet for this contract");
    const ms = renderHtml(<UsageCharts usage={{ seatsBought: 20, months: [] }} />, "ms");
    expect(textOf(ms)).toContain("Belum ada data penggunaan untuk kontrak ini");
  });
});

describe("ValueRecapSection", () => {
  it("puts the term's value in numbers and words", () => {
    const text = textOf(renderHtml(<ValueRecapSection recap={page.recap} contractNumber="C365-20001" />));
    expect(text).toContain("Your year with Customer365");
    expect(text).toContain("from 1 Jan 2026 to 25 Nov 2026, contract C365-20001");
    expect(text).toContain("Your team processed 2,795,000 records");
    expect(text).toContain("Most active seats 113 in Nov 2026");
    expect(text).toContain("Seats in use 93% 112 of 120 in Oct 2026");
    expect(text).toContain("Active seats grew from 70 to 112 (60%) between Jan 2026 and Oct 2026.");
    expect(text).toContain("Core actions per month are 35% higher than in your previous term.");
    expect(text).toContain("Workflows 5,590 uses");
    expect(text).toContain("2 requests resolved");
    // 26 h and 72 h: the median, 49 h, reads better in days.
    expect(text).toContain("Typical time to resolve: 2 days");
    expect(text).toContain("Typical time to a first answer: 1.5 hours");
    expect(text).toContain("Passed 1,000,000 records processed in May 2026");
  });

  it("offers a printable page, and prints without its controls", () => {
    const html = renderHtml(<ValueRecapSection recap={page.recap} contractNumber="C365-20001" printHref="/account/contracts/x/recap" />);
    expect(html).toMatch(/<p class="actions no-print"><a[^>]*href="\/account\/contracts\/x\/recap"/);
    // The print button needs JavaScript, so the server does not render it.
    expect(html).not.toContain("<button");
  });

  it("says plainly when there is nothing to recap", () => {
    const empty = contractPageFor(contractDetail({ usage: [], previousUsage: [] }), TODAY);
    const text = textOf(renderHtml(<ValueRecapSection recap={empty.recap} contractNumber="C365-20001" />, "zh-Hans"));
    expect(text).toContain("本服务期暂无使用数据，因此还没有可以回顾的内容。");
  });
});

describe("AdoptionHelp", () => {
  it("names the problem and suggests the articles and a training session", () => {
    const falling = contractPageFor(
      contractDetail({ usage: usage("2026-01-01", [[100, 5000], [100, 5000], [90, 5000], [80, 5000], [70, 5000], [60, 5000], [55, 5000], [50, 4800], [45, 4000], [40, 3000], [40, 1000]]) }),
      TODAY,
    );
    const html = renderHtml(<AdoptionHelp adoption={falling.adoption} seatsBought={120} />);
    const text = textOf(html);
    expect(text).toContain("33% of your 120 seats were in use in Oct 2026: fewer than half.");
    expect(text).toContain("Core actions fell by 38% from Aug 2026 to Oct 2026.");
    expect(html).toContain('href="/help/articles/inviting-colleagues-and-contact-roles"');
    expect(html).toContain('href="/help/articles/requesting-a-training-session"');
    expect(html).toContain('href="/support/new?topic=training"');
  });

  it("stays out of the way when adoption is healthy", () => {
    expect(renderHtml(<AdoptionHelp adoption={page.adoption} seatsBought={120} />)).toBe("");
  });
});
