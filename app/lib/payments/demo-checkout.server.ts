import type { DemoCardOutcome } from "../../domain/payments/demo-cards";
import { fulfilQuotePayment, recordSessionProcessing, type FulfilmentContext } from "../../models/renewal-fulfilment.server";
import type { Database } from "../db.server";
import { demoPaymentIntentId } from "./demo.server";
import type { PaymentProvider } from "./provider";
import { inTransactionWithRetry } from "./settle.server";

export type DemoPaymentResult = "paid" | "processing" | "not_open" | "refused";

/**
 * The demo "payment": a test card that succeeds completes the session
 * through the same fulfilment function as a Stripe webhook; the delayed
 * test card leaves it processing, as a bank debit would.
 */
export async function payDemoSession(
  db: Database,
  provider: PaymentProvider,
  sessionId: string,
  outcome: Extract<DemoCardOutcome, "succeeds" | "processing">,
  ctx: FulfilmentContext,
): Promise<DemoPaymentResult> {
  const session = await provider.retrieveSession(sessionId);
  if (session.provider !== "demo" || session.status !== "open") return "not_open";
  const paymentIntentId = demoPaymentIntentId(sessionId);
  if (outcome === "succeeds") {
    const result = await inTransactionWithRetry(db, (trx) =>
      fulfilQuotePayment(trx, { ...session, status: "complete", paymentStatus: "paid", paymentIntentId, url: null }, ctx),
    );
    return result.status === "fulfilled" ? "paid" : "refused";
  }
  const result = await inTransactionWithRetry(db, (trx) =>
    recordSessionProcessing(trx, { ...session, status: "complete", paymentStatus: "unpaid", paymentIntentId, url: null }, ctx),
  );
  return result === "processing" ? "processing" : typeof result === "string" ? "not_open" : "refused";
}
