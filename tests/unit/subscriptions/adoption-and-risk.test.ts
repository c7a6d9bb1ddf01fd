import { describe, expect, it } from "vitest";

import { adoptionSignals, riskBand, type TicketFact, type UsageMonth } from "~/domain/subscriptions";
import { addMonths } from "~/lib/dates";
import { FEATURES_BY_PLAN, makeUsageHistory, type UsageShape } from "../../../db/seed/factories";
import { createRng } from "../../../db/seed/random";

const TODAY = "2026-11-25";
const TERM = { termStart: "2026-01-01", termEnd: "2026-12-31" };

/** Complete months Jan … with the given active seats and core actions, plus a month to date. */
function months(series: Array<[seats: number, core: number]>, features: Record<string, number> = { workflows: 1 }): UsageMonth[] {
  return series.map(([seatsActive, coreActions], i) => ({
    periodStart: addMonths("2026-01-01", i),
    seatsActive,
    logins: 100,
    coreActions,
    recordsProcessed: 1000,
    featureUsage: features,
  }));
}
const todayAfter = (count: number) => addMonths("2026-01-01", count);

describe("adoptionSignals", () => {
  it("is low below half the seats in the last complete month", () => {
    const signals = adoptionSignals(months([[30, 100], [20, 100], [19, 100]]), 40, { ...TERM, today: todayAfter(3) });
    expect(signals).toMatchObject({ level: "low", reasons: ["low"], utilisation: 19 / 40, suggestTraining: true });
    expect(signals.articles).toEqual([
      "inviting-colleagues-and-contact-roles",
      "first-week-checklist",
      "reading-your-usage-charts",
    ]);
  });

  it("is falling when core actions drop more than 15% over the last three complete months", () => {
    const falling = adoptionSignals(months([[30, 200], [30, 100], [30, 90], [30, 76]]), 40, { ...TERM, today: todayAfter(4) });
    expect(falling.level).toBe("falling");
    expect(falling.trend).toEqual({ fromMonth: "2026-02-01", toMonth: "2026-04-01", from: 100, to: 76, change: -0.24 });
    const steady = adoptionSignals(months([[30, 100], [30, 90], [30, 85]]), 40, { ...TERM, today: todayAfter(3) });
    expect(steady.level).toBe("healthy");
    expect(steady.articles).toEqual([]);
    expect(steady.suggestTraining).toBe(false);
  });

  it("does not read the month to date as a fall", () => {
    // March has barely begun: its small numbers are not a trend.
    const signals = adoptionSignals(months([[30, 100], [30, 100], [30, 100], [12, 5]]), 40, { ...TERM, today: "2026-04-03" });
    expect(signals.level).toBe("healthy");
    expect(signals.trend?.toMonth).toBe("2026-03-01");
  });

  it("lists each article once when usage is both low and falling", () => {
    const signals = adoptionSignals(months([[30, 100], [20, 80], [10, 40]]), 40, { ...TERM, today: todayAfter(3) });
    expect(signals.reasons).toEqual(["low", "falling"]);
    expect(signals.articles).toEqual([
      "inviting-colleagues-and-contact-roles",
      "first-week-checklist",
      "reading-your-usage-charts",
      "requesting-a-training-session",
    ]);
  });

  it("cannot judge without a complete month", () => {
    expect(adoptionSignals([], 10, { ...TERM, today: TODAY }).level).toBe("unknown");
    expect(adoptionSignals(months([[1, 1]]), 10, { ...TERM, today: "2026-01-20" }).level).toBe("unknown");
  });
});

describe("riskBand", () => {
  const input = (snapshots: UsageMonth[], extra: Partial<Parameters<typeof riskBand>[0]> = {}) => ({
    snapshots,
    term: TERM,
    seatsBought: 40,
    featuresAvailable: 5,
    tickets: [],
    ...extra,
  });
  const allFeatures = { workflows: 5, reports: 5, dashboards: 5, automations: 5, integrations: 5 };
  const someFeatures = { workflows: 5, reports: 5, dashboards: 5 };

  it("is red when falling usage meets low utilisation, with the indicators that say so", () => {
    const result = riskBand(input(months([[30, 100], [20, 80], [15, 60]], someFeatures)), todayAfter(3));
    expect(result.band).toBe("red");
    expect(Object.fromEntries(result.indicators.map((i) => [i.id, i.effect]))).toEqual({
      usageTrend: "negative",
      utilisation: "negative",
      adoptionDepth: "neutral",
      supportTickets: "neutral",
      nps: "unknown",
    });
  });

  it("is red on falling usage alone, even with seats in use", () => {
    const result = riskBand(input(months([[36, 100], [35, 90], [35, 80]], allFeatures)), todayAfter(3));
    expect(result.band).toBe("red");
  });

  it("is yellow when an urgent request is left unresolved while usage holds", () => {
    const urgent: TicketFact = {
      createdAt: "2026-03-20T09:00:00Z",
      firstResponseAt: "2026-03-20T10:00:00Z",
      resolvedAt: null,
      status: "open",
      priority: "urgent",
    };
    const result = riskBand(input(months([[30, 100], [30, 100], [30, 100]], someFeatures), { tickets: [urgent] }), todayAfter(3));
    expect(result.indicators.find((i) => i.id === "supportTickets")).toEqual({ id: "supportTickets", effect: "negative", points: -2, value: 1 });
    expect(result.band).toBe("yellow");
  });

  it("counts a poorly rated resolution from the last 90 days as a complaint", () => {
    const poor: TicketFact = {
      createdAt: "2026-02-01T09:00:00Z",
      firstResponseAt: "2026-02-01T10:00:00Z",
      resolvedAt: "2026-02-05T09:00:00Z",
      status: "resolved",
      priority: "normal",
      csat: 2,
    };
    const recent = riskBand(input(months([[30, 100], [30, 100], [30, 100]], someFeatures), { tickets: [poor] }), todayAfter(3));
    expect(recent.indicators.find((i) => i.id === "supportTickets")!.effect).toBe("negative");
    const old = riskBand(input(months([[30, 100], [30, 100], [30, 100], [30, 100], [30, 100]], someFeatures), { tickets: [poor] }), todayAfter(5));
    expect(old.indicators.find((i) => i.id === "supportTickets")!.effect).toBe("positive");
  });

  it("treats resolved, well-rated tickets as engagement, not risk", () => {
    const helped: TicketFact = {
      createdAt: "2026-02-10T09:00:00Z",
      firstResponseAt: "2026-02-10T10:00:00Z",
      resolvedAt: "2026-02-11T09:00:00Z",
      status: "resolved",
      priority: "high",
      csat: 5,
    };
    const result = riskBand(input(months([[30, 100], [30, 100], [30, 100]], allFeatures), { tickets: [helped] }), todayAfter(3));
    expect(result.indicators.find((i) => i.id === "supportTickets")!.effect).toBe("positive");
    expect(result.band).toBe("green");
  });

  it("lets a weak NPS move the score only a little", () => {
    const healthy = months([[34, 100], [34, 100], [34, 100]], allFeatures);
    const withNps = riskBand(input(healthy, { nps: [{ score: 9, at: "2026-01-01T00:00:00Z" }, { score: 3, at: "2026-03-01T00:00:00Z" }] }), todayAfter(3));
    const without = riskBand(input(healthy), todayAfter(3));
    expect(withNps.score).toBe(without.score - 1);
    expect(withNps.band).toBe("green");
  });

  it("is yellow without usage data to judge by", () => {
    expect(riskBand(input([]), TODAY).band).toBe("yellow");
  });

  it("is expansion when a green team fills its seats", () => {
    const result = riskBand(input(months([[30, 100], [36, 110], [41, 120]], allFeatures)), todayAfter(3));
    expect(result.band).toBe("expansion");
    expect(result.growthSignals).toEqual(["seatsFull", "seatGrowth"]);
  });

  // The demo seed's usage shapes tell their stories to the risk score too.
  it.each<[UsageShape, string]>([
    ["rising", "green"],
    ["flat", "green"],
    ["falling", "red"],
    ["expansion", "expansion"],
  ])("reads the seed's %s usage as %s", (shape, band) => {
    const term = { termStart: "2025-12-01", termEnd: "2026-11-30" };
    const snapshots = makeUsageHistory(
      { contractId: "x", ...term, today: "2026-11-20", seats: 100, shape, features: FEATURES_BY_PLAN.professional },
      createRng(`risk-${shape}`),
    ) as UsageMonth[];
    const result = riskBand({ snapshots, term, seatsBought: 100, featuresAvailable: 5, tickets: [] }, "2026-11-20");
    expect(result.band).toBe(band);
  });
});
