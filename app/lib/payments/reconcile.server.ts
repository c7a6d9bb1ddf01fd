import { isPlaceholderSessionId, listUnsettledPayments } from "../../models/payments.server";
import type { Database } from "../db.server";
import { errorFields, log } from "../log.server";
import type { PaymentProvider } from "./provider";
import { applyProviderSession } from "./settle.server";

/** Stripe retries a webhook for three days; looking back as far catches every session one could still be missing for. */
export const RECONCILE_LOOKBACK_MS = 3 * 24 * 3_600_000;
const MAX_SESSIONS = 1000;

export interface ReconcileSummary {
  pending: number;
  listed: number;
  /** Sessions of waiting attempts that the listing did not reach, fetched one by one. */
  retrieved: number;
  fulfilled: number;
  processing: number;
  expired: number;
  refused: number;
}

/**
 * The safety net for webhooks that never arrive: every ten minutes, if any
 * quote is still waiting for its money, list the provider's recent checkout
 * sessions (and fetch by id the waiting ones the listing does not reach)
 * and apply what they say about those quotes (paid → fulfil, with
 * the same function as the webhook; finished unpaid → processing; expired
 * → payable again). Nothing pending, no call to the provider.
 */
export async function reconcilePayments(
  db: Database,
  provider: PaymentProvider,
  options: { now: Date; baseUrl: string },
): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = { pending: 0, listed: 0, retrieved: 0, fulfilled: 0, processing: 0, expired: 0, refused: 0 };
  const since = new Date(provider.now().getTime() - RECONCILE_LOOKBACK_MS);
  const pending = (await listUnsettledPayments(db, new Date(options.now.getTime() - RECONCILE_LOOKBACK_MS))).filter(
    (payment) => payment.provider === provider.name,
  );
  summary.pending = pending.length;
  if (pending.length === 0) return summary;

  const waiting = new Set(pending.map((payment) => payment.quoteId));
  const sessions = await provider.listRecentSessions({ createdAfter: since, limit: MAX_SESSIONS });
  summary.listed = sessions.length;
  // The listing holds the newest MAX_SESSIONS only: on a busy account (or one
  // that sells other things too) an older attempt's session is not in it, and
  // its paid renewal would never be fulfilled. Those are asked for by id; the
  // listing is still what finds a session whose id was never recorded (an
  // instance stopped between creating it and saving it).
  const listed = new Set(sessions.map((session) => session.id));
  for (const payment of pending) {
    if (isPlaceholderSessionId(payment.providerSessionId) || listed.has(payment.providerSessionId)) continue;
    try {
      sessions.push(await provider.retrieveSession(payment.providerSessionId));
      listed.add(payment.providerSessionId);
      summary.retrieved++;
    } catch (error) {
      log.warn("reconciliation could not retrieve a session", { sessionId: payment.providerSessionId, ...errorFields(error) });
    }
  }
  const ctx = { now: options.now, source: "reconciliation" as const, baseUrl: options.baseUrl };
  for (const session of sessions) {
    if (!session.quoteId || !waiting.has(session.quoteId) || session.status === "open") continue;
    try {
      const result = await applyProviderSession(db, session, ctx);
      if (result.kind === "fulfilment") {
        if (result.outcome.status === "fulfilled" && !result.outcome.alreadyDone) summary.fulfilled++;
        if (result.outcome.status === "refused") summary.refused++;
      } else if (result.kind === "processing") {
        summary.processing++;
      } else if (result.kind === "expired") {
        summary.expired++;
      }
    } catch (error) {
      // One bad session must not stop the others; the next run tries it again.
      log.error("reconciliation could not apply a session", { sessionId: session.id, ...errorFields(error) });
    }
  }
  if (summary.fulfilled + summary.processing + summary.expired + summary.refused > 0) {
    log.info("payments reconciled", { ...summary });
  }
  return summary;
}
