import { describe, expect, it } from "vitest";

import {
  completeMonths,
  isCompleteMonth,
  median,
  supportRecap,
  valueRecap,
  type ContractLineFact,
  type TicketFact,
  type UsageMonth,
} from "~/domain/subscriptions";

const TERM = { termStart: "2026-01-01", termEnd: "2026-12-31" };
const LINES: ContractLineFact[] = [
  { productCode: "starter", kind: "plan", pricingModel: "per_seat", quantity: 10, unitAmount: 12_000 },
  { productCode: "analytics", kind: "addon", pricingModel: "per_seat", quantity: 10, unitAmount: 3_600 },
];

function month(periodStart: string, values: Partial<UsageMonth> = {}): UsageMonth {
  return { periodStart, seatsActive: 5, logins: 10, coreActions: 10, recordsProcessed: 10, featureUsage: {}, ...values };
}

describe("complete months", () => {
  it("counts a month only when the term covers all of it and it is over", () => {
    const term = { termStart: "2026-01-15", termEnd: "2027-01-14" };
    expect(isCompleteMonth("2026-01-01", term, "2026-06-10")).toBe(false); // starts mid-month
    expect(isCompleteMonth("2026-02-01", term, "2026-06-10")).toBe(true);
    expect(isCompleteMonth("2026-05-01", term, "2026-06-01")).toBe(true); // May 31 is over on June 1
    expect(isCompleteMonth("2026-05-01", term, "2026-05-31")).toBe(false); // the last day is still running
    expect(isCompleteMonth("2027-01-01", term, "2027-06-01")).toBe(false); // ends mid-month
  });

  it("leaves out other terms' months and the future", () => {
    const snapshots = ["2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01"].map((m) => month(m));
    expect(completeMonths(snapshots, TERM, "2026-03-10").map((m) => m.periodStart)).toEqual(["2026-01-01", "2026-02-01"]);
  });
});

describe("valueRecap", () => {
  it("has nothing to say without data, and says so", () => {
    const recap = valueRecap([], [], LINES, TERM, "2026-06-01");
    expect(recap).toMatchObject({
      hasData: false,
      monthsCovered: 0,
      seatsBought: 10,
      peakSeats: null,
      seatGrowth: null,
      utilisation: null,
      averageUtilisation: null,
      totals: { logins: 0, coreActions: 0, recordsProcessed: 0 },
      topFeatures: [],
      bestMonth: null,
      milestones: [],
      previousTerm: null,
    });
  });

  it("needs two complete months for growth, and never divides by zero", () => {
    const one = valueRecap([month("2026-01-01", { seatsActive: 0 }), month("2026-02-01")], [], LINES, TERM, "2026-02-10");
    expect(one.seatGrowth).toBeNull();
    expect(one.utilisation).toEqual({ month: "2026-01-01", active: 0, bought: 10, ratio: 0 });
    const two = valueRecap([month("2026-01-01", { seatsActive: 0 }), month("2026-02-01", { seatsActive: 4 })], [], LINES, TERM, "2026-03-01");
    expect(two.seatGrowth).toEqual({ fromMonth: "2026-01-01", from: 0, toMonth: "2026-02-01", to: 4, change: 4, ratio: null });
  });

  it("takes the earliest month on a tied peak", () => {
    const recap = valueRecap(
      [month("2026-01-01", { seatsActive: 8 }), month("2026-02-01", { seatsActive: 9 }), month("2026-03-01", { seatsActive: 9 })],
      [],
      LINES,
      TERM,
      "2026-04-01",
    );
    expect(recap.peakSeats).toEqual({ seats: 9, month: "2026-02-01" });
  });

  it("does not let a month-to-date figure be the best month", () => {
    const recap = valueRecap(
      [month("2026-01-01", { recordsProcessed: 500 }), month("2026-02-01", { recordsProcessed: 900 })],
      [],
      LINES,
      TERM,
      "2026-02-20",
    );
    expect(recap.bestMonth).toEqual({ month: "2026-01-01", recordsProcessed: 500 });
  });

  it("marks the largest power of ten crossed, from 1,000 up", () => {
    const small = valueRecap([month("2026-01-01", { recordsProcessed: 999, logins: 999 })], [], LINES, TERM, "2026-03-01");
    expect(small.milestones.filter((m) => m.key !== "bestMonth")).toEqual([]);
    const big = valueRecap(
      [
        month("2026-01-01", { recordsProcessed: 60_000 }),
        month("2026-02-01", { recordsProcessed: 50_000 }),
        month("2026-03-01", { recordsProcessed: 5_000_000 }),
      ],
      [],
      LINES,
      TERM,
      "2026-04-01",
    );
    expect(big.milestones.find((m) => m.key === "recordsCrossed")).toEqual({ key: "recordsCrossed", value: 1_000_000, month: "2026-03-01" });
  });

  it("sums features across months, skips unused ones and keeps the top three", () => {
    const recap = valueRecap(
      [
        month("2026-01-01", { featureUsage: { reports: 5, dashboards: 2, sandbox: 0 } }),
        month("2026-02-01", { featureUsage: { reports: 1, workflows: 4, automations: 4, integrations: 1 } }),
      ],
      [],
      LINES,
      TERM,
      "2026-03-01",
    );
    expect(recap.topFeatures.map((f) => [f.feature, f.uses])).toEqual([
      ["reports", 6],
      ["automations", 4],
      ["workflows", 4],
    ]);
    expect(recap.topFeatures.reduce((s, f) => s + f.share, 0)).toBeCloseTo(14 / 17, 10);
  });

  it("spots the first month the team outgrew its seats", () => {
    const recap = valueRecap(
      [month("2026-01-01", { seatsActive: 10 }), month("2026-02-01", { seatsActive: 11 }), month("2026-03-01", { seatsActive: 12 })],
      [],
      LINES,
      TERM,
      "2026-04-01",
    );
    expect(recap.milestones).toContainEqual({ key: "outgrewSeats", value: 10, month: "2026-02-01" });
  });
});

describe("supportRecap", () => {
  const ticket = (createdAt: string, firstResponseHours: number | null, resolveHours: number | null): TicketFact => ({
    createdAt,
    firstResponseAt: firstResponseHours === null ? null : new Date(Date.parse(createdAt) + firstResponseHours * 3_600_000),
    resolvedAt: resolveHours === null ? null : new Date(Date.parse(createdAt) + resolveHours * 3_600_000).toISOString(),
    status: resolveHours === null ? "open" : "resolved",
    priority: "normal",
  });

  it("takes medians over the requests that got an answer or a resolution", () => {
    const recap = supportRecap(
      [
        ticket("2026-02-01T09:00:00Z", 1, 4),
        ticket("2026-03-01T09:00:00Z", 3, 30),
        ticket("2026-04-01T09:00:00Z", 0.5, 8),
        ticket("2026-05-01T09:00:00Z", null, null),
      ],
      TERM,
      "2026-06-01",
    );
    expect(recap).toEqual({ opened: 4, resolved: 3, stillOpen: 1, medianHoursToResolve: 8, medianHoursToFirstResponse: 1 });
  });

  it("ignores requests from before the term or after today, and has no median without data", () => {
    const recap = supportRecap(
      [ticket("2025-12-31T23:00:00Z", 1, 2), ticket("2026-07-01T09:00:00Z", 1, 2)],
      TERM,
      "2026-06-01",
    );
    expect(recap).toEqual({ opened: 0, resolved: 0, stillOpen: 0, medianHoursToResolve: null, medianHoursToFirstResponse: null });
  });

  it("median averages the middle pair", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
