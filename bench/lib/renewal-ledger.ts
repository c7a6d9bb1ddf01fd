/**
 * What `npm run test:load` needs to say "every renewal a user paid for was
 * fulfilled exactly once": Stripe events signed as Stripe signs them, a
 * fingerprint of one renewal's rows (to show a repeated webhook changed
 * nothing), and the audit that compares what the payment provider took with
 * what the database holds.
 */
import { sql } from "kysely";
import Stripe from "stripe";

import type { Database } from "../../app/lib/db.server";

/** The test-mode key and webhook secret the load test's instances are given (never a real account's). */
export const LOAD_STRIPE_KEY = "sk_test_customer365_load";
export const LOAD_WEBHOOK_SECRET = "whsec_customer365_load_secret";

const signer = new Stripe(LOAD_STRIPE_KEY, { telemetry: false });
let eventCounter = 0;

export interface SignedEvent {
  id: string;
  type: string;
  payload: string;
}

/** A Stripe event around a Checkout Session as it stood when the event happened. */
export function checkoutEvent(type: string, session: Record<string, unknown>, createdAt = new Date()): SignedEvent {
  const id = `evt_load_${(++eventCounter).toString(36)}_${Math.random().toString(36).slice(2, 10)}`;
  const event = {
    id,
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor(createdAt.getTime() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: session },
  };
  return { id, type, payload: JSON.stringify(event) };
}

/**
 * The Stripe-Signature header for one delivery. Stripe signs every delivery
 * attempt anew (a fresh timestamp over the same body), so a retry is the
 * same event id with a new signature.
 */
export function signatureFor(payload: string, secret = LOAD_WEBHOOK_SECRET): string {
  return signer.webhooks.generateTestHeaderString({ payload, secret });
}

/**
 * Everything one renewal left in the database: the quote, its payments, the
 * term it renewed and the term it created, its audit trail and the success
 * manager's notices. Equal before and after a delivery = that delivery
 * changed nothing.
 */
export async function renewalFingerprint(db: Database, quoteId: string): Promise<string> {
  const quote = await db
    .selectFrom("quotes")
    .select(["id", "status", "contractId", "confirmedAt", "updatedAt"])
    .where("id", "=", quoteId)
    .executeTakeFirst();
  if (!quote) return "no quote";
  const [payments, previous, successors, audits, notices] = await Promise.all([
    db.selectFrom("payments").selectAll().where("quoteId", "=", quoteId).orderBy("attempt").execute(),
    db.selectFrom("contracts").select(["status", "renewedAt"]).where("id", "=", quote.contractId).executeTakeFirst(),
    db.selectFrom("contracts").select(["id", "number", "status", "termStart", "termEnd"]).where("previousContractId", "=", quote.contractId).orderBy("id").execute(),
    db.selectFrom("auditEvents").select(sql<number>`count(*)::int`.as("n")).where("entityId", "=", quoteId).executeTakeFirstOrThrow(),
    db.selectFrom("staffNotifications").select(sql<number>`count(*)::int`.as("n")).where("quoteId", "=", quoteId).executeTakeFirstOrThrow(),
  ]);
  return JSON.stringify({ quote, payments, previous, successors, audits: audits.n, notices: notices.n });
}

/** A Checkout Session as the provider holds it. */
export interface ProviderSession {
  id: string;
  quoteId: string | null;
  status: string;
  paymentStatus: string;
  amountTotal: number;
  currency: string;
}

export interface RenewalAudit {
  /** Sessions the provider says were paid (money taken). */
  paidSessions: number;
  /** Quotes those sessions paid. */
  paidQuotes: number;
  /** Paid quotes with exactly one successful payment (that session's, that amount), one new term, the old term renewed. */
  fulfilledOnce: number;
  /** Fulfilments by the path that got there first (webhook, success_page, checkout, reconciliation). */
  fulfilledBy: Record<string, number>;
  /** That path, per fulfilled quote id. */
  sourceOf: Map<string, string>;
  /** Every way the database and the provider disagree; empty when all is well. */
  problems: string[];
}

const SETTLED_OR_REFUNDED = new Set(["succeeded", "refunded", "partially_refunded"]);

/**
 * Compares the provider's sessions with the renewals of `accountIds`:
 *
 * - every paid session's quote is fulfilled, with exactly one successful
 *   payment (that session, that amount), exactly one successor term, and its
 *   old term marked renewed;
 * - no quote was paid twice at the provider, and no payment row holds
 *   evidence of a second charge;
 * - nothing is half-done: no quote left `paid` (paid but not fulfilled), no
 *   fulfilled quote or successful payment without money taken for it, no
 *   renewed term without a successor or successor without a renewed term, no
 *   fulfilment recorded twice, no payment refused.
 */
export async function auditRenewals(db: Database, input: { accountIds: readonly string[]; sessions: readonly ProviderSession[] }): Promise<RenewalAudit> {
  const problems: string[] = [];
  const paid = input.sessions.filter((s) => s.status === "complete" && s.paymentStatus === "paid" && s.quoteId !== null);
  const paidByQuote = new Map<string, ProviderSession[]>();
  for (const session of paid) paidByQuote.set(session.quoteId!, [...(paidByQuote.get(session.quoteId!) ?? []), session]);
  const paidSessionIds = new Set(paid.map((s) => s.id));

  const empty = { paidSessions: paid.length, paidQuotes: paidByQuote.size, fulfilledOnce: 0, fulfilledBy: {}, sourceOf: new Map<string, string>() };
  if (input.accountIds.length === 0) {
    return { ...empty, problems: paid.length > 0 ? [`${paid.length} paid sessions but no accounts to look in`] : [] };
  }
  const accountIds = [...input.accountIds];
  const [quotes, payments, contracts, audits] = await Promise.all([
    db.selectFrom("quotes").select(["id", "number", "contractId", "status"]).where("accountId", "in", accountIds).execute(),
    db.selectFrom("payments").select(["id", "quoteId", "status", "providerSessionId", "amount", "paidAt"]).where("accountId", "in", accountIds).execute(),
    db.selectFrom("contracts").select(["id", "number", "status", "previousContractId"]).where("accountId", "in", accountIds).execute(),
    db
      .selectFrom("auditEvents")
      .select(["entityId", "action", sql<string | null>`data->>'source'`.as("source"), sql<string | null>`data->>'reason'`.as("reason")])
      .where("accountId", "in", accountIds)
      .where("action", "in", ["quote.fulfilled", "payment.refused"])
      .execute(),
  ]);
  const quoteById = new Map(quotes.map((q) => [q.id, q]));
  const contractById = new Map(contracts.map((c) => [c.id, c]));
  const successorsOf = new Map<string, typeof contracts>();
  for (const c of contracts) if (c.previousContractId) successorsOf.set(c.previousContractId, [...(successorsOf.get(c.previousContractId) ?? []), c]);
  const succeededByQuote = new Map<string, typeof payments>();
  for (const p of payments) if (p.status === "succeeded") succeededByQuote.set(p.quoteId, [...(succeededByQuote.get(p.quoteId) ?? []), p]);

  let fulfilledOnce = 0;
  for (const [quoteId, sessions] of paidByQuote) {
    const quote = quoteById.get(quoteId);
    if (!quote) {
      problems.push(`session ${sessions[0]!.id} paid quote ${quoteId}, which is not one of these accounts' quotes`);
      continue;
    }
    if (sessions.length > 1) problems.push(`quote ${quote.number} was paid ${sessions.length} times at the provider (${sessions.map((s) => s.id).join(", ")})`);
    const session = sessions[0]!;
    const before = problems.length;
    if (quote.status !== "fulfilled") problems.push(`quote ${quote.number} was paid (${session.id}) but is ${quote.status}, not fulfilled`);
    const succeeded = succeededByQuote.get(quoteId) ?? [];
    if (succeeded.length !== 1) problems.push(`quote ${quote.number} has ${succeeded.length} successful payments`);
    else if (!sessions.some((s) => s.id === succeeded[0]!.providerSessionId && s.amountTotal === succeeded[0]!.amount)) {
      problems.push(`quote ${quote.number}'s successful payment is not the paid session's (${succeeded[0]!.providerSessionId}, ${succeeded[0]!.amount})`);
    }
    const successors = successorsOf.get(quote.contractId) ?? [];
    if (successors.length !== 1) problems.push(`quote ${quote.number}'s contract has ${successors.length} successor terms`);
    const previous = contractById.get(quote.contractId);
    if (previous?.status !== "renewed") problems.push(`quote ${quote.number}'s contract ${previous?.number ?? quote.contractId} is ${previous?.status ?? "missing"}, not renewed`);
    if (problems.length === before) fulfilledOnce++;
  }

  for (const quote of quotes) {
    if (quote.status === "paid") problems.push(`quote ${quote.number} is left paid but not fulfilled (half-done)`);
    if (quote.status === "fulfilled" && !paidByQuote.has(quote.id)) problems.push(`quote ${quote.number} is fulfilled but no session paid it`);
  }
  for (const payment of payments) {
    if (payment.status === "succeeded" && !paidSessionIds.has(payment.providerSessionId)) {
      problems.push(`payment ${payment.id} succeeded but its session ${payment.providerSessionId} was not paid at the provider`);
    }
    if (payment.paidAt !== null && !SETTLED_OR_REFUNDED.has(payment.status)) {
      problems.push(`payment ${payment.id} (${payment.status}) holds money taken a second time for quote ${quoteById.get(payment.quoteId)?.number ?? payment.quoteId}`);
    }
  }
  for (const contract of contracts) {
    const successors = successorsOf.get(contract.id) ?? [];
    if (contract.status === "renewed" && successors.length === 0) problems.push(`contract ${contract.number} is renewed but has no successor term`);
    if (successors.length > 1) problems.push(`contract ${contract.number} has ${successors.length} successor terms`);
    if (contract.previousContractId && contractById.get(contract.previousContractId)?.status !== "renewed") {
      problems.push(`contract ${contract.number} succeeds a term that is not marked renewed`);
    }
  }
  const fulfilledBy: Record<string, number> = {};
  const sourceOf = new Map<string, string>();
  const fulfilmentsPerQuote = new Map<string, number>();
  for (const event of audits) {
    if (event.action === "payment.refused") {
      problems.push(`payment session ${event.entityId} was refused (${event.reason ?? "no reason"})`);
      continue;
    }
    fulfilledBy[event.source ?? "unknown"] = (fulfilledBy[event.source ?? "unknown"] ?? 0) + 1;
    sourceOf.set(event.entityId, event.source ?? "unknown");
    fulfilmentsPerQuote.set(event.entityId, (fulfilmentsPerQuote.get(event.entityId) ?? 0) + 1);
  }
  for (const [quoteId, n] of fulfilmentsPerQuote) if (n > 1) problems.push(`quote ${quoteById.get(quoteId)?.number ?? quoteId} was fulfilled ${n} times`);

  return { ...empty, fulfilledOnce, fulfilledBy, sourceOf, problems };
}
