import { describe, expect, it } from "vitest";

import { buildAccountHome, renewalTiming, termYears } from "~/domain/subscriptions";
import { addDays } from "~/lib/dates";

import { TODAY, contractDetail, homeRow, usage } from "./fixtures";
import { seededStep, contractPageFor } from "../../support/incentives";

describe("buildAccountHome", () => {
  it("shows each subscription once, most urgent first, with its next action", () => {
    const grace = homeRow(-5);
    const open = homeRow(35, { recentUsage: usage("2026-08-01", [[100, 6000], [95, 5000], [90, 4000], [40, 500]]).reverse() });
    const near = homeRow(95);
    // Renewed and its new term already running: only the new term is shown.
    const oldTerm = homeRow(-65, { status: "renewed" });
    const newTerm = homeRow(300, { segment: "enterprise" });
    oldTerm.successor = { id: newTerm.id, number: newTerm.number, termStart: newTerm.termStart, termEnd: newTerm.termEnd };
    // Renewed early, new term not begun: the running term is shown, "renewed until".
    const running = homeRow(20, { status: "renewed" });
    const waiting = homeRow(385, { termStart: addDays(TODAY, 21) });
    running.successor = { id: waiting.id, number: waiting.number, termStart: waiting.termStart, termEnd: waiting.termEnd };
    const cancelled = homeRow(100, { status: "cancelled", cancelledAt: new Date("2026-06-01T10:00:00Z") });

    const view = buildAccountHome([cancelled, newTerm, waiting, running, near, oldTerm, open, grace], TODAY, seededStep);
    expect(view.contracts.map((c) => [c.number, c.badge, c.daysToEnd])).toEqual([
      [grace.number, "in_grace", -5],
      [open.number, "renewal_open", 35],
      [near.number, "active", 95],
      [newTerm.number, "active", 300],
      [running.number, "renewed", 20],
      [cancelled.number, "cancelled", 100],
    ]);
    expect(view.needAttention).toBe(2);
    const byNumber = Object.fromEntries(view.contracts.map((c) => [c.number, c]));
    expect(byNumber[grace.number]!.nextAction).toMatchObject({ key: "renewInGrace", params: { date: addDays(TODAY, 25) } });
    expect(byNumber[open.number]!.nextAction).toMatchObject({ key: "renewKeepDiscount", params: { percent: 4, date: addDays(TODAY, 5) } });
    expect(byNumber[near.number]!.nextAction).toMatchObject({ key: "renewKeepDiscount", params: { percent: 10, date: addDays(TODAY, 5) } });
    expect(byNumber[running.number]!.nextAction).toMatchObject({ key: "renewedUntil", params: { date: waiting.termEnd } });
    expect(byNumber[cancelled.number]!.nextAction).toMatchObject({ key: "cancelledOn", params: { date: "2026-06-01" } });
  });

  it("sums up plan, add-ons, seats and the latest usage of a card", () => {
    const row = homeRow(35, { recentUsage: usage("2026-08-01", [[100, 6000], [95, 5000], [90, 4000], [40, 500]]).reverse() });
    const [card] = buildAccountHome([row], TODAY, seededStep).contracts;
    expect(card).toMatchObject({
      planCode: "professional",
      addonCodes: ["analytics", "premium_support"],
      seatsBought: 120,
      seatsActive: { count: 40, month: "2026-11-01" },
      annualValue: { amount: 120 * 24_000 + 120 * 3_600 + 450_000, currency: "USD" },
      // Aug → Oct: 6,000 → 4,000 core actions, a third down.
      adoption: "falling",
    });
  });

  it("takes the incentive from the pricing engine when one is given", () => {
    const row = homeRow(75);
    const [card] = buildAccountHome([row], TODAY, () => ({ percent: 12, until: addDays(TODAY, 3) })).contracts;
    expect(card!.nextAction).toMatchObject({ key: "renewKeepDiscount", params: { percent: 12, date: addDays(TODAY, 3) } });
  });

  it("is empty for an account without contracts", () => {
    expect(buildAccountHome([], TODAY, seededStep)).toEqual({ contracts: [], needAttention: 0 });
  });
});

describe("buildContractPage", () => {
  const page = contractPageFor(contractDetail(), TODAY);

  it("prices each line and totals the year", () => {
    expect(page.lines.map((l) => l.lineTotal)).toEqual([2_880_000, 432_000, 450_000]);
    expect(page.totals).toEqual({ annual: 3_762_000, years: 1, term: 3_762_000 });
  });

  it("lists the current term and the earlier ones with value and renewal timing", () => {
    expect(page.terms.map((t) => [t.number, t.current, t.value, t.timing, t.renewedOn])).toEqual([
      ["C365-20001", true, 3_762_000, null, null],
      ["C365-10001", false, 2_500_000, "early", "2025-10-01"],
    ]);
  });

  it("keeps current quotes and real receipts, and drops replaced quotes and failed payments", () => {
    expect(page.quotes.map((q) => [q.number, q.createdOn, q.expiresOn])).toEqual([["Q-20001", "2026-11-20", "2026-12-20"]]);
    expect(page.receipts.map((r) => [r.quoteNumber, r.paidOn])).toEqual([["Q-10001", "2025-10-02"]]);
  });

  it("orders people admin, buyer, approver, user", () => {
    expect(page.people.map((p) => p.name)).toEqual(["Amelia Hart", "Ben Carter", "Sofia Alvarez"]);
  });

  it("charts every month of the term so far and flags the month to date", () => {
    expect(page.usage.months).toHaveLength(11);
    expect(page.usage.months.filter((m) => m.partial).map((m) => m.month)).toEqual(["2026-11-01"]);
    expect(page.usage.seatsBought).toBe(120);
  });

  it("compares with the previous term in the recap", () => {
    expect(page.recap.previousTerm).toEqual({ monthlyCoreActions: 4000, currentMonthlyCoreActions: 5390, change: 5390 / 4000 - 1 });
  });
});

describe("terms", () => {
  it("counts whole years, whatever the leap days", () => {
    expect(termYears({ termStart: "2026-01-01", termEnd: "2026-12-31" })).toBe(1);
    expect(termYears({ termStart: "2024-03-01", termEnd: "2027-02-28" })).toBe(3);
    expect(termYears({ termStart: "2026-01-01", termEnd: "2026-03-31" })).toBe(1);
  });

  it("calls a renewal early from 30 days before the end, on time up to the end, late after", () => {
    expect(renewalTiming("2026-12-01T10:00:00Z", "2026-12-31")).toBe("early");
    expect(renewalTiming("2026-12-02T10:00:00Z", "2026-12-31")).toBe("on_time");
    expect(renewalTiming("2026-12-31T23:00:00Z", "2026-12-31")).toBe("on_time");
    expect(renewalTiming(new Date("2027-01-05T10:00:00Z"), "2026-12-31")).toBe("late");
  });
});
