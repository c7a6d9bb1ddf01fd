import { describe, expect, it } from "vitest";

import { computeQuote, priceFingerprint, type PricedQuote, type QuoteOptions } from "~/domain/pricing";
import { priceHash } from "~/domain/pricing/price-hash.server";

import { TODAY, catalogueIn, northwindContext, seededRules } from "./support";

const options: QuoteOptions = {
  termYears: 2,
  planCode: "professional",
  seats: 125,
  addOns: [
    { code: "analytics", quantity: 125 },
    { code: "premium_support", quantity: 1 },
  ],
};
const CONTRACT = "2f1c7a52-5b8e-4e43-9a57-2f0d5d1c9a10";

function quote(opts: QuoteOptions = options, today = TODAY, catalogue = catalogueIn("USD")): PricedQuote {
  const result = computeQuote(northwindContext(), catalogue, seededRules(), opts, today);
  if (!result.ok) throw new Error("expected a quote");
  return result.quote;
}

describe("priceFingerprint and priceHash", () => {
  it("is the same for a recomputed quote, whatever order the add-ons come in", () => {
    const reordered = { ...options, addOns: [...options.addOns].reverse() };
    expect(priceFingerprint(quote(reordered), reordered, CONTRACT, 3)).toBe(priceFingerprint(quote(), options, CONTRACT, 3));
    expect(priceHash(quote(), options, CONTRACT, 3)).toMatch(/^[0-9a-f]{64}$/);
    expect(priceHash(quote(reordered), reordered, CONTRACT, 3)).toBe(priceHash(quote(), options, CONTRACT, 3));
  });

  it("is the same for options that price the same (a per-seat add-on's sent quantity is ignored)", () => {
    const sloppy = { ...options, addOns: [{ code: "analytics", quantity: 7 }, { code: "premium_support" }] };
    expect(priceHash(quote(sloppy), sloppy, CONTRACT, 3)).toBe(priceHash(quote(), options, CONTRACT, 3));
  });

  it("does not change from one day to the next while the price stays the same", () => {
    // 95 and 91 days before the end: both in the 10% window.
    expect(priceHash(quote(options, "2026-11-29"), options, CONTRACT, 1)).toBe(priceHash(quote(), options, CONTRACT, 1));
  });

  it("changes when anything that sets the price changes", () => {
    const base = priceHash(quote(), options, CONTRACT, 3);
    const tampered: PricedQuote = { ...quote(), total: quote().total - 100 };
    const cheaperLine: PricedQuote = {
      ...quote(),
      lines: quote().lines.map((line) => (line.kind === "product" ? { ...line, unitAmount: line.unitAmount - 1 } : line)),
    };
    const others = [
      priceHash(tampered, options, CONTRACT, 3),
      priceHash(cheaperLine, options, CONTRACT, 3),
      priceHash(quote(), options, CONTRACT, 4), // another version
      priceHash(quote(), options, "0d4b8f6e-0000-4000-8000-000000000000", 3), // another contract
      priceHash(quote(), { ...options, seats: 126 }, CONTRACT, 3), // options that do not match the lines
      priceHash(quote(options, "2026-12-01"), options, CONTRACT, 3), // priced after the 10% window closed
      priceHash(quote(options, TODAY, catalogueIn("USD", { analytics: { unitAmount: 3_700 } })), options, CONTRACT, 3), // new price list
      priceHash(quote({ ...options, termYears: 3 }), { ...options, termYears: 3 }, CONTRACT, 3),
    ];
    for (const other of others) expect(other).not.toBe(base);
    expect(new Set(others).size).toBe(others.length);
  });
});
