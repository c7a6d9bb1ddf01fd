import type { Transaction } from "kysely";

import type { DB } from "../../../db/schema";
import { lockPaymentEvent, markPaymentEventProcessed, storePaymentEvent } from "../../models/payments.server";
import {
  fulfilQuotePayment,
  recordProviderRefund,
  recordSessionExpired,
  recordSessionFailed,
  recordSessionProcessing,
  type FulfilmentContext,
  type FulfilmentOutcome,
} from "../../models/renewal-fulfilment.server";
import type { Database } from "../db.server";
import { errorFields, log } from "../log.server";
import type { PaymentProvider } from "./provider";
import { inTransactionWithRetry } from "./settle.server";
import { StripeProvider, fromStripeSession, type StripeWebhookEvent } from "./stripe.server";
import type Stripe from "stripe";

export interface WebhookResponse {
  status: number;
  body: string;
}

export interface WebhookDeps {
  db: Database;
  provider: PaymentProvider;
  now: Date;
  baseUrl: string;
  requestId?: string | null;
}

function outcomeCode(outcome: FulfilmentOutcome | string): string {
  if (typeof outcome === "string") return outcome;
  if (outcome.status === "fulfilled") return outcome.alreadyDone ? "already_fulfilled" : "fulfilled";
  return `refused:${outcome.reason}`;
}

const CHECKOUT_EVENTS = new Set([
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
]);

/** What one verified Stripe event does, in the transaction that marks it processed. */
async function processStripeEvent(trx: Transaction<DB>, event: StripeWebhookEvent, ctx: FulfilmentContext): Promise<string> {
  // A Stripe account may sell other things too: a session that names no
  // quote is not the portal's, and is ignored rather than raised as an alarm.
  // One that names a quote the portal does not know is refused and alerted.
  if (CHECKOUT_EVENTS.has(event.type) && fromStripeSession(event.object as Stripe.Checkout.Session).quoteId === null) {
    return "ignored:not_ours";
  }
  switch (event.type) {
    case "checkout.session.completed": {
      const session = fromStripeSession(event.object as Stripe.Checkout.Session);
      if (session.paymentStatus === "paid") return outcomeCode(await fulfilQuotePayment(trx, session, ctx));
      if (session.paymentStatus === "unpaid") return outcomeCode(await recordSessionProcessing(trx, session, ctx));
      return "ignored:no_payment_required";
    }
    case "checkout.session.async_payment_succeeded":
      return outcomeCode(await fulfilQuotePayment(trx, { ...fromStripeSession(event.object as Stripe.Checkout.Session), status: "complete", paymentStatus: "paid" }, ctx));
    case "checkout.session.async_payment_failed":
      return recordSessionFailed(trx, fromStripeSession(event.object as Stripe.Checkout.Session), ctx);
    case "checkout.session.expired":
      return recordSessionExpired(trx, fromStripeSession(event.object as Stripe.Checkout.Session), ctx);
    case "charge.refunded": {
      const charge = event.object as Stripe.Charge;
      const intent = typeof charge.payment_intent === "string" ? charge.payment_intent : (charge.payment_intent?.id ?? null);
      return recordProviderRefund(
        trx,
        { provider: "stripe", paymentIntentId: intent, amountRefunded: charge.amount_refunded, currency: charge.currency.toUpperCase() },
        ctx,
      );
    }
    default:
      return "ignored";
  }
}

/**
 * POST /webhooks/stripe. The raw body's signature is checked first (a bad
 * one: 400, nothing stored). The event is then stored once by id (insert …
 * on conflict do nothing) and processed in a transaction that locks its row:
 * a duplicate of a processed event answers 200 without doing anything again,
 * while one that was stored but never processed (the app stopped midway) is
 * processed now. Processing is small and done inline, so Stripe's delivery
 * is the retry mechanism: any failure (the database down) answers 500 and
 * Stripe sends the event again. An event the portal refuses (unknown quote,
 * wrong amount) is recorded and told to the success team, and answered 200:
 * retrying it for three days would not make it acceptable.
 */
export async function receiveStripeWebhook(payload: string, signature: string | null, deps: WebhookDeps): Promise<WebhookResponse> {
  if (!(deps.provider instanceof StripeProvider)) return { status: 404, body: "Stripe is not configured" };
  let event: StripeWebhookEvent;
  try {
    event = deps.provider.verifyWebhook(payload, signature);
  } catch (error) {
    log.warn("stripe webhook refused: bad signature", { requestId: deps.requestId, ...errorFields(error) });
    return { status: 400, body: "Invalid signature" };
  }

  const ctx: FulfilmentContext = { now: deps.now, source: "webhook", baseUrl: deps.baseUrl, requestId: deps.requestId ?? null };
  try {
    await storePaymentEvent(deps.db, { provider: "stripe", eventId: event.id, type: event.type, payload, receivedAt: deps.now });
    const result = await inTransactionWithRetry(deps.db, async (trx) => {
      const stored = await lockPaymentEvent(trx, "stripe", event.id);
      if (!stored) throw new Error(`Stripe event ${event.id} was not stored`);
      if (stored.processedAt) return { outcome: stored.outcome ?? "processed", duplicate: true };
      const outcome = await processStripeEvent(trx, event, ctx);
      await markPaymentEventProcessed(trx, "stripe", event.id, outcome, deps.now);
      return { outcome, duplicate: false };
    });
    log.info("stripe webhook", { eventId: event.id, type: event.type, ...result, requestId: deps.requestId });
    return { status: 200, body: JSON.stringify({ received: true, ...result }) };
  } catch (error) {
    log.error("stripe webhook not processed; Stripe will retry", { eventId: event.id, type: event.type, requestId: deps.requestId, ...errorFields(error) });
    return { status: 500, body: "Temporarily unable to process this event" };
  }
}
