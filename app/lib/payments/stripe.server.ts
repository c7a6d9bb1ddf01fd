import Stripe from "stripe";

import { checkoutIdempotencyKey } from "../../domain/payments/checkout";
import type { CheckoutSession } from "../../domain/payments/types";
import { formatDate } from "../format";
import type { Locale } from "../i18n/config";
import { getFixedT } from "../i18n/i18n.server";
import { PaymentProviderError, type CheckoutRequest, type PaymentProvider } from "./provider";

export interface StripeProviderConfig {
  secretKey: string;
  webhookSecret: string;
  /** STRIPE_API_URL: another host for the SDK (tests, local Stripe-compatible servers). */
  apiUrl?: string;
  maxNetworkRetries?: number;
  timeoutMs?: number;
}

/**
 * STRIPE_API_URL as the SDK's `host`, `port` and `protocol` options. The SDK
 * has no base-path option, so a path in the URL is ignored.
 */
export function stripeConnection(apiUrl: string | undefined): { host?: string; port?: number; protocol?: "http" | "https" } {
  if (!apiUrl) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443,
    protocol,
  };
}

/** Stripe Checkout's page language for the portal's locales. */
const STRIPE_LOCALE: Record<Locale, Stripe.Checkout.SessionCreateParams.Locale> = {
  en: "en-GB",
  ms: "ms",
  "zh-Hans": "zh",
  "zh-Hant": "zh-TW",
};

/** A signed webhook event, reduced to what the portal reads. */
export interface StripeWebhookEvent {
  id: string;
  type: string;
  object: unknown;
}

function intOrNull(value: string | undefined | null): number | null {
  if (value === undefined || value === null || !/^\d+$/.test(value)) return null;
  return Number(value);
}

/** Stripe's Checkout Session in the portal's terms. */
export function fromStripeSession(session: Stripe.Checkout.Session): CheckoutSession {
  const intent = session.payment_intent;
  return {
    id: session.id,
    provider: "stripe",
    status: session.status === "complete" ? "complete" : session.status === "expired" ? "expired" : "open",
    paymentStatus:
      session.payment_status === "paid" ? "paid" : session.payment_status === "no_payment_required" ? "no_payment_required" : "unpaid",
    quoteId: session.client_reference_id ?? session.metadata?.quoteId ?? null,
    quoteVersion: intOrNull(session.metadata?.quoteVersion),
    attempt: intOrNull(session.metadata?.attempt),
    amountTotal: typeof session.amount_total === "number" ? session.amount_total : null,
    currency: session.currency ? session.currency.toUpperCase() : null,
    paymentIntentId: typeof intent === "string" ? intent : (intent?.id ?? null),
    url: session.url ?? null,
    expiresAt: new Date(session.expires_at * 1000),
    createdAt: new Date(session.created * 1000),
  };
}

function wrap(error: unknown, what: string): PaymentProviderError {
  const message = error instanceof Error ? error.message : String(error);
  return new PaymentProviderError(`Stripe ${what} failed: ${message}`, { cause: error });
}

export class StripeProvider implements PaymentProvider {
  readonly name = "stripe" as const;
  readonly client: Stripe;

  now(): Date {
    return new Date();
  }

  constructor(private readonly config: StripeProviderConfig) {
    this.client = new Stripe(config.secretKey, {
      ...stripeConnection(config.apiUrl),
      maxNetworkRetries: config.maxNetworkRetries ?? 2,
      timeout: config.timeoutMs ?? 20_000,
      telemetry: false,
      appInfo: { name: "Customer365" },
    });
  }

  /** Verifies Stripe's signature over the raw body; throws on a bad or stale one. */
  verifyWebhook(payload: string, signature: string | null): StripeWebhookEvent {
    if (!signature) throw new PaymentProviderError("Stripe webhook without a Stripe-Signature header");
    const event = this.client.webhooks.constructEvent(payload, signature, this.config.webhookSecret);
    return { id: event.id, type: event.type, object: (event.data as { object: unknown }).object };
  }

  async createCheckoutSession(request: CheckoutRequest): Promise<CheckoutSession> {
    const { quote, charge, attempt } = request;
    const t = getFixedT(request.locale, "checkout");
    const catalogue = getFixedT(request.locale, "catalog");
    const pricing = getFixedT(request.locale, "pricing");
    const currency = charge.currency.toLowerCase();
    const metadata = {
      quoteId: quote.id,
      quoteNumber: quote.number,
      quoteVersion: String(quote.version),
      contractId: quote.contractId,
      accountId: quote.accountId,
      attempt: String(attempt),
    };
    const description = t("provider.description", {
      contract: quote.contractNumber,
      quote: quote.number,
      start: formatDate(quote.newTermStart, request.locale),
      end: formatDate(quote.newTermEnd, request.locale),
    });

    try {
      let discounts: Stripe.Checkout.SessionCreateParams.Discount[] | undefined;
      if (charge.discount > 0) {
        const coupon = await this.client.coupons.create(
          {
            amount_off: charge.discount,
            currency,
            duration: "once",
            max_redemptions: 1,
            // Stripe shows at most 40 characters of a coupon's name.
            name: t("provider.discountName", { quote: quote.number }).slice(0, 40),
            metadata,
          },
          { idempotencyKey: checkoutIdempotencyKey(quote.id, quote.version, attempt, "coupon") },
        );
        discounts = [{ coupon: coupon.id }];
      }

      const session = await this.client.checkout.sessions.create(
        {
          mode: "payment",
          line_items: charge.items.map((item) => ({
            quantity: 1,
            price_data: {
              currency,
              unit_amount: item.amount,
              product_data: {
                name: t("provider.lineName", {
                  product: catalogue(`products.${item.code}.name`, { defaultValue: item.code }),
                  quantity: t(item.pricingModel === "per_seat" ? "provider.seats" : "provider.units", { count: item.quantity }),
                  term: pricing("lines.forYears", { count: item.termYears }),
                }),
                metadata: { code: item.code },
              },
            },
          })),
          ...(discounts ? { discounts } : {}),
          ...(request.customerEmail ? { customer_email: request.customerEmail } : {}),
          client_reference_id: quote.id,
          metadata,
          expires_at: Math.floor(request.expiresAt.getTime() / 1000),
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          locale: STRIPE_LOCALE[request.locale],
          invoice_creation: {
            enabled: true,
            invoice_data: {
              description,
              metadata,
              ...(quote.poNumber
                ? { custom_fields: [{ name: t("provider.poNumber").slice(0, 40), value: quote.poNumber.slice(0, 140) }] }
                : {}),
            },
          },
          payment_intent_data: {
            description,
            metadata,
            ...(request.receiptEmail ? { receipt_email: request.receiptEmail } : {}),
          },
        },
        { idempotencyKey: checkoutIdempotencyKey(quote.id, quote.version, attempt) },
      );
      return fromStripeSession(session);
    } catch (error) {
      throw wrap(error, "checkout session creation");
    }
  }

  async retrieveSession(sessionId: string): Promise<CheckoutSession> {
    try {
      return fromStripeSession(await this.client.checkout.sessions.retrieve(sessionId));
    } catch (error) {
      throw wrap(error, "session retrieval");
    }
  }

  async listRecentSessions(options: { createdAfter: Date; limit: number }): Promise<CheckoutSession[]> {
    const found: CheckoutSession[] = [];
    try {
      const pages = this.client.checkout.sessions.list({
        created: { gte: Math.floor(options.createdAfter.getTime() / 1000) },
        limit: Math.min(100, options.limit),
      });
      for await (const session of pages) {
        found.push(fromStripeSession(session));
        if (found.length >= options.limit) break;
      }
    } catch (error) {
      throw wrap(error, "session listing");
    }
    return found;
  }

  async expireSession(sessionId: string): Promise<CheckoutSession> {
    try {
      return fromStripeSession(await this.client.checkout.sessions.expire(sessionId));
    } catch (error) {
      throw wrap(error, "session expiry");
    }
  }
}

export function createStripeProvider(config: StripeProviderConfig): StripeProvider {
  return new StripeProvider(config);
}
