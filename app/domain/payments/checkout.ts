/**
 * What a checkout charges and when a quote can be paid, as pure functions.
 * The server composes the charge from the quote's stored lines only; the
 * browser never sends an amount.
 */
import type { PaymentStatus, QuoteStatus } from "../../../db/schema";
import { SETTLED_PAYMENT_STATUSES } from "./fulfilment";

/** Stripe lets a Checkout Session live 30 minutes to 24 hours; two hours is enough to find a card and short enough that an abandoned one is gone by the next quote. */
export const SESSION_LIFETIME_MS = 2 * 3_600_000;

/** A session this close to its end is not handed out again: the customer needs time to type a card. */
export const REUSE_MARGIN_MS = 15 * 60_000;

/** Stripe takes at most eight digits of minor units in one charge (US$999,999.99). */
export const CARD_PAYMENT_LIMIT = 99_999_999;

export interface ChargeItem {
  code: string;
  quantity: number;
  pricingModel: "per_seat" | "flat";
  termYears: number;
  /** The whole term's amount of this product line. */
  amount: number;
}

/** The charge sent to the provider: one item per product line and one discount for the sum of the discount lines. */
export interface Charge {
  currency: string;
  items: ChargeItem[];
  /** Positive; 0 when the quote has no discount. */
  discount: number;
  total: number;
}

export class ChargeMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChargeMismatchError";
  }
}

interface StoredLine {
  kind: "product" | "discount" | "bonus";
  code: string;
  quantity: number;
  amount: number;
  detail: unknown;
}

/**
 * The charge for a quote. Checkout line items cannot be negative, so the
 * discount lines travel as one discount beside the product lines; the
 * provider then shows (and its invoice keeps) the same subtotal, discount
 * and total as the quote. Throws if the lines do not add up to the total:
 * the customer is never charged anything but the quote's total.
 */
export function chargeFor(quote: { currency: string; total: number; lines: readonly StoredLine[] }): Charge {
  const items: ChargeItem[] = [];
  let discount = 0;
  for (const line of quote.lines) {
    if (!Number.isSafeInteger(line.amount)) throw new ChargeMismatchError(`line ${line.code} is not a whole amount`);
    if (line.kind === "product") {
      if (line.amount < 0) throw new ChargeMismatchError(`product line ${line.code} is negative`);
      const detail = (line.detail ?? {}) as { termYears?: number; pricingModel?: "per_seat" | "flat" };
      items.push({
        code: line.code,
        quantity: line.quantity,
        pricingModel: detail.pricingModel ?? "flat",
        termYears: detail.termYears ?? 1,
        amount: line.amount,
      });
    } else if (line.kind === "discount") {
      if (line.amount > 0) throw new ChargeMismatchError(`discount line ${line.code} is positive`);
      discount -= line.amount;
    } else if (line.amount !== 0) {
      throw new ChargeMismatchError(`bonus line ${line.code} has an amount`);
    }
  }
  const subtotal = items.reduce((sum, item) => sum + item.amount, 0);
  if (items.length === 0) throw new ChargeMismatchError("the quote has no product line");
  if (subtotal - discount !== quote.total) {
    throw new ChargeMismatchError(`lines add up to ${subtotal - discount}, the quote says ${quote.total}`);
  }
  if (discount > subtotal) throw new ChargeMismatchError("the discount is larger than the subtotal");
  return { currency: quote.currency, items, discount, total: quote.total };
}

/** The same request for the same attempt of the same quote version is one session, however often it is sent. */
export function checkoutIdempotencyKey(quoteId: string, version: number, attempt: number, what: "session" | "coupon" = "session"): string {
  return `c365-${what}-${quoteId}-v${version}-a${attempt}`;
}

export type CheckoutState =
  | "payable"
  | "paid"
  | "processing"
  | "expired"
  | "not_confirmed"
  | "closed"
  | "too_large";

/**
 * What the checkout page can offer for a quote: pay it, or say plainly why
 * not. `latestPayment` is the quote's most recent payment attempt.
 */
export function checkoutState(
  quote: { status: QuoteStatus; expiresAt: Date; total: number },
  latestPayment: { status: PaymentStatus } | null,
  now: Date,
): CheckoutState {
  if (quote.status === "paid" || quote.status === "fulfilled") return "paid";
  if (latestPayment && SETTLED_PAYMENT_STATUSES.includes(latestPayment.status)) return "paid";
  if (latestPayment?.status === "processing") return "processing";
  if (quote.status === "draft" || quote.status === "shared" || quote.status === "approved") return "not_confirmed";
  if (quote.status === "declined" || quote.status === "superseded") return "closed";
  if (quote.status === "expired" || quote.expiresAt.getTime() <= now.getTime()) return "expired";
  if (quote.total > CARD_PAYMENT_LIMIT) return "too_large";
  return "payable";
}
