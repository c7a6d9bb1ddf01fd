import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  CARD_PAYMENT_LIMIT,
  ChargeMismatchError,
  chargeFor,
  checkoutIdempotencyKey,
  checkoutState,
} from "~/domain/payments/checkout";
import { computeQuote, type QuoteOptions } from "~/domain/pricing";
import { addDays } from "~/lib/dates";

import type { CurrencyCode } from "../../../db/seed/factories";

import { catalogueIn, seededRules } from "../pricing/support";

const TODAY = "2026-11-25";

describe("the charge sent to the provider", () => {
  it("always charges exactly the quote's total, for any quote the engine prices", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<CurrencyCode>("USD", "MYR", "CNY", "TWD"),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom(1, 2, 3),
        fc.integer({ min: -20, max: 200 }),
        fc.subarray(["analytics", "premium_support", "sso_audit", "sandbox"]),
        (currency, seats, termYears, daysToEnd, addOns) => {
          const catalogue = catalogueIn(currency);
          const termEnd = addDays(TODAY, daysToEnd);
          const context = {
            currency,
            termEnd,
            segment: "enterprise" as const,
            plan: { code: "professional", quantity: seats, unitAmount: 24_000 },
            addOns: [],
            seatsInUse: null,
          };
          const options: QuoteOptions = { termYears: termYears as 1 | 2 | 3, planCode: "professional", seats, addOns: addOns.map((code) => ({ code })) };
          const result = computeQuote(context, catalogue, seededRules(), options, TODAY);
          if (!result.ok) return;
          const charge = chargeFor(result.quote);
          const items = charge.items.reduce((sum, item) => sum + item.amount, 0);
          expect(items - charge.discount).toBe(result.quote.total);
          expect(charge.discount).toBe(result.quote.discountTotal);
          expect(charge.items.every((item) => item.amount >= 0 && Number.isSafeInteger(item.amount))).toBe(true);
          expect(charge.items).toHaveLength(result.quote.lines.filter((l) => l.kind === "product").length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses lines that do not add up to the total, and discounts that are not discounts", () => {
    const product = { kind: "product" as const, code: "starter", quantity: 1, amount: 10_000, detail: { termYears: 1 } };
    const discount = { kind: "discount" as const, code: "early_renewal", quantity: 1, amount: -1_000, detail: {} };
    expect(() => chargeFor({ currency: "USD", total: 9_000, lines: [product, discount] })).not.toThrow();
    expect(() => chargeFor({ currency: "USD", total: 9_500, lines: [product, discount] })).toThrow(ChargeMismatchError);
    expect(() => chargeFor({ currency: "USD", total: 11_000, lines: [product, { ...discount, amount: 1_000 }] })).toThrow(ChargeMismatchError);
    expect(() => chargeFor({ currency: "USD", total: 0, lines: [] })).toThrow(ChargeMismatchError);
    expect(() => chargeFor({ currency: "USD", total: 10_000.5, lines: [{ ...product, amount: 10_000.5 }] })).toThrow(ChargeMismatchError);
  });

  it("derives one idempotency key per quote version and attempt", () => {
    const id = "7f1c2a9e-0000-4000-8000-000000000001";
    expect(checkoutIdempotencyKey(id, 2, 1)).toBe(checkoutIdempotencyKey(id, 2, 1));
    expect(new Set([checkoutIdempotencyKey(id, 2, 1), checkoutIdempotencyKey(id, 2, 2), checkoutIdempotencyKey(id, 3, 1), checkoutIdempotencyKey(id, 2, 1, "coupon")]).size).toBe(4);
  });
});

describe("what the checkout page can offer", () => {
  const now = new Date("2026-11-25T09:00:00Z");
  const open = { status: "awaiting_payment" as const, expiresAt: new Date("2026-12-25T23:59:59Z"), total: 100_00 };

  it("offers payment only for a confirmed quote still holding its price", () => {
    expect(checkoutState(open, null, now)).toBe("payable");
    expect(checkoutState(open, { status: "failed" }, now)).toBe("payable");
    expect(checkoutState(open, { status: "expired" }, now)).toBe("payable");
    expect(checkoutState({ ...open, expiresAt: new Date("2026-11-25T08:59:59Z") }, null, now)).toBe("expired");
    expect(checkoutState({ ...open, status: "expired" }, null, now)).toBe("expired");
    for (const status of ["draft", "shared", "approved"] as const) expect(checkoutState({ ...open, status }, null, now)).toBe("not_confirmed");
    for (const status of ["declined", "superseded"] as const) expect(checkoutState({ ...open, status }, null, now)).toBe("closed");
  });

  it("says paid or processing before anything else, even once the quote's time is up", () => {
    const late = new Date("2027-01-30T00:00:00Z");
    expect(checkoutState({ ...open, status: "fulfilled" }, null, late)).toBe("paid");
    expect(checkoutState(open, { status: "succeeded" }, late)).toBe("paid");
    expect(checkoutState(open, { status: "refunded" }, now)).toBe("paid");
    expect(checkoutState(open, { status: "processing" }, late)).toBe("processing");
  });

  it("sends amounts above what a card payment can take to a person instead", () => {
    expect(checkoutState({ ...open, total: CARD_PAYMENT_LIMIT }, null, now)).toBe("payable");
    expect(checkoutState({ ...open, total: CARD_PAYMENT_LIMIT + 1 }, null, now)).toBe("too_large");
  });
});
