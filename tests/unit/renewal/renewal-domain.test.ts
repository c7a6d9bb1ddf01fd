import { describe, expect, it } from "vitest";

import { computeQuote, type RenewalContext } from "~/domain/pricing";
import { confirmRefusal, type ConfirmFacts } from "~/domain/renewal/confirmation";
import { incentiveCountdown } from "~/domain/renewal/countdown";
import { nonRenewalAlternatives, optionsToSearchParams, readOptions } from "~/domain/renewal/options";

import { catalogueIn, seededRules } from "../pricing/support";

const usd = catalogueIn("USD");
const northwind: RenewalContext = {
  currency: "USD",
  termEnd: "2027-02-28",
  segment: "enterprise",
  plan: { code: "professional", quantity: 120, unitAmount: 24_000 },
  addOns: [
    { code: "analytics", quantity: 120, unitAmount: 3_600 },
    { code: "premium_support", quantity: 1, unitAmount: 450_000 },
  ],
  seatsInUse: 104,
};

describe("reading the options form", () => {
  it("is the recommendation when no option was sent", () => {
    const reading = readOptions(new URLSearchParams(), northwind, usd);
    expect(reading).toMatchObject({ ok: true, fromForm: false, options: { termYears: 1, planCode: "professional", seats: 104 } });
  });

  it("reads term, plan, seats, checked add-ons and flat quantities; unchecked add-ons are absent", () => {
    const form = new URLSearchParams("term=2&plan=enterprise&seats=125&addOn=analytics&addOn=storage_1tb&qty_storage_1tb=3&qty_sandbox=4");
    const reading = readOptions(form, northwind, usd);
    expect(reading).toEqual({
      ok: true,
      fromForm: true,
      options: { termYears: 2, planCode: "enterprise", seats: 125, addOns: [{ code: "analytics" }, { code: "storage_1tb", quantity: 3 }], saveOffer: false },
    });
  });

  it("leaves business rules to the engine but refuses what is not even a number", () => {
    expect(readOptions(new URLSearchParams("term=9&plan=x&seats=-3"), northwind, usd)).toMatchObject({ ok: true, options: { termYears: 9, seats: -3 } });
    const words = readOptions(new URLSearchParams("term=two&plan=professional&seats=ten"), northwind, usd);
    expect(words).toEqual({ ok: false, fromForm: true, errors: { term: "pricing:errors.termNotOffered", seats: "pricing:errors.seatsNotWhole" } });
    const quantity = readOptions(new URLSearchParams("term=1&plan=professional&seats=10&addOn=sandbox&qty_sandbox=lots"), northwind, usd);
    expect(quantity.ok && quantity.options.addOns[0]!.quantity).toBeNaN();
  });

  it("round-trips through a link, priced the same", () => {
    const options = { termYears: 3 as const, planCode: "starter", seats: 40, addOns: [{ code: "analytics", quantity: 40 }, { code: "sandbox", quantity: 2 }], saveOffer: false };
    const reading = readOptions(optionsToSearchParams(options), northwind, usd);
    if (!reading.ok) throw new Error("must read");
    const direct = computeQuote(northwind, usd, seededRules(), options, "2026-11-25");
    const viaLink = computeQuote(northwind, usd, seededRules(), reading.options, "2026-11-25");
    expect(viaLink.ok && viaLink.quote.total).toBe(direct.ok && direct.quote.total);
    expect(viaLink.ok && viaLink.quote.options).toEqual(options);
  });
});

describe("the countdown", () => {
  it("says when today's incentive ends and what follows", () => {
    const quote = computeQuote(northwind, usd, seededRules(), { termYears: 1, planCode: "professional", seats: 104, addOns: [] }, "2026-11-25");
    if (!quote.ok) throw new Error("must price");
    const countdown = incentiveCountdown(quote.quote.incentiveSchedule);
    expect(countdown.current).toEqual({ until: "2026-11-30", offer: { percent: 10, bonusMonths: 0, bonusFeature: null } });
    expect(countdown.next).toEqual({ from: "2026-12-01", offer: { percent: 7, bonusMonths: 0, bonusFeature: null } });
    expect(countdown.steps.map((s) => [s.from, s.until, s.offer?.percent ?? null])).toEqual([
      ["2026-11-25", "2026-11-30", 10],
      ["2026-12-01", "2026-12-30", 7],
      ["2026-12-31", "2027-01-29", 4],
      ["2027-01-30", null, null],
    ]);
  });

  it("has no headline when nothing applies today", () => {
    const countdown = incentiveCountdown([{ from: "2027-02-10", until: null, incentive: null }]);
    expect(countdown).toEqual({ current: null, next: null, steps: [{ from: "2027-02-10", until: null, offer: null }] });
  });
});

describe("whether a quote may be confirmed", () => {
  const base: ConfirmFacts = {
    stored: { status: "draft", version: 3, priceHash: "a".repeat(64), expiresAt: new Date("2026-12-25T23:59:59.999Z") },
    latestVersion: 3,
    submitted: { version: 3, priceHash: "a".repeat(64) },
    recomputedHash: "a".repeat(64),
    now: new Date("2026-11-25T09:00:00Z"),
  };
  const refusal = (change: Partial<Omit<ConfirmFacts, "stored">> & { stored?: Partial<ConfirmFacts["stored"]> }) =>
    confirmRefusal({ ...base, ...change, stored: { ...base.stored, ...change.stored } });

  it("accepts an open, current, unexpired, untouched quote whose price still holds", () => {
    expect(refusal({})).toBeNull();
    expect(refusal({ stored: { status: "shared" } })).toBeNull();
    expect(refusal({ stored: { status: "approved" } })).toBeNull();
  });

  it("refuses, in this order: confirmed, superseded, not open, tampered, expired, closed, stale", () => {
    expect(refusal({ stored: { status: "awaiting_payment" }, submitted: { version: 9, priceHash: "b" } })).toBe("already_confirmed");
    expect(refusal({ stored: { status: "paid" } })).toBe("already_confirmed");
    expect(refusal({ latestVersion: 4, submitted: { version: 9, priceHash: "b" } })).toBe("superseded");
    expect(refusal({ stored: { status: "superseded" } })).toBe("superseded");
    expect(refusal({ stored: { status: "declined" } })).toBe("not_open");
    expect(refusal({ submitted: { version: 4, priceHash: base.stored.priceHash } })).toBe("tampered");
    expect(refusal({ submitted: { version: 3, priceHash: "b".repeat(64) }, now: new Date("2027-01-01") })).toBe("tampered");
    expect(refusal({ now: new Date("2026-12-25T23:59:59.999Z"), recomputedHash: "c" })).toBe("expired");
    expect(refusal({ recomputedHash: null })).toBe("closed");
    expect(refusal({ recomputedHash: "c".repeat(64) })).toBe("stale");
  });
});

describe("what the not-renewing page offers", () => {
  it("a lower plan, the seats in use, and the one-time offer on one year", () => {
    const offers = nonRenewalAlternatives(northwind, usd);
    expect(offers.smallerPlan).toMatchObject({ planCode: "starter", seats: 104, termYears: 1 });
    expect(offers.fewerSeats).toMatchObject({ planCode: "professional", seats: 104 });
    expect(offers.fewerSeats!.addOns).toContainEqual({ code: "analytics", quantity: 104 });
    expect(offers.saveOffer).toMatchObject({ termYears: 1, saveOffer: true });
    const saved = computeQuote(northwind, usd, seededRules(), offers.saveOffer, "2026-11-25");
    expect(saved.ok && saved.quote.lines.find((l) => l.code === "save_offer")?.detail).toMatchObject({ percent: 15 });
  });

  it("nothing smaller on the lowest plan, and no fewer seats when all are in use", () => {
    const starter: RenewalContext = { ...northwind, plan: { code: "starter", quantity: 25, unitAmount: 12_000 }, addOns: [], seatsInUse: 30 };
    const offers = nonRenewalAlternatives(starter, usd);
    expect(offers.smallerPlan).toBeNull();
    expect(offers.fewerSeats).toBeNull();
  });
});
