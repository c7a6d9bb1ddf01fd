import { describe, expect, it } from "vitest";

import { computeQuote, recommendedOptions, type PricedQuote, type QuoteOptions, type QuoteResult } from "~/domain/pricing";

import { TODAY, amounts, catalogueIn, northwindContext, rule, seededRules } from "./support";

/*
 * Every amount below was worked out by hand from the seeded price list
 * (db/seed/factories.ts CATALOGUE) and docs/product-policies.md; the
 * arithmetic is written next to it so a reader can redo it.
 */

function priced(result: QuoteResult): PricedQuote {
  if (!result.ok) throw new Error(`expected a quote, got ${JSON.stringify(result.errors)}`);
  return result.quote;
}

function errorsOf(result: QuoteResult) {
  if (result.ok) throw new Error("expected errors, got a quote");
  return result.errors.map(({ field, code }) => ({ field, code }));
}

const usd = catalogueIn("USD");
const rules = seededRules();
const sameAsToday: QuoteOptions = {
  termYears: 1,
  planCode: "professional",
  seats: 120,
  addOns: [
    { code: "analytics", quantity: 120 },
    { code: "premium_support", quantity: 1 },
  ],
};

describe("computeQuote: USD, Northwind Professional, 95 days before the end", () => {
  it("prices a 1-year renewal of the same lines with the 10% early-renewal discount", () => {
    const quote = priced(computeQuote(northwindContext(), usd, rules, sameAsToday, TODAY));
    expect(amounts(quote.lines)).toEqual([
      ["product", "professional", 2_880_000], // 120 × US$240.00
      ["product", "analytics", 432_000], // 120 × US$36.00
      ["product", "premium_support", 450_000], // 1 × US$4,500.00
      ["discount", "early_renewal", -376_200], // 10% of 3,762,000
    ]);
    expect(quote.subtotal).toBe(3_762_000);
    expect(quote.discountTotal).toBe(376_200);
    expect(quote.total).toBe(3_385_800); // US$33,858.00
    expect(quote.lines[3]?.detail).toMatchObject({ percent: 10, bps: 1000, days: 95, minDaysBeforeEnd: 90, base: 3_762_000 });
    expect(quote.daysBeforeEnd).toBe(95);
    expect(quote.timing).toBe("early");
    // Early renewal keeps the remaining days: the new term starts after the old one ends.
    expect(quote.newTermStart).toBe("2027-03-01");
    expect(quote.newTermEnd).toBe("2028-02-29");
    expect(quote.warnings).toEqual([]);
  });

  it("shows each product line per year and for the whole term", () => {
    const quote = priced(computeQuote(northwindContext(), usd, rules, { ...sameAsToday, termYears: 3 }, TODAY));
    expect(quote.lines[0]).toMatchObject({
      kind: "product",
      code: "professional",
      productId: "product-professional",
      quantity: 120,
      unitAmount: 24_000,
      amount: 8_640_000, // 120 × 24,000 × 3 years
      detail: { termYears: 3, annualAmount: 2_880_000, previousQuantity: 120, previousUnitAmount: 24_000, tier: 2 },
    });
  });

  it("prices +5 seats on a 2-year term: multi-year 5% on the subtotal, then 10% on what remains", () => {
    const options: QuoteOptions = {
      termYears: 2,
      planCode: "professional",
      seats: 125,
      addOns: [
        { code: "analytics", quantity: 125 },
        { code: "premium_support", quantity: 1 },
      ],
    };
    const quote = priced(computeQuote(northwindContext(), usd, rules, options, TODAY));
    expect(amounts(quote.lines)).toEqual([
      ["product", "professional", 6_000_000], // 125 × 24,000 × 2
      ["product", "analytics", 900_000], // 125 × 3,600 × 2
      ["product", "premium_support", 900_000], // 450,000 × 2
      ["discount", "multi_year", -390_000], // 5% of 7,800,000
      ["discount", "early_renewal", -741_000], // 10% of 7,410,000
    ]);
    expect(quote.lines[3]?.detail).toMatchObject({ percent: 5, termYears: 2, base: 7_800_000 });
    expect(quote.lines[4]?.detail).toMatchObject({ percent: 10, days: 95, base: 7_410_000 });
    expect([quote.subtotal, quote.discountTotal, quote.total]).toEqual([7_800_000, 1_131_000, 6_669_000]);
    expect(quote.newTermEnd).toBe("2029-02-28");
  });

  it("prices a 3-year term with 10% multi-year and 10% early renewal", () => {
    const quote = priced(computeQuote(northwindContext(), usd, rules, { ...sameAsToday, termYears: 3 }, TODAY));
    // 3,762,000 × 3 = 11,286,000; −1,128,600 → 10,157,400; −1,015,740 → 9,141,660
    expect(quote.lines.filter((line) => line.kind === "discount").map((line) => line.amount)).toEqual([-1_128_600, -1_015_740]);
    expect(quote.total).toBe(9_141_660);
    expect(quote.newTermEnd).toBe("2030-02-28");
  });

  it("prices an upgrade to Enterprise at its list price, with no downgrade warning", () => {
    const quote = priced(
      computeQuote(northwindContext(), usd, rules, { ...sameAsToday, planCode: "enterprise" }, TODAY),
    );
    expect(quote.lines[0]).toMatchObject({
      code: "enterprise",
      amount: 5_040_000, // 120 × 42,000
      detail: { tier: 3, previousQuantity: null, previousUnitAmount: null },
    });
    expect(quote.subtotal).toBe(5_922_000); // 5,040,000 + 432,000 + 450,000
    expect(quote.total).toBe(5_329_800); // − 592,200
    expect(quote.warnings).toEqual([]);
  });

  it("prices a downgrade to Starter and warns about it", () => {
    const quote = priced(computeQuote(northwindContext(), usd, rules, { ...sameAsToday, planCode: "starter" }, TODAY));
    expect(quote.lines[0]?.amount).toBe(1_440_000); // 120 × 12,000
    expect(quote.warnings).toEqual([{ code: "warnings.planDowngrade", values: { from: "professional", to: "starter" } }]);
  });

  it("adds a cross-sold add-on as its own line", () => {
    const quote = priced(
      computeQuote(
        northwindContext(),
        usd,
        rules,
        { ...sameAsToday, addOns: [...sameAsToday.addOns, { code: "sso_audit", quantity: 1 }] },
        TODAY,
      ),
    );
    expect(quote.lines.map((line) => line.code)).toEqual([
      "professional",
      "analytics",
      "premium_support",
      "sso_audit",
      "early_renewal",
    ]);
    expect(quote.lines[3]).toMatchObject({ amount: 300_000, detail: { previousQuantity: null } });
    expect(quote.total).toBe(3_655_800); // (3,762,000 + 300,000) × 0.9
  });

  it("warns when the seats go below the seats in use, and still prices", () => {
    const quote = priced(
      computeQuote(
        northwindContext(),
        usd,
        rules,
        { ...sameAsToday, seats: 100, addOns: [{ code: "analytics", quantity: 100 }] },
        TODAY,
      ),
    );
    expect(quote.warnings).toEqual([{ code: "warnings.seatsBelowInUse", values: { seats: 100, inUse: 104 } }]);
    expect(quote.subtotal).toBe(2_760_000); // 100 × 24,000 + 100 × 3,600
  });

  it("prices per-seat add-ons at the plan's seats, whatever quantity is sent, and flat ones at 1 by default", () => {
    const quote = priced(
      computeQuote(
        northwindContext(),
        usd,
        rules,
        {
          ...sameAsToday,
          seats: 125,
          addOns: [{ code: "analytics", quantity: 3 }, { code: "premium_support" }, { code: "storage_1tb", quantity: 4 }],
        },
        TODAY,
      ),
    );
    expect(quote.lines.slice(0, 4).map((line) => [line.code, line.quantity, line.amount])).toEqual([
      ["professional", 125, 3_000_000],
      ["analytics", 125, 450_000], // 125 × 3,600, not 3 ×
      ["premium_support", 1, 450_000],
      ["storage_1tb", 4, 240_000], // 4 TB × 60,000
    ]);
    // What was priced, ready to store with the quote.
    expect(quote.options).toEqual({
      termYears: 1,
      planCode: "professional",
      seats: 125,
      addOns: [
        { code: "analytics", quantity: 125 },
        { code: "premium_support", quantity: 1 },
        { code: "storage_1tb", quantity: 4 },
      ],
      saveOffer: false,
    });
  });

  it("orders add-on lines by the catalogue, not by the order they were chosen in", () => {
    const reversed = { ...sameAsToday, addOns: [...sameAsToday.addOns].reverse() };
    expect(computeQuote(northwindContext(), usd, rules, reversed, TODAY)).toEqual(
      computeQuote(northwindContext(), usd, rules, sameAsToday, TODAY),
    );
  });
});

describe("computeQuote: other currencies", () => {
  it("MYR, mid-market, 65 days before the end: 7%", () => {
    const context = northwindContext({
      currency: "MYR",
      segment: "mid_market",
      termEnd: "2027-01-29", // 2026-11-25 + 65 days
      plan: { code: "professional", quantity: 30, unitAmount: 108_000 },
      addOns: [{ code: "sandbox", quantity: 2, unitAmount: 810_000 }],
      seatsInUse: 27,
    });
    const quote = priced(
      computeQuote(
        context,
        catalogueIn("MYR"),
        rules,
        { termYears: 1, planCode: "professional", seats: 30, addOns: [{ code: "sandbox", quantity: 2 }] },
        TODAY,
      ),
    );
    expect(amounts(quote.lines)).toEqual([
      ["product", "professional", 3_240_000], // 30 × RM1,080.00
      ["product", "sandbox", 1_620_000], // 2 × RM8,100.00
      ["discount", "early_renewal", -340_200], // 7% of 4,860,000
    ]);
    expect(quote.total).toBe(4_519_800);
  });

  it("CNY, 3 years, 61 days before the end: 10% multi-year then 7%", () => {
    const context = northwindContext({
      currency: "CNY",
      termEnd: "2027-01-25", // + 61 days
      plan: { code: "professional", quantity: 50, unitAmount: 168_000 },
      addOns: [],
    });
    const quote = priced(
      computeQuote(
        context,
        catalogueIn("CNY"),
        rules,
        { termYears: 3, planCode: "professional", seats: 50, addOns: [{ code: "sso_audit", quantity: 1 }] },
        TODAY,
      ),
    );
    expect(amounts(quote.lines)).toEqual([
      ["product", "professional", 25_200_000], // 50 × ¥1,680.00 × 3
      ["product", "sso_audit", 6_300_000], // ¥21,000.00 × 3
      ["discount", "multi_year", -3_150_000], // 10% of 31,500,000
      ["discount", "early_renewal", -1_984_500], // 7% of 28,350,000
    ]);
    expect(quote.total).toBe(26_365_500);
  });

  it("TWD, 10 days before the end: no early-renewal discount, whole dollars", () => {
    const context = northwindContext({
      currency: "TWD",
      segment: "mid_market",
      termEnd: "2026-12-05",
      plan: { code: "starter", quantity: 12, unitAmount: 372_000 },
      addOns: [{ code: "storage_1tb", quantity: 3, unitAmount: 1_860_000 }],
      seatsInUse: null,
    });
    const quote = priced(
      computeQuote(
        context,
        catalogueIn("TWD"),
        rules,
        { termYears: 2, planCode: "starter", seats: 12, addOns: [{ code: "storage_1tb", quantity: 3 }] },
        TODAY,
      ),
    );
    expect(amounts(quote.lines)).toEqual([
      ["product", "starter", 8_928_000], // 12 × NT$3,720 × 2
      ["product", "storage_1tb", 11_160_000], // 3 × NT$18,600 × 2
      ["discount", "multi_year", -1_004_400], // 5% of NT$200,880 = NT$10,044
    ]);
    expect(quote.total).toBe(19_083_600);
    expect(quote.timing).toBe("on_time");
    expect(quote.incentive).toBeNull();
  });

  it("TWD rounds each discount to whole dollars, half away from zero", () => {
    const context = northwindContext({
      currency: "TWD",
      segment: "smb",
      termEnd: "2027-01-09", // + 45 days: 4%
      plan: { code: "starter", quantity: 1, unitAmount: 372_000 },
      addOns: [],
    });
    const options: QuoteOptions = { termYears: 1, planCode: "starter", seats: 1, addOns: [] };
    const quote = priced(computeQuote(context, catalogueIn("TWD"), rules, options, TODAY));
    // 4% of NT$3,720 is NT$148.80 → NT$149
    expect(quote.lines[1]?.amount).toBe(-14_900);
    expect(quote.total).toBe(357_100);

    // 7% of NT$3,720 is NT$260.40 → NT$260
    const at65 = priced(computeQuote({ ...context, termEnd: "2027-01-29" }, catalogueIn("TWD"), rules, options, TODAY));
    expect(at65.lines[1]?.amount).toBe(-26_000);

    // 5% of NT$1,010 is exactly NT$50.50 → NT$51 (half away from zero); of NT$1,009, NT$50.45 → NT$50
    const catalogue = (price: number) => catalogueIn("TWD", { starter: { unitAmount: price } });
    const exact = priced(computeQuote({ ...context, termEnd: "2026-11-30" }, catalogue(101_000), rules, { ...options, termYears: 2 }, TODAY));
    expect(exact.lines[1]).toMatchObject({ code: "multi_year", amount: -10_100 }); // 5% of NT$2,020 = NT$101 exactly
    const half = priced(
      computeQuote(
        { ...context, termEnd: "2026-11-30" },
        catalogue(101_000),
        [rule({ kind: "multi_year", termYears: 2, discountBps: 250 })],
        { ...options, termYears: 2 },
        TODAY,
      ),
    );
    expect(half.lines[1]?.amount).toBe(-5_100); // 2.5% of NT$2,020 = NT$50.50 → NT$51
    const below = priced(
      computeQuote(
        { ...context, termEnd: "2026-11-30" },
        catalogue(100_900),
        [rule({ kind: "multi_year", termYears: 2, discountBps: 250 })],
        { ...options, termYears: 2 },
        TODAY,
      ),
    );
    expect(below.lines[1]?.amount).toBe(-5_000); // 2.5% of NT$2,018 = NT$50.45 → NT$50
  });

  it("TWD rounds a catalogue price that is not whole dollars", () => {
    const context = northwindContext({ currency: "TWD", termEnd: "2026-11-30", plan: { code: "starter", quantity: 1, unitAmount: 0 }, addOns: [] });
    const quote = priced(
      computeQuote(
        context,
        catalogueIn("TWD", { starter: { unitAmount: 372_050 } }),
        rules,
        { termYears: 1, planCode: "starter", seats: 1, addOns: [] },
        TODAY,
      ),
    );
    expect(quote.lines[0]).toMatchObject({ unitAmount: 372_100, amount: 372_100 });
  });

  it("USD rounds a fraction of a cent half away from zero", () => {
    const context = northwindContext({ termEnd: "2026-11-30", addOns: [] });
    const options: QuoteOptions = { termYears: 2, planCode: "professional", seats: 1, addOns: [] };
    const ruleAt = (bps: number) => [rule({ kind: "multi_year", termYears: 2, discountBps: bps })];
    // 7.5% of 2 × 10,007 = 20,014 → 1,501.05 → 1,501
    expect(priced(computeQuote(context, catalogueIn("USD", { professional: { unitAmount: 10_007 } }), ruleAt(750), options, TODAY)).lines[1]?.amount).toBe(-1_501);
    // 2.5% of 2 × 10,010 = 20,020 → 500.5 → 501
    expect(priced(computeQuote(context, catalogueIn("USD", { professional: { unitAmount: 10_010 } }), ruleAt(250), options, TODAY)).lines[1]?.amount).toBe(-501);
  });
});

describe("computeQuote: incentives", () => {
  it("gives the public sector 10% from 120 days", () => {
    const context = northwindContext({ segment: "public_sector", termEnd: "2027-03-25" }); // + 120 days
    const quote = priced(computeQuote(context, usd, rules, sameAsToday, TODAY));
    expect(quote.incentive).toMatchObject({ discountBps: 1000, minDaysBeforeEnd: 120 });
    expect(quote.total).toBe(3_385_800);
    // The default set would give nothing extra here: at 120 days an SMB gets 10% too, but at 95 days
    // the public sector gets 7% (its 90-day window), not the default 10%.
    const at95 = priced(computeQuote({ ...context, termEnd: "2027-02-28" }, usd, rules, sameAsToday, TODAY));
    expect(at95.incentive).toMatchObject({ discountBps: 700, minDaysBeforeEnd: 90 });
    expect(at95.total).toBe(3_498_660); // 3,762,000 − 263,340
  });

  it("ignores rules that expired or have not started, and inactive ones", () => {
    const extra = [
      rule({ kind: "early_renewal", segment: "enterprise", minDaysBeforeEnd: 30, discountBps: 2500, effectiveTo: "2026-11-24" }),
      rule({ kind: "early_renewal", segment: "enterprise", minDaysBeforeEnd: 30, discountBps: 3000, effectiveFrom: "2026-11-26" }),
      rule({ kind: "early_renewal", segment: "enterprise", minDaysBeforeEnd: 30, discountBps: 3500, active: false }),
      rule({ kind: "multi_year", termYears: 2, discountBps: 4000, effectiveTo: "2026-11-24" }),
    ];
    const quote = priced(computeQuote(northwindContext(), usd, [...rules, ...extra], { ...sameAsToday, termYears: 2 }, TODAY));
    expect(quote.lines.filter((line) => line.kind === "discount").map((line) => line.detail)).toMatchObject([
      { bps: 500 },
      { bps: 1000 },
    ]);
  });

  it("applies a rule on its first and last effective day", () => {
    const only = (from: string, to: string) => [
      rule({ kind: "early_renewal", minDaysBeforeEnd: 0, discountBps: 1200, effectiveFrom: from, effectiveTo: to }),
    ];
    expect(priced(computeQuote(northwindContext(), usd, only(TODAY, "2026-12-31"), sameAsToday, TODAY)).incentive?.discountBps).toBe(1200);
    expect(priced(computeQuote(northwindContext(), usd, only("2026-01-01", TODAY), sameAsToday, TODAY)).incentive?.discountBps).toBe(1200);
  });

  it("lets a segment's rules replace the default set as a whole", () => {
    // Enterprise gets its own single window: 5% from 45 days. At 95 days the default 10% does not apply.
    const own = rule({ kind: "early_renewal", segment: "enterprise", minDaysBeforeEnd: 45, discountBps: 500 });
    const quote = priced(computeQuote(northwindContext(), usd, [...rules, own], sameAsToday, TODAY));
    expect(quote.incentive).toMatchObject({ ruleId: own.id, discountBps: 500 });
    // … and at 40 days there is nothing: the default 4% from 30 days is not mixed in.
    const late = priced(computeQuote(northwindContext({ termEnd: "2027-01-04" }), usd, [...rules, own], sameAsToday, TODAY));
    expect(late.incentive).toBeNull();
    // Another segment still gets the default set.
    const smb = priced(computeQuote(northwindContext({ segment: "smb" }), usd, [...rules, own], sameAsToday, TODAY));
    expect(smb.incentive?.discountBps).toBe(1000);
  });

  it("turns bonus-month rules into a zero-amount line and a longer new term", () => {
    const bonus = rule({
      kind: "early_renewal",
      segment: "enterprise",
      minDaysBeforeEnd: 90,
      discountBps: 0,
      bonusMonths: 2,
      bonusFeature: "sandbox",
    });
    const quote = priced(computeQuote(northwindContext(), usd, [...rules, bonus], sameAsToday, TODAY));
    expect(amounts(quote.lines).slice(-1)).toEqual([["bonus", "early_renewal_bonus", 0]]);
    expect(quote.lines.at(-1)).toMatchObject({ quantity: 2, detail: { months: 2, feature: "sandbox", ruleId: bonus.id } });
    expect(quote.lines.some((line) => line.kind === "discount")).toBe(false);
    expect(quote.total).toBe(quote.subtotal);
    expect(quote.bonusMonths).toBe(2);
    expect(quote.newTermEnd).toBe("2028-04-30"); // 2027-03-01 + 14 months − 1 day
  });

  it("applies the save offer only when asked, last, on a 1-year renewal", () => {
    const quote = priced(computeQuote(northwindContext(), usd, rules, { ...sameAsToday, saveOffer: true }, TODAY));
    expect(amounts(quote.lines).slice(3)).toEqual([
      ["discount", "early_renewal", -376_200],
      ["discount", "save_offer", -507_870], // 15% of 3,385,800
    ]);
    expect(quote.total).toBe(2_877_930);
    expect(priced(computeQuote(northwindContext(), usd, rules, sameAsToday, TODAY)).lines.map((l) => l.code)).not.toContain(
      "save_offer",
    );
  });

  it("never discounts below zero, however generous the rules", () => {
    const greedy = [
      rule({ kind: "multi_year", termYears: 2, discountBps: 9000 }),
      rule({ kind: "early_renewal", minDaysBeforeEnd: 0, discountBps: 20000 }),
    ];
    const quote = priced(computeQuote(northwindContext(), usd, greedy, { ...sameAsToday, termYears: 2 }, TODAY));
    expect(quote.total).toBe(0);
    expect(quote.discountTotal).toBe(quote.subtotal);
    expect(quote.lines.at(-1)).toMatchObject({ code: "early_renewal", amount: -752_400 }); // what remained
  });
});

describe("computeQuote: dates", () => {
  it("renews in grace from the day after the old term, with a warning", () => {
    const context = northwindContext({ termEnd: "2026-11-20" }); // ended 5 days ago
    const quote = priced(computeQuote(context, usd, rules, sameAsToday, TODAY));
    expect(quote.timing).toBe("late");
    expect(quote.daysBeforeEnd).toBe(-5);
    expect(quote.newTermStart).toBe("2026-11-21");
    expect(quote.newTermEnd).toBe("2027-11-20");
    expect(quote.incentive).toBeNull();
    expect(quote.warnings).toEqual([{ code: "warnings.lateRenewal", values: { termEnd: "2026-11-20", daysLate: 5 } }]);
    expect(quote.priceLockedUntil).toBe("2026-12-20"); // end of grace
  });

  it("refuses once the 30-day grace is over", () => {
    expect(errorsOf(computeQuote(northwindContext({ termEnd: "2026-10-25" }), usd, rules, sameAsToday, TODAY))).toEqual([
      { field: "contract", code: "errors.renewalClosed" },
    ]);
    expect(computeQuote(northwindContext({ termEnd: "2026-10-26" }), usd, rules, sameAsToday, TODAY).ok).toBe(true);
  });

  it("locks the price for 30 days, or to the end of the term if sooner", () => {
    expect(priced(computeQuote(northwindContext(), usd, rules, sameAsToday, TODAY)).priceLockedUntil).toBe("2026-12-25");
    expect(
      priced(computeQuote(northwindContext({ termEnd: "2026-12-05" }), usd, rules, sameAsToday, TODAY)).priceLockedUntil,
    ).toBe("2026-12-05");
  });

  it("ends a new term where the old one ended, years later, a month's last day staying the last day", () => {
    const endFor = (termEnd: string, termYears: 1 | 2 | 3 = 1) => {
      const quote = priced(computeQuote(northwindContext({ termEnd }), usd, rules, { ...sameAsToday, termYears }, TODAY));
      return [quote.newTermStart, quote.newTermEnd];
    };
    expect(endFor("2028-02-28")).toEqual(["2028-02-29", "2029-02-28"]); // not 2029-02-27: a full year
    expect(endFor("2028-02-29")).toEqual(["2028-03-01", "2029-02-28"]);
    expect(endFor("2027-02-28", 2)).toEqual(["2027-03-01", "2029-02-28"]);
    expect(endFor("2027-01-30")).toEqual(["2027-01-31", "2028-01-30"]);
    expect(endFor("2027-04-30")).toEqual(["2027-05-01", "2028-04-30"]);
    expect(endFor("2026-12-31", 3)).toEqual(["2027-01-01", "2029-12-31"]);
  });
});

describe("computeQuote: bad options", () => {
  const context = northwindContext();

  it("refuses seats outside the plan's range or not whole", () => {
    expect(errorsOf(computeQuote(context, usd, rules, { ...sameAsToday, seats: 0, addOns: [] }, TODAY))).toEqual([
      { field: "seats", code: "errors.seatsBelowMinimum" },
    ]);
    expect(errorsOf(computeQuote(context, usd, rules, { ...sameAsToday, seats: 100_001 }, TODAY))).toEqual([
      { field: "seats", code: "errors.seatsAboveMaximum" },
    ]);
    expect(errorsOf(computeQuote(context, usd, rules, { ...sameAsToday, seats: 12.5 }, TODAY))).toEqual([
      { field: "seats", code: "errors.seatsNotWhole" },
    ]);
    const limited = catalogueIn("USD", { professional: { minQuantity: 5, maxQuantity: 500 } });
    const result = computeQuote(context, limited, rules, { ...sameAsToday, seats: 4, addOns: [] }, TODAY);
    expect(result).toEqual({ ok: false, errors: [{ field: "seats", code: "errors.seatsBelowMinimum", values: { min: 5 } }] });
  });

  it("refuses a term that is not offered", () => {
    for (const termYears of [0, 4, 1.5, "2"]) {
      expect(
        errorsOf(computeQuote(context, usd, rules, { ...sameAsToday, termYears } as unknown as QuoteOptions, TODAY)),
      ).toEqual([{ field: "termYears", code: "errors.termNotOffered" }]);
    }
  });

  it("refuses an unknown plan, or an add-on given as the plan", () => {
    expect(errorsOf(computeQuote(context, usd, rules, { ...sameAsToday, planCode: "platinum" }, TODAY))).toEqual([
      { field: "planCode", code: "errors.planUnknown" },
    ]);
    expect(errorsOf(computeQuote(context, usd, rules, { ...sameAsToday, planCode: "analytics" }, TODAY))).toContainEqual({
      field: "planCode",
      code: "errors.planUnknown",
    });
  });

  it("refuses unknown, duplicate and mis-sized add-ons, naming each", () => {
    const result = computeQuote(
      context,
      usd,
      rules,
      {
        ...sameAsToday,
        addOns: [
          { code: "teleporter", quantity: 1 },
          { code: "starter", quantity: 1 },
          { code: "premium_support", quantity: 2 },
          { code: "sandbox", quantity: 1 },
          { code: "sandbox", quantity: 1 },
          { code: "storage_1tb", quantity: 0.5 },
        ],
      },
      TODAY,
    );
    expect(errorsOf(result)).toEqual([
      { field: "addOns.teleporter", code: "errors.addOnUnknown" },
      { field: "addOns.starter", code: "errors.addOnUnknown" },
      { field: "addOns.premium_support", code: "errors.addOnQuantityOutOfRange" },
      { field: "addOns.sandbox", code: "errors.addOnDuplicate" },
      { field: "addOns.storage_1tb", code: "errors.addOnQuantityNotWhole" },
    ]);
  });

  it("refuses a product that has no price in the contract's currency", () => {
    const noSandbox = catalogueIn("USD", { sandbox: { unitAmount: null }, enterprise: { unitAmount: null } });
    expect(
      errorsOf(
        computeQuote(context, noSandbox, rules, { ...sameAsToday, planCode: "enterprise", addOns: [{ code: "sandbox", quantity: 1 }] }, TODAY),
      ),
    ).toEqual([
      { field: "planCode", code: "errors.planUnavailableInCurrency" },
      { field: "addOns.sandbox", code: "errors.addOnUnavailableInCurrency" },
    ]);
  });

  it("refuses a catalogue in another currency than the contract's", () => {
    expect(errorsOf(computeQuote(context, catalogueIn("MYR"), rules, sameAsToday, TODAY))).toEqual([
      { field: "contract", code: "errors.currencyMismatch" },
    ]);
  });

  it("refuses the save offer on a multi-year term, a second time, or when no rule offers it", () => {
    expect(errorsOf(computeQuote(context, usd, rules, { ...sameAsToday, termYears: 2, saveOffer: true }, TODAY))).toEqual([
      { field: "saveOffer", code: "errors.saveOfferOneYearOnly" },
    ]);
    expect(
      errorsOf(computeQuote({ ...context, saveOfferUsed: true }, usd, rules, { ...sameAsToday, saveOffer: true }, TODAY)),
    ).toEqual([{ field: "saveOffer", code: "errors.saveOfferUsed" }]);
    const noSaveOffer = rules.filter((r) => r.kind !== "save_offer");
    expect(errorsOf(computeQuote(context, usd, noSaveOffer, { ...sameAsToday, saveOffer: true }, TODAY))).toEqual([
      { field: "saveOffer", code: "errors.saveOfferUnavailable" },
    ]);
  });

  it("reports every problem at once", () => {
    const result = computeQuote(
      context,
      usd,
      rules,
      { termYears: 5, planCode: "professional", seats: -1, addOns: [{ code: "nope", quantity: 1 }] } as unknown as QuoteOptions,
      TODAY,
    );
    expect(errorsOf(result).map((error) => error.field)).toEqual(["termYears", "seats", "addOns.nope"]);
  });
});

describe("recommendedOptions", () => {
  it("keeps plan and add-ons for one year, with as many seats as are in use", () => {
    expect(recommendedOptions(northwindContext(), usd)).toEqual({
      termYears: 1,
      planCode: "professional",
      seats: 104,
      // Analytics is per seat, so it follows the seat count.
      addOns: [
        { code: "analytics", quantity: 104 },
        { code: "premium_support", quantity: 1 },
      ],
      saveOffer: false,
    });
  });

  it("keeps the current seats without usage data, and the plan minimum at least", () => {
    expect(recommendedOptions(northwindContext({ seatsInUse: null }), usd).seats).toBe(120);
    expect(recommendedOptions(northwindContext({ seatsInUse: 0 }), usd).seats).toBe(1);
  });

  it("follows growth past the seats bought; per-seat add-ons follow, flat ones keep their quantity", () => {
    const context = northwindContext({
      seatsInUse: 123,
      addOns: [
        { code: "analytics", quantity: 50, unitAmount: 3_600 },
        { code: "storage_1tb", quantity: 5, unitAmount: 55_200 },
      ],
    });
    expect(recommendedOptions(context, usd)).toMatchObject({
      seats: 123,
      addOns: [
        { code: "analytics", quantity: 123 },
        { code: "storage_1tb", quantity: 5 },
      ],
    });
  });

  it("leaves out add-ons no longer sold in the currency, so the recommendation prices", () => {
    const catalogue = catalogueIn("USD", { premium_support: { unitAmount: null } });
    const options = recommendedOptions(northwindContext(), catalogue);
    expect(options.addOns.map((addOn) => addOn.code)).toEqual(["analytics"]);
    expect(computeQuote(northwindContext(), catalogue, rules, options, TODAY).ok).toBe(true);
  });

  it("prices the recommendation with today's best incentive", () => {
    const quote = priced(computeQuote(northwindContext(), usd, rules, recommendedOptions(northwindContext(), usd), TODAY));
    // 104 × 24,000 + 104 × 3,600 + 450,000 = 3,320,400; 10% off → 2,988,360
    expect([quote.subtotal, quote.total]).toEqual([3_320_400, 2_988_360]);
    expect(quote.incentive?.discountBps).toBe(1000);
  });
});
