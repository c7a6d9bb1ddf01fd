/**
 * The rules of fulfilment, as pure functions: whether a paid checkout
 * session may renew its quote's contract, what the new term's lines are,
 * and which payment states may follow which. The transaction that applies
 * them is app/models/renewal-fulfilment.server.ts.
 */
import type { QuoteStatus } from "../../../db/schema";
import type { CheckoutSession, PaymentStatus, QuoteForPayment } from "./types";

/** A customer may start paying only a confirmed quote. */
export const PAYABLE_QUOTE_STATUSES: readonly QuoteStatus[] = ["awaiting_payment"];

/**
 * A payment that went through is honoured even if the quote's price lock ran
 * out while the customer was on the payment page (a Stripe session outlives
 * the end of the quote's last day by up to two hours): the customer paid the
 * price they were shown, and refusing would leave money with no renewal.
 */
export const FULFILLABLE_QUOTE_STATUSES: readonly QuoteStatus[] = ["awaiting_payment", "expired"];

/** Statuses of a payment that took money (a refund does not undo that it was the quote's payment). */
export const SETTLED_PAYMENT_STATUSES: readonly PaymentStatus[] = ["succeeded", "refunded", "partially_refunded"];

export type RefusalReason =
  | "unknown_quote"
  | "amount_mismatch"
  | "currency_mismatch"
  | "version_mismatch"
  | "not_payable"
  | "contract_not_active"
  | "already_renewed";

export type FulfilmentCheck = { ok: true } | { ok: false; reason: RefusalReason };

export interface ContractFacts {
  status: "active" | "renewed" | "ended" | "cancelled";
  /** The contract already has a successor term. */
  renewed: boolean;
}

/**
 * Whether a session the provider reports as paid may fulfil its quote. Order
 * matters only for the message: an unknown quote first, then what was paid
 * (amount, currency, version), then whether the renewal can still happen.
 */
export function checkPaidSession(
  quote: QuoteForPayment | null,
  session: Pick<CheckoutSession, "amountTotal" | "currency" | "quoteVersion">,
  contract: ContractFacts | null,
): FulfilmentCheck {
  if (!quote) return { ok: false, reason: "unknown_quote" };
  if (session.amountTotal !== quote.total) return { ok: false, reason: "amount_mismatch" };
  if ((session.currency ?? "").toUpperCase() !== quote.currency) return { ok: false, reason: "currency_mismatch" };
  if (session.quoteVersion !== null && session.quoteVersion !== quote.version) return { ok: false, reason: "version_mismatch" };
  if (!FULFILLABLE_QUOTE_STATUSES.includes(quote.status)) return { ok: false, reason: "not_payable" };
  if (!contract) return { ok: false, reason: "unknown_quote" };
  if (contract.renewed || contract.status === "renewed") return { ok: false, reason: "already_renewed" };
  if (contract.status !== "active") return { ok: false, reason: "contract_not_active" };
  return { ok: true };
}

/**
 * The payment states a provider event may move a payment to, and from which.
 * Webhooks arrive in any order and more than once: a state is only ever
 * entered from an earlier one, so a late "expired" or "processing" never
 * undoes a success, and a late failure never undoes money received.
 * (Success itself is entered from any unsettled state: a signed "paid" is
 * the provider's final word.)
 */
export const PAYMENT_MOVES = {
  processing: ["open", "expired"],
  failed: ["open", "processing", "expired"],
  expired: ["open"],
} as const satisfies Record<string, readonly PaymentStatus[]>;

export type PaymentMove = keyof typeof PAYMENT_MOVES;

export interface QuoteLineLike {
  position: number;
  kind: "product" | "discount" | "bonus";
  productId: string | null;
  quantity: number;
  unitAmount: number;
  amount: number;
}

/** The new term's contract lines: each product line of the quote, at the price per unit per year it was sold at. */
export function contractLinesFromQuote(lines: readonly QuoteLineLike[]) {
  return lines
    .filter((line): line is QuoteLineLike & { productId: string } => line.kind === "product" && line.productId !== null)
    .sort((a, b) => a.position - b.position)
    .map((line, position) => ({ productId: line.productId, quantity: line.quantity, unitAmount: line.unitAmount, position }));
}

/** What renewing on these terms saved: the sum of the discount lines, as a positive amount. */
export function renewalSaving(lines: readonly Pick<QuoteLineLike, "kind" | "amount">[]): number {
  // 0 - x, not -x: no discount is a saving of 0, never -0.
  return 0 - lines.filter((line) => line.kind === "discount").reduce((sum, line) => sum + line.amount, 0);
}
