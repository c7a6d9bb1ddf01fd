import { describe, expect, it } from "vitest";

import { BarChart, LineChart, labelEvery, niceScale, niceStep, type ChartText } from "~/components/charts";

import { renderHtml, textOf } from "../../support/render";

const text: ChartText = {
  title: "Active seats per month",
  description: "From 10 in Jan to 30 in Mar.",
  xHeader: "Month",
  yHeader: "Active seats",
  showTable: "Show these numbers as a table",
  empty: "No usage data yet for this contract",
  emptyHint: "Charts appear once usage comes in.",
  partialLabel: (label) => `${label} (not complete)`,
};
const points = [
  { key: "2026-01-01", label: "Jan 2026", value: 10 },
  { key: "2026-02-01", label: "Feb 2026", value: 1234 },
  { key: "2026-03-01", label: "Mar 2026", value: 30, partial: true },
];
const format = (value: number) => new Intl.NumberFormat("en-GB").format(value);

describe("LineChart", () => {
  const html = renderHtml(<LineChart points={points} text={text} formatValue={format} reference={{ value: 40, label: "40 seats bought" }} />);

  it("names the SVG by its own <title> and <desc>, without role=img", () => {
    const labelledBy = /<svg[^>]*aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(labelledBy).toBeDefined();
    const [titleId, descId] = labelledBy!.split(" ");
    expect(html).toContain(`<title id="${titleId}">Active seats per month</title>`);
    expect(html).toContain(`<desc id="${descId}">From 10 in Jan to 30 in Mar.</desc>`);
    expect(html).not.toMatch(/<svg[^>]*role=/);
  });

  it("offers the same numbers as a real table with a caption and header scopes", () => {
    expect(html).toMatch(/<details class="chart-data"><summary>Show these numbers as a table<\/summary>/);
    expect(html).toContain("<caption>Active seats per month</caption>");
    expect(html).toContain('<th scope="col">Month</th>');
    expect(html).toContain('<th scope="col" class="num">Active seats</th>');
    expect(html).toContain('<th scope="row">Feb 2026</th><td class="num">1,234</td>');
    expect(html).toContain('<th scope="row">Mar 2026 (not complete)</th><td class="num">30</td>');
  });

  it("draws the reference line with its label, in colours that stand out on white", () => {
    expect(html).toContain("40 seats bought");
    expect(html).toMatch(/stroke="#b35c00"/);
    expect(html).toMatch(/stroke="#0b5cad"/);
  });

  it("never uses inline styles (the CSP forbids them)", () => {
    expect(html).not.toMatch(/\sstyle=/);
  });

  it("shows an empty state instead of an empty drawing", () => {
    const empty = renderHtml(<LineChart points={[]} text={text} formatValue={format} />);
    expect(empty).not.toContain("<svg");
    expect(empty).not.toContain("<table");
    expect(textOf(empty)).toBe("Active seats per month No usage data yet for this contract Charts appear once usage comes in.");
  });
});

describe("BarChart", () => {
  it("outlines the months that are not complete and explains it", () => {
    const html = renderHtml(<BarChart points={points} text={{ ...text, note: "Outlined bars are months not yet complete." }} formatValue={format} />);
    expect(html.match(/class="chart-bar"/g)).toHaveLength(2);
    expect(html.match(/class="chart-bar chart-bar-partial"/g)).toHaveLength(1);
    expect(html).toContain("Outlined bars are months not yet complete.");
    expect(html).not.toMatch(/\sstyle=/);
  });

  it("labels the y axis with the formatter it is given", () => {
    const html = renderHtml(<BarChart points={points} text={text} formatValue={format} />);
    // 1,234 on four ticks of 500: 0, 500, 1,000, 1,500.
    for (const tick of ["0", "500", "1,000", "1,500"]) expect(html).toContain(`>${tick}</text>`);
  });
});

describe("chart scales", () => {
  it("picks nice steps from 1, 2, 2.5 and 5 × 10ⁿ, never below one", () => {
    expect([0.3, 1, 1.5, 2.2, 4, 7, 23, 260].map(niceStep)).toEqual([1, 1, 2, 2.5, 5, 10, 25, 500]);
  });

  it("starts at zero and covers the maximum", () => {
    expect(niceScale(87)).toEqual({ top: 100, ticks: [0, 25, 50, 75, 100] });
    expect(niceScale(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(niceScale(120).ticks.at(-1)).toBeGreaterThanOrEqual(120);
  });

  it("thins month labels so they do not collide, always keeping the last", () => {
    const show = labelEvery(36);
    const shown = Array.from({ length: 36 }, (_, i) => i).filter(show);
    expect(shown.length).toBeLessThanOrEqual(9);
    expect(shown).toContain(35);
    expect(Array.from({ length: 6 }, (_, i) => i).filter(labelEvery(6))).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
