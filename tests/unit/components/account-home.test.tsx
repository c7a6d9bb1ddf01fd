import { describe, expect, it } from "vitest";

import { AccountHome } from "~/components/subscriptions";
import { CARDS_UP_TO } from "~/components/subscriptions/account-home";
import { buildAccountHome } from "~/domain/subscriptions";

import { renderHtml, textOf } from "../../support/render";
import { TODAY, homeRow, usage } from "../subscriptions/fixtures";
import { seededStep } from "../../support/incentives";

describe("AccountHome", () => {
  const grace = homeRow(-5, { number: "C365-10004" });
  const open = homeRow(35, {
    number: "C365-10002",
    recentUsage: usage("2026-08-01", [[100, 6000], [95, 5000], [90, 4000], [40, 500]]).reverse(),
  });
  const later = homeRow(95, { number: "C365-10001", autoRenew: true });
  const view = buildAccountHome([later, open, grace], TODAY, seededStep);

  it("lists every contract as a card, most urgent first, each with its facts and next step", () => {
    const html = renderHtml(<AccountHome view={view} />);
    const text = textOf(html);
    expect(text).toContain("Your subscriptions");
    expect(text).toContain("3 contracts 2 need your attention");
    const order = ["C365-10004", "C365-10002", "C365-10001"].map((n) => text.indexOf(`Contract ${n}`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThan(-1);

    expect(text).toContain("In grace period");
    expect(text).toContain("Ended 5 days ago");
    expect(text).toContain("In grace period: renew before 20 Dec 2026 to keep your service running");
    expect(text).toContain("Renewal open");
    expect(text).toContain("35 days left");
    expect(text).toContain("Renew by 30 Nov 2026 to keep 4% off");
    expect(text).toContain("40 active of 120 bought in Nov 2026");
    expect(text).toContain("Usage has dropped over the last three months.");
    expect(text).toContain("Renew by 30 Nov 2026 to keep 10% off");
    expect(text).toContain("Auto-renew On");
    expect(text).toContain("Advanced Analytics · Premium Support");
    expect(text).toContain("US$37,620.00");
  });

  it("links each card to its contract and renewal, with names that tell the cards apart", () => {
    const html = renderHtml(<AccountHome view={view} />);
    expect(html).toContain(`href="/account/contracts/${open.id}"`);
    expect(html).toContain(`href="/renew/${open.id}"`);
    expect(textOf(html)).toContain("Renew now (contract C365-10002)");
    const routed = renderHtml(<AccountHome view={view} links={{ renew: (id) => `/somewhere/${id}/renew` }} />);
    expect(routed).toContain(`href="/somewhere/${open.id}/renew"`);
  });

  it("shows a larger account its urgent contracts as cards and every other one as a table row", () => {
    const calm = [200, 230, 260, 290, 320].map((days) => homeRow(days));
    const many = buildAccountHome([...calm, later, open, grace], TODAY, seededStep);
    expect(many.contracts.length).toBeGreaterThan(CARDS_UP_TO);
    const html = renderHtml(<AccountHome view={many} />);
    const text = textOf(html);
    expect(text).toContain("8 contracts 2 need your attention");
    // The two that need attention are cards, first; the six others are rows.
    expect(html.match(/<article class="contract-card /g)).toHaveLength(2);
    expect(html.indexOf("C365-10004")).toBeLessThan(html.indexOf("<table"));
    expect(html.match(/<tr>/g)).toHaveLength(1 + 6);
    for (const row of [...calm, later, open, grace]) {
      expect(html.split(`href="/account/contracts/${row.id}"`)).toHaveLength(2);
    }
    expect(text).toContain("Active");
  });

  it("keeps cards for every contract of an account that has few", () => {
    const few = buildAccountHome(
      Array.from({ length: CARDS_UP_TO }, (_, index) => homeRow(200 + index)),
      TODAY,
      seededStep,
    );
    const html = renderHtml(<AccountHome view={few} />);
    expect(html.match(/<article class="contract-card /g)).toHaveLength(CARDS_UP_TO);
    expect(html).not.toContain("<table");
  });

  it("has a designed empty state", () => {
    const html = renderHtml(<AccountHome view={{ contracts: [], needAttention: 0 }} />);
    const text = textOf(html);
    expect(text).toContain("No subscriptions yet");
    expect(html).toContain('href="/help/articles/how-renewal-works"');
    expect(html).toContain('href="/support"');
    expect(html).not.toContain("contract-card");
  });

  it("speaks of one subscription when there is one", () => {
    const html = renderHtml(<AccountHome view={buildAccountHome([later], TODAY, seededStep)} />);
    expect(textOf(html)).toContain("Your subscription ");
    expect(textOf(html)).toContain("1 contract Nothing needs your attention right now.");
    expect(html).toContain("contract-list contract-list-single");
  });

  it("speaks Malay, with ringgit and Malay dates", () => {
    const myr = buildAccountHome([homeRow(65, { currency: "MYR", annualValue: 1_234_500, segment: "mid_market" })], TODAY, seededStep);
    const text = textOf(renderHtml(<AccountHome view={myr} />, "ms"));
    expect(text).toContain("Langganan anda");
    expect(text).toContain("Pembaharuan dibuka");
    expect(text).toContain("65 hari lagi");
    expect(text).toContain("RM 12,345.00");
    expect(text).toContain("Perbaharui sebelum atau pada 30 Nov 2026 untuk mengekalkan diskaun 7%");
  });

  it("speaks Traditional Chinese, with whole New Taiwan dollars", () => {
    const twd = buildAccountHome([homeRow(10, { currency: "TWD", annualValue: 44_640_000, autoRenew: false })], TODAY, seededStep);
    const text = textOf(renderHtml(<AccountHome view={twd} />, "zh-Hant"));
    expect(text).toContain("您的訂閱");
    expect(text).toContain("可續約");
    expect(text).toContain("剩餘 10 天");
    expect(text).toContain("$446,400");
    expect(text).not.toContain("$446,400.00");
    expect(text).toContain("請在 2026年12月5日 前續約，確保服務不中斷");
  });
});
