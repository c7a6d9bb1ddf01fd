import type { Transaction } from "kysely";

import type { CheckoutSession } from "../../domain/payments/types";
import {
  fulfilQuotePayment,
  recordSessionExpired,
  recordSessionProcessing,
  type FulfilmentContext,
  type FulfilmentOutcome,
} from "../../models/renewal-fulfilment.server";
import type { DB } from "../../../db/schema";
import type { Database } from "../db.server";
import { log } from "../log.server";

/** Postgres errors that mean "another transaction got there first; run again and you will see its result". */
const RETRYABLE = new Set(["40001", "40P01", "23505"]);

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && RETRYABLE.has(code);
}

/**
 * Runs `work` in a transaction, again (up to `attempts` times) if it lost a
 * race that the database itself stopped: a deadlock, a serialization
 * failure, or a unique index refusing a second success or a second term.
 * The next run sees the winner's rows and returns the idempotent outcome.
 */
export async function inTransactionWithRetry<T>(db: Database, work: (trx: Transaction<DB>) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      log.warn("payment transaction lost a race; running it again", { attempt, code: (error as { code?: string }).code });
    }
  }
}

export type SessionResult =
  | { kind: "fulfilment"; outcome: FulfilmentOutcome }
  | { kind: "processing" | "expired" | "open" | "unchanged" };

/**
 * Applies what the provider says about a session (retrieved, not from a
 * webhook): paid → fulfil; finished but unpaid → processing; expired →
 * payable again. Used by the success page, checkout and reconciliation.
 */
export async function applyProviderSession(db: Database, session: CheckoutSession, ctx: FulfilmentContext): Promise<SessionResult> {
  if (session.status === "complete" && session.paymentStatus === "paid") {
    const outcome = await inTransactionWithRetry(db, (trx) => fulfilQuotePayment(trx, session, ctx));
    return { kind: "fulfilment", outcome };
  }
  if (session.status === "complete") {
    const result = await inTransactionWithRetry(db, (trx) => recordSessionProcessing(trx, session, ctx));
    if (typeof result !== "string") return { kind: "fulfilment", outcome: result };
    return { kind: result === "processing" ? "processing" : "unchanged" };
  }
  if (session.status === "expired") {
    const result = await inTransactionWithRetry(db, (trx) => recordSessionExpired(trx, session, ctx));
    return { kind: result === "expired" ? "expired" : "unchanged" };
  }
  return { kind: "open" };
}
