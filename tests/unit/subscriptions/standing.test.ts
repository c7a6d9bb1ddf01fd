import { describe, expect, it } from "vitest";

import { attentionOrder, contractBadge, earlyRenewalStep, type Badge } from "~/domain/subscriptions";

import { seededRules } from "../pricing/support";
import { addDays } from "~/lib/dates";

const TODAY = "2026-11-25";
const contract = (daysToEnd: number, extra: Partial<Parameters<typeof contractBadge>[0]> = {}) => ({
  termStart: addDays(TODAY, daysToEnd - 364),
  termEnd: addDays(TODAY, daysToEnd),
  status: "active" as const,
  segment: "smb" as const,
  ...extra,
});

describe("contractBadge", () => {
  it.each<[number, Badge]>([
    [200, "active"],
    [91, "active"],
    [90, "renewal_open"],
    [1, "renewal_open"],
    [0, "renewal_open"], // the end date is still part of the term
    [-1, "in_grace"],
    [-30, "in_grace"],
    [-31, "ended"], // grace is over even if no job has marked it yet
  ])("an active contract %i days from its end is %s", (days, badge) => {
    const standing = contractBadge(contract(days), TODAY, false);
    expect(standing.badge).toBe(badge);
    expect(standing.daysToEnd).toBe(days);
  });

  it("opens renewal 120 days out for the public sector", () => {
    expect(contractBadge(contract(120, { segment: "public_sector" }), TODAY, false).badge).toBe("renewal_open");
    expect(contractBadge(contract(121, { segment: "public_sector" }), TODAY, false).badge).toBe("active");
    expect(contractBadge(contract(120), TODAY, false).badge).toBe("active");
  });

  it("gives the renewal window's first day and the grace period's last day", () => {
    const standing = contractBadge(contract(100), TODAY, false);
    expect(standing.renewalOpensOn).toBe(addDays(TODAY, 10));
    expect(standing.graceEndsOn).toBe(addDays(TODAY, 130));
  });

  it("trusts a final status over the dates, and a successor means renewed", () => {
    expect(contractBadge(contract(50, { status: "cancelled" }), TODAY, false).badge).toBe("cancelled");
    expect(contractBadge(contract(50, { status: "renewed" }), TODAY, false).badge).toBe("renewed");
    expect(contractBadge(contract(-5), TODAY, true).badge).toBe("renewed");
    expect(contractBadge(contract(20), TODAY, true).badge).toBe("renewed");
    expect(contractBadge(contract(-10, { status: "ended" }), TODAY, false).badge).toBe("ended");
    expect(contractBadge(contract(-10, { status: "cancelled" }), TODAY, true).badge).toBe("cancelled");
  });

  it("knows whether a term has started", () => {
    expect(contractBadge({ ...contract(400), termStart: addDays(TODAY, 1) }, TODAY, false).started).toBe(false);
    expect(contractBadge({ ...contract(400), termStart: TODAY }, TODAY, false).started).toBe(true);
  });
});

describe("earlyRenewalStep (from the seeded incentive rules)", () => {
  const rules = seededRules();
  it.each([
    [150, "smb", 10, 60],
    [90, "smb", 10, 0],
    [89, "smb", 7, 29],
    [60, "mid_market", 7, 0],
    [45, "enterprise", 4, 15],
    [30, "smb", 4, 0],
    [150, "public_sector", 10, 30],
    [100, "public_sector", 7, 10],
    [61, "public_sector", 4, 1],
  ] as const)("%i days before the end (%s): %i%% for %i more days", (days, segment, percent, more) => {
    expect(earlyRenewalStep(rules, { termEnd: addDays(TODAY, days), segment }, TODAY)).toEqual({
      percent,
      until: addDays(TODAY, more),
    });
  });

  it("offers nothing in the last 30 days (60 for public sector) or after the end", () => {
    expect(earlyRenewalStep(rules, { termEnd: addDays(TODAY, 29), segment: "smb" }, TODAY)).toBeNull();
    expect(earlyRenewalStep(rules, { termEnd: addDays(TODAY, 59), segment: "public_sector" }, TODAY)).toBeNull();
    expect(earlyRenewalStep(rules, { termEnd: addDays(TODAY, -3), segment: "smb" }, TODAY)).toBeNull();
  });
});

describe("attentionOrder", () => {
  const item = (number: string, badge: Badge, daysToEnd: number) => ({
    number,
    badge,
    daysToEnd,
    termEnd: addDays(TODAY, daysToEnd),
  });

  it("puts grace first, then open renewals and active contracts by days to end, then the settled ones", () => {
    const sorted = attentionOrder([
      item("C-cancelled", "cancelled", 100),
      item("C-active-far", "active", 300),
      item("C-renewed-old", "renewed", -60),
      item("C-open-60", "renewal_open", 60),
      item("C-grace-5", "in_grace", -5),
      item("C-ended", "ended", -90),
      item("C-open-10", "renewal_open", 10),
      item("C-active-near", "active", 95),
      item("C-grace-25", "in_grace", -25),
      item("C-renewed-recent", "renewed", 20),
    ]);
    expect(sorted.map((i) => i.number)).toEqual([
      "C-grace-25",
      "C-grace-5",
      "C-open-10",
      "C-open-60",
      "C-active-near",
      "C-active-far",
      "C-renewed-recent",
      "C-renewed-old",
      "C-ended",
      "C-cancelled",
    ]);
  });

  it("breaks ties by contract number and leaves the input alone", () => {
    const input = [item("C-2", "renewal_open", 30), item("C-1", "renewal_open", 30)];
    expect(attentionOrder(input).map((i) => i.number)).toEqual(["C-1", "C-2"]);
    expect(input.map((i) => i.number)).toEqual(["C-2", "C-1"]);
  });
});
