import type { Locale } from "../i18n/config";
import type { CheckoutSession, PaymentProviderName } from "../../domain/payments/types";
import type { Charge } from "../../domain/payments/checkout";

/** Everything a provider needs to open a checkout session for one attempt at paying one quote. */
export interface CheckoutRequest {
  quote: {
    id: string;
    number: string;
    version: number;
    contractId: string;
    contractNumber: string;
    accountId: string;
    newTermStart: string;
    newTermEnd: string;
    poNumber: string | null;
  };
  charge: Charge;
  /** 1, 2, …: a new attempt only after the previous session expired or failed. */
  attempt: number;
  /** The person paying (prefilled on the payment page). */
  customerEmail: string | null;
  /** Where the receipt goes: the billing email when the quote has one. */
  receiptEmail: string | null;
  locale: Locale;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
}

/**
 * A payment provider: the one seam between the portal and whoever takes the
 * money. Stripe in real life; the demo checkout without a key. Every method
 * may be called again with the same arguments (retries, a second app
 * instance) and must then give the same answer.
 */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /**
   * The provider's clock, which decides when its sessions expire: Stripe's is
   * the real time (it refuses an expires_at outside 30 min–24 h from its
   * now), whatever date the portal pins for demos.
   */
  now(): Date;
  /** Creates the attempt's session, or returns the one already created for it (idempotent). */
  createCheckoutSession(request: CheckoutRequest): Promise<CheckoutSession>;
  retrieveSession(sessionId: string): Promise<CheckoutSession>;
  /** Sessions created since `createdAfter`, newest first (at most `limit`). */
  listRecentSessions(options: { createdAfter: Date; limit: number }): Promise<CheckoutSession[]>;
  /** Ends an open session so it can no longer be paid. */
  expireSession(sessionId: string): Promise<CheckoutSession>;
}

/** The provider could not be reached or refused the request; nothing was charged. */
export class PaymentProviderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PaymentProviderError";
  }
}
