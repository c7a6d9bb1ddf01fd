import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  computeQuote,
  earlyRenewalIncentiveOn,
  rulesFor,
  type IncentiveRule,
  type PricedQuote,
  type QuoteOptions,
  type RenewalContext,
  type Segment,
} from "~/domain/pricing";
import { addDays, daysBetween } from "~/lib/dates";

import { CATALOGUE, CURRENCIES, type CurrencyCode } from "../../../db/seed/factories";
import { catalogueIn, rule, seededRules } from "./support";

/*
 * Properties of every quote, over random contracts, options, dates and rule
 * sets (the seeded policy, or admin-made rules with any rates and dates).
 */

const SEGMENTS: Segment[] = ["smb", "mid_market", "enterprise", "public_sector"];
const PLANS = CATALOGUE.filter((entry) => entry.kind === "plan");
const ADDONS = CATALOGUE.filter((entry) => entry.kind === "addon");
const TERM_END = "2027-06-30";

const dayArb = (min: number, max: number) => fc.integer({ min, max }).map((offset) => addDays(TERM_END, offset));

/** Admin-made rules: any kind, rate, bonus, segment and effective window. */
const adminRuleArb: fc.Arbitrary<IncentiveRule> = fc
  .record({
    kind: fc.constantFrom("early_renewal" as const, "multi_year" as const, "save_offer" as const),
    segment: fc.constantFrom<Segment | null>(null, ...SEGMENTS),
    minDaysBeforeEnd: fc.integer({ min: 0, max: 400 }),
    termYears: fc.integer({ min: 1, max: 5 }),
    // The table caps a rate at 50%; the engine must stay sane without that CHECK too.
    discountBps: fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 5000 }), weight: 9 },
      { arbitrary: fc.integer({ min: 5001, max: 20_000 }), weight: 1 },
    ),
    bonusMonths: fc.integer({ min: 0, max: 12 }),
    effectiveFrom: dayArb(-900, 0),
    length: fc.option(fc.integer({ min: 0, max: 900 })),
    active: fc.boolean(),
  })
  .map((r) =>
    rule({
      kind: r.kind,
      segment: r.segment,
      minDaysBeforeEnd: r.kind === "early_renewal" ? r.minDaysBeforeEnd : null,
      termYears: r.kind === "multi_year" ? r.termYears : null,
      discountBps: r.discountBps === 0 && r.bonusMonths === 0 ? 100 : r.discountBps,
      bonusMonths: r.bonusMonths,
      effectiveFrom: r.effectiveFrom,
      effectiveTo: r.length === null ? null : addDays(r.effectiveFrom, r.length),
      active: r.active,
    }),
  );

const rulesArb = fc.oneof(
  fc.constant(seededRules("2020-01-01")),
  fc.array(adminRuleArb, { maxLength: 12 }),
  fc.array(adminRuleArb, { maxLength: 6 }).map((extra) => [...seededRules("2020-01-01"), ...extra]),
);

interface Case {
  currency: CurrencyCode;
  context: RenewalContext;
  options: QuoteOptions;
  rules: IncentiveRule[];
  today: string;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    currency: fc.constantFrom(...CURRENCIES),
    segment: fc.constantFrom(...SEGMENTS),
    currentPlan: fc.constantFrom(...PLANS.map((p) => p.code)),
    plan: fc.constantFrom(...PLANS.map((p) => p.code)),
    seats: fc.oneof(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 100_000 })),
    seatsInUse: fc.option(fc.integer({ min: 0, max: 600 })),
    termYears: fc.constantFrom(1 as const, 2 as const, 3 as const),
    addOns: fc.subarray(ADDONS.map((a) => a.code)),
    quantities: fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: ADDONS.length, maxLength: ADDONS.length }),
    daysBeforeEnd: fc.integer({ min: -30, max: 400 }),
    rules: rulesArb,
    saveOffer: fc.boolean(),
  })
  .map((c) => {
    const addOns = c.addOns.map((code, index) => {
      const entry = ADDONS.find((a) => a.code === code)!;
      const cap = entry.pricingModel === "per_seat" ? Math.min(entry.maxQuantity, c.seats) : entry.maxQuantity;
      const quantity = entry.minQuantity + ((c.quantities[index] ?? 1) % (cap - entry.minQuantity + 1));
      return { code, quantity };
    });
    // The save offer needs a rule and a 1-year term: ask for it only when it can be given.
    const today = addDays(TERM_END, -c.daysBeforeEnd);
    const saveOfferRule = rulesFor(c.rules, "save_offer", c.segment, today).length > 0;
    return {
      currency: c.currency,
      rules: c.rules,
      today,
      context: {
        currency: c.currency,
        termEnd: TERM_END,
        segment: c.segment,
        plan: { code: c.currentPlan, quantity: c.seats, unitAmount: 1 },
        addOns: [],
        seatsInUse: c.seatsInUse,
      },
      options: {
        termYears: c.termYears,
        planCode: c.plan,
        seats: c.seats,
        addOns,
        saveOffer: c.saveOffer && c.termYears === 1 && saveOfferRule,
      },
    };
  });

function quoteFor(c: Case, options: QuoteOptions = c.options, today = c.today): PricedQuote {
  const result = computeQuote(c.context, catalogueIn(c.currency), c.rules, options, today);
  if (!result.ok) throw new Error(`valid options were refused: ${JSON.stringify(result.errors)}`);
  return result.quote;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** Independent of the engine's BigInt code: plain numbers are exact at these sizes, checked below. */
function expectedDiscount(base: number, bps: number, step: number): number {
  const exact = base * bps;
  expect(Number.isSafeInteger(exact)).toBe(true);
  return Math.floor(exact / (10_000 * step) + 0.5) * step;
}

describe("pricing properties", () => {
  it("totals equal the sum of the lines, and the subtotal the sum of the products", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const quote = quoteFor(c);
        const products = quote.lines.filter((line) => line.kind === "product");
        const discounts = quote.lines.filter((line) => line.kind === "discount");
        expect(sum(quote.lines.map((line) => line.amount))).toBe(quote.total);
        expect(sum(products.map((line) => line.amount))).toBe(quote.subtotal);
        expect(0 - sum(discounts.map((line) => line.amount))).toBe(quote.discountTotal);
        expect(quote.total).toBe(quote.subtotal - quote.discountTotal);
      }),
      { numRuns: 400 },
    );
  });

  it("never gives a negative total, and every line keeps its sign", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const quote = quoteFor(c);
        expect(quote.total).toBeGreaterThanOrEqual(0);
        expect(quote.discountTotal).toBeLessThanOrEqual(quote.subtotal);
        for (const line of quote.lines) {
          if (line.kind === "product") {
            expect(line.amount).toBeGreaterThanOrEqual(0);
            expect(line.amount).toBe(line.unitAmount * line.quantity * quote.termYears);
          }
          if (line.kind === "discount") expect(line.amount).toBeLessThanOrEqual(0);
          if (line.kind === "bonus") expect(line.amount).toBe(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("stacks discounts in the documented order: multi-year on the subtotal, early renewal on the rest, save offer last", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const quote = quoteFor(c);
        const kinds = quote.lines.map((line) => line.kind);
        // Products, then discounts, then bonuses; the plan first.
        expect(kinds.join(",")).toMatch(/^(product,)*product(,discount)*(,bonus)*$/);
        expect(quote.lines[0]?.code).toBe(c.options.planCode);

        const discounts = quote.lines.flatMap((line) => (line.kind === "discount" ? [line] : []));
        const order = ["multi_year", "early_renewal", "save_offer"];
        expect(discounts.map((d) => order.indexOf(d.code))).toEqual(
          discounts.map((d) => order.indexOf(d.code)).sort((a, b) => a - b),
        );
        const step = c.currency === "TWD" ? 100 : 1;
        let remaining = quote.subtotal;
        for (const discount of discounts) {
          expect(discount.detail.base).toBe(remaining);
          const expected = Math.min(expectedDiscount(remaining, discount.detail.bps, step), remaining);
          // A discount that rounds to nothing is +0 (the engine keeps zero positive); negating it would give -0.
          expect(discount.amount === 0 ? 0 : -discount.amount).toBe(expected);
          remaining += discount.amount;
        }
        expect(remaining).toBe(quote.total);
      }),
      { numRuns: 400 },
    );
  });

  it("keeps every amount a whole number of minor units, and TWD a whole number of dollars", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const quote = quoteFor(c);
        const all = [quote.subtotal, quote.discountTotal, quote.total, ...quote.lines.flatMap((l) => [l.amount, l.unitAmount])];
        for (const amount of all) {
          expect(Number.isSafeInteger(amount)).toBe(true);
          if (c.currency === "TWD") expect(Math.abs(amount) % 100).toBe(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("is deterministic: the same inputs, in any add-on order, give the same quote", () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), (c, seed) => {
        const shuffled = [...c.options.addOns].sort((a, b) => ((a.code.length * seed) % 7) - ((b.code.length * seed) % 7));
        expect(quoteFor(c, { ...c.options, addOns: shuffled })).toEqual(quoteFor(c));
        expect(quoteFor(structuredClone(c))).toEqual(quoteFor(c));
      }),
      { numRuns: 200 },
    );
  });

  it("applies an early-renewal window exactly from its first day to its threshold day", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEGMENTS),
        fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 4 }),
        (segment, thresholds) => {
          const windows = thresholds.map((days, index) =>
            rule({ kind: "early_renewal", segment, minDaysBeforeEnd: days, discountBps: 100 * (index + 1) }),
          );
          for (const days of thresholds) {
            const onBoundary = earlyRenewalIncentiveOn(windows, segment, TERM_END, addDays(TERM_END, -days));
            const dayAfter = earlyRenewalIncentiveOn(windows, segment, TERM_END, addDays(TERM_END, -days + 1));
            // On the threshold day this window (or a larger one) applies; the next day a smaller one or none.
            expect(onBoundary?.minDaysBeforeEnd).toBe(Math.max(...thresholds.filter((t) => t <= days)));
            expect(dayAfter?.minDaysBeforeEnd ?? 0).toBeLessThan(days);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("prices the incentive the schedule promises for every day up to the end", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 450 }), (c, later) => {
        const quote = quoteFor(c);
        const day = addDays(c.today, later);
        const step = quote.incentiveSchedule.find((s) => s.from <= day && (s.until === null || day <= s.until));
        expect(step, `a step covers ${day}`).toBeDefined();
        const actual = earlyRenewalIncentiveOn(c.rules, c.context.segment, TERM_END, day);
        expect(step?.incentive?.discountBps ?? 0).toBe(actual?.discountBps ?? 0);
        expect(step?.incentive?.bonusMonths ?? 0).toBe(actual?.bonusMonths ?? 0);
        // Steps are contiguous and start today.
        expect(quote.incentiveSchedule[0]?.from).toBe(c.today);
        quote.incentiveSchedule.slice(1).forEach((s, i) => {
          expect(s.from).toBe(addDays(quote.incentiveSchedule[i]!.until!, 1));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("never lowers the total when seats go up", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 500 }), (c, more) => {
        const seats = Math.min(c.options.seats + more, 100_000);
        expect(quoteFor(c, { ...c.options, seats }).total).toBeGreaterThanOrEqual(quoteFor(c).total);
      }),
      { numRuns: 300 },
    );
  });

  it("starts the new term the day after the old one and makes it at least the years chosen", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const quote = quoteFor(c);
        expect(quote.newTermStart).toBe(addDays(TERM_END, 1));
        const days = daysBetween(quote.newTermStart, quote.newTermEnd) + 1;
        expect(days).toBeGreaterThanOrEqual(365 * quote.termYears + 28 * quote.bonusMonths);
        expect(days).toBeLessThanOrEqual(366 * quote.termYears + 31 * quote.bonusMonths);
      }),
      { numRuns: 200 },
    );
  });
});
