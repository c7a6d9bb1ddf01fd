import { describe, expect, it } from "vitest";

import { computeQuote, earlyRenewalIncentiveOn, incentiveSchedule, type Segment } from "~/domain/pricing";
import { addDays } from "~/lib/dates";

import { TODAY, catalogueIn, northwindContext, rule, seededRules } from "./support";

const rules = seededRules();
const TERM_END = "2027-02-28";

/** The early-renewal rate (in %) for confirming `days` before the end. */
function percentAt(segment: Segment, days: number): number {
  const day = addDays(TERM_END, -days);
  const incentive = earlyRenewalIncentiveOn(rules, segment, TERM_END, day);
  return incentive ? incentive.discountBps / 100 : 0;
}

describe("early-renewal windows (docs/product-policies.md)", () => {
  // On the boundary day the higher step applies.
  it.each([
    [400, 10],
    [90, 10],
    [89, 7],
    [60, 7],
    [59, 4],
    [30, 4],
    [29, 0],
    [1, 0],
    [0, 0],
    [-1, 0],
    [-30, 0],
  ])("SMB, mid-market and enterprise: %i days before the end → %i%%", (days, percent) => {
    for (const segment of ["smb", "mid_market", "enterprise"] as const) {
      expect(percentAt(segment, days), segment).toBe(percent);
    }
  });

  it.each([
    [150, 10],
    [120, 10],
    [119, 7],
    [90, 7],
    [89, 4],
    [60, 4],
    [59, 0],
    [30, 0],
    [0, 0],
  ])("public sector: %i days before the end → %i%%", (days, percent) => {
    expect(percentAt("public_sector", days)).toBe(percent);
  });

  it("prices the boundary days into the quote itself", () => {
    const options = { termYears: 1 as const, planCode: "starter", seats: 10, addOns: [] };
    const totalAt = (days: number) => {
      const result = computeQuote(
        northwindContext({ segment: "smb", termEnd: addDays(TODAY, days) }),
        catalogueIn("USD"),
        rules,
        options,
        TODAY,
      );
      if (!result.ok) throw new Error("expected a quote");
      return result.quote.total;
    };
    // 10 × US$120.00 = 120,000 before discounts.
    expect([90, 89, 60, 59, 30, 29, 0].map(totalAt)).toEqual([108_000, 111_600, 111_600, 115_200, 115_200, 120_000, 120_000]);
  });

  it("applies a window that opens exactly on the end date", () => {
    const lastDay = [rule({ kind: "early_renewal", minDaysBeforeEnd: 0, discountBps: 200 })];
    expect(earlyRenewalIncentiveOn(lastDay, "smb", TERM_END, TERM_END)?.discountBps).toBe(200);
    expect(earlyRenewalIncentiveOn(lastDay, "smb", TERM_END, addDays(TERM_END, 1))).toBeNull();
  });
});

describe("incentiveSchedule", () => {
  it("tells exactly when today's incentive steps down and to what", () => {
    // 95 days before 2027-02-28: 10% through the 90th day before, then 7%, 4%, nothing.
    const steps = incentiveSchedule(rules, "enterprise", TERM_END, TODAY);
    expect(steps.map(({ from, until, incentive }) => [from, until, incentive?.discountBps ?? 0])).toEqual([
      ["2026-11-25", "2026-11-30", 1000],
      ["2026-12-01", "2026-12-30", 700],
      ["2026-12-31", "2027-01-29", 400],
      ["2027-01-30", null, 0],
    ]);
  });

  it("is what the quote reports as the incentive's last day", () => {
    const result = computeQuote(
      northwindContext(),
      catalogueIn("USD"),
      rules,
      { termYears: 1, planCode: "professional", seats: 120, addOns: [] },
      TODAY,
    );
    if (!result.ok) throw new Error("expected a quote");
    expect(result.quote.incentiveExpiresOn).toBe("2026-11-30");
    expect(result.quote.incentiveSchedule[1]).toMatchObject({ from: "2026-12-01", incentive: { discountBps: 700 } });
  });

  it("steps down when a rule stops before its window closes, and up when one starts", () => {
    const campaign = [
      rule({ kind: "early_renewal", minDaysBeforeEnd: 30, discountBps: 1500, effectiveTo: "2026-12-10" }),
      rule({ kind: "early_renewal", minDaysBeforeEnd: 30, discountBps: 500, effectiveFrom: "2026-12-11" }),
      rule({ kind: "early_renewal", minDaysBeforeEnd: 10, discountBps: 800, effectiveFrom: "2027-02-01" }),
    ];
    const steps = incentiveSchedule(campaign, "smb", TERM_END, TODAY);
    expect(steps.map(({ from, until, incentive }) => [from, until, incentive?.discountBps ?? 0])).toEqual([
      ["2026-11-25", "2026-12-10", 1500],
      ["2026-12-11", "2027-01-29", 500],
      ["2027-01-30", "2027-01-31", 0], // 29 days left: the 30-day window has closed
      ["2027-02-01", "2027-02-18", 800], // a new 10-day window rule starts
      ["2027-02-19", null, 0],
    ]);
  });

  it("has one open step without an incentive once the term has ended", () => {
    expect(incentiveSchedule(rules, "smb", "2026-11-20", TODAY)).toEqual([{ from: TODAY, until: null, incentive: null }]);
  });

  it("ends with the term when a window lasts to the end date", () => {
    const lastDay = [rule({ kind: "early_renewal", minDaysBeforeEnd: 0, discountBps: 200 })];
    expect(incentiveSchedule(lastDay, "smb", "2026-12-01", TODAY)).toEqual([
      { from: TODAY, until: "2026-12-01", incentive: expect.objectContaining({ discountBps: 200 }) },
      { from: "2026-12-02", until: null, incentive: null },
    ]);
  });
});
