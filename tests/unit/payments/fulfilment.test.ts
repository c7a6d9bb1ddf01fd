import { describe, expect, it } from "vitest";

import { checkPaidSession, contractLinesFromQuote, renewalSaving } from "~/domain/payments/fulfilment";
import type { QuoteForPayment } from "~/domain/payments/types";

const quote: QuoteForPayment = {
  id: "q1",
  number: "Q-20001",
  accountId: "a1",
  contractId: "k1",
  version: 3,
  status: "awaiting_payment",
  currency: "USD",
  total: 66_690_00,
  newTermStart: "2027-03-01",
  newTermEnd: "2029-02-28",
  expiresAt: new Date("2026-12-25T23:59:59.999Z"),
};
const paid = { amountTotal: 66_690_00, currency: "USD", quoteVersion: 3 };
const active = { status: "active" as const, renewed: false };

describe("whether a paid session may renew its contract", () => {
  it("accepts the quote's exact amount, currency and version on an active, unrenewed contract", () => {
    expect(checkPaidSession(quote, paid, active)).toEqual({ ok: true });
    // Stripe sends lower-case currencies; a session without a version (made elsewhere) is judged on the rest.
    expect(checkPaidSession(quote, { ...paid, currency: "usd", quoteVersion: null }, active)).toEqual({ ok: true });
    // The price lock ran out while the customer was paying: the payment is still honoured.
    expect(checkPaidSession({ ...quote, status: "expired" }, paid, active)).toEqual({ ok: true });
  });

  it("refuses, with the reason, anything else", () => {
    const refused = (...args: Parameters<typeof checkPaidSession>) => {
      const check = checkPaidSession(...args);
      return check.ok ? null : check.reason;
    };
    expect(refused(null, paid, active)).toBe("unknown_quote");
    expect(refused(quote, { ...paid, amountTotal: paid.amountTotal - 1 }, active)).toBe("amount_mismatch");
    expect(refused(quote, { ...paid, amountTotal: null }, active)).toBe("amount_mismatch");
    expect(refused(quote, { ...paid, currency: "MYR" }, active)).toBe("currency_mismatch");
    expect(refused(quote, { ...paid, quoteVersion: 2 }, active)).toBe("version_mismatch");
    expect(refused({ ...quote, status: "superseded" }, paid, active)).toBe("not_payable");
    expect(refused({ ...quote, status: "fulfilled" }, paid, active)).toBe("not_payable");
    expect(refused(quote, paid, { status: "active", renewed: true })).toBe("already_renewed");
    expect(refused(quote, paid, { status: "cancelled", renewed: false })).toBe("contract_not_active");
  });
});

describe("the new term's lines and the saving", () => {
  const lines = [
    { position: 2, kind: "product" as const, productId: "p-support", quantity: 1, unitAmount: 450_000, amount: 900_000 },
    { position: 0, kind: "product" as const, productId: "p-pro", quantity: 125, unitAmount: 24_000, amount: 6_000_000 },
    { position: 3, kind: "discount" as const, productId: null, quantity: 1, unitAmount: -390_000, amount: -390_000 },
    { position: 4, kind: "discount" as const, productId: null, quantity: 1, unitAmount: -741_000, amount: -741_000 },
    { position: 5, kind: "bonus" as const, productId: null, quantity: 1, unitAmount: 0, amount: 0 },
  ];

  it("keeps each product at its yearly unit price and quantity, in quote order", () => {
    expect(contractLinesFromQuote(lines)).toEqual([
      { productId: "p-pro", quantity: 125, unitAmount: 24_000, position: 0 },
      { productId: "p-support", quantity: 1, unitAmount: 450_000, position: 1 },
    ]);
  });

  it("counts the saving as the sum of the discount lines", () => {
    expect(renewalSaving(lines)).toBe(1_131_000);
    expect(renewalSaving(lines.filter((l) => l.kind === "product"))).toBe(0);
  });
});
