/**
 * The payments vocabulary shared by the providers (Stripe, demo), the
 * webhook, the success page and the reconciliation job. Money is integer
 * minor units with an upper-case ISO 4217 code, as everywhere in the portal.
 */
import type { PaymentStatus, QuoteStatus } from "../../../db/schema";

export type { PaymentStatus };

export type PaymentProviderName = "stripe" | "demo";

/**
 * A checkout session as the portal sees it, whatever the provider: Stripe's
 * Checkout Session fields that matter here, in the portal's own terms.
 */
export interface CheckoutSession {
  id: string;
  provider: PaymentProviderName;
  /** open: the customer can still pay; complete: they finished; expired: nobody can pay it any more. */
  status: "open" | "complete" | "expired";
  /** unpaid while a delayed method (bank debit) is still clearing, paid once the money is there. */
  paymentStatus: "paid" | "unpaid" | "no_payment_required";
  /** The quote it was created for (client_reference_id / metadata), null if it names none. */
  quoteId: string | null;
  quoteVersion: number | null;
  attempt: number | null;
  /** What the provider will charge or charged, in minor units; null if it does not say. */
  amountTotal: number | null;
  /** Upper-case ISO 4217 code, or null. */
  currency: string | null;
  /** Stripe's PaymentIntent id (what a refund refers to), once there is one. */
  paymentIntentId: string | null;
  /** Where the customer pays (null once complete or expired). */
  url: string | null;
  expiresAt: Date;
  createdAt: Date;
}

/** What a quote row says about itself, for the checks before money is taken or a term is made. */
export interface QuoteForPayment {
  id: string;
  number: string;
  accountId: string;
  contractId: string;
  version: number;
  status: QuoteStatus;
  currency: string;
  total: number;
  newTermStart: string;
  newTermEnd: string;
  expiresAt: Date;
}
