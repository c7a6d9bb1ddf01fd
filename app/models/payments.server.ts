/**
 * Payments, provider events and the confirmation survey: the rows behind
 * checkout, the webhook and the receipts. Functions that lock rows take a
 * transaction; every customer-facing read is scoped by account.
 */
import { sql, type Kysely, type Transaction } from "kysely";

import { PAYMENT_MOVES, SETTLED_PAYMENT_STATUSES, type PaymentMove } from "~/domain/payments/fulfilment";
import type { CheckoutSession, PaymentProviderName, QuoteForPayment } from "~/domain/payments/types";

import type { DB, PaymentStatus, QuoteStatus } from "../../db/schema";

type Db = Kysely<DB> | Transaction<DB>;

const PAYMENT_COLUMNS = [
  "id",
  "quoteId",
  "accountId",
  "provider",
  "providerSessionId",
  "providerPaymentId",
  "attempt",
  "amount",
  "currency",
  "status",
  "refundedAmount",
  "checkoutUrl",
  "expiresAt",
  "paidAt",
  "createdAt",
  "updatedAt",
] as const;

export interface PaymentRow {
  id: string;
  quoteId: string;
  accountId: string;
  provider: PaymentProviderName;
  providerSessionId: string;
  providerPaymentId: string | null;
  attempt: number;
  amount: number;
  currency: string;
  status: PaymentStatus;
  refundedAmount: number;
  checkoutUrl: string | null;
  expiresAt: Date | null;
  paidAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A reserved attempt whose provider session is still being created carries this id until it is known. */
export function placeholderSessionId(quoteId: string, attempt: number): string {
  return `pending:${quoteId}:${attempt}`;
}

export function isPlaceholderSessionId(sessionId: string): boolean {
  return sessionId.startsWith("pending:");
}

// ---------------------------------------------------------------------------
// Quotes, as payment sees them
// ---------------------------------------------------------------------------

export interface QuoteForCheckout extends QuoteForPayment {
  confirmedByContactId: string | null;
  billingEmail: string | null;
  poNumber: string | null;
}

const QUOTE_FOR_PAYMENT = [
  "id",
  "number",
  "accountId",
  "contractId",
  "version",
  "status",
  "currency",
  "total",
  "newTermStart",
  "newTermEnd",
  "expiresAt",
  "confirmedByContactId",
  "billingEmail",
  "poNumber",
] as const;

/**
 * Locks the quote row for the rest of the transaction: every change to a
 * quote's payment (a new attempt, fulfilment, a provider event) takes this
 * lock first, so they happen one after another, in every app instance.
 */
export async function lockQuoteForPayment(trx: Transaction<DB>, quoteId: string): Promise<QuoteForCheckout | null> {
  const row = await trx.selectFrom("quotes").select(QUOTE_FOR_PAYMENT).where("id", "=", quoteId).forUpdate().executeTakeFirst();
  return row ?? null;
}

// ---------------------------------------------------------------------------
// Payment attempts
// ---------------------------------------------------------------------------

export async function latestPaymentForQuote(db: Db, quoteId: string): Promise<PaymentRow | null> {
  const row = await db
    .selectFrom("payments")
    .select(PAYMENT_COLUMNS)
    .where("quoteId", "=", quoteId)
    .orderBy("attempt", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/** The quote's payment that took the money, if any. */
export async function settledPaymentForQuote(db: Db, quoteId: string): Promise<PaymentRow | null> {
  const row = await db
    .selectFrom("payments")
    .select(PAYMENT_COLUMNS)
    .where("quoteId", "=", quoteId)
    .where("status", "in", SETTLED_PAYMENT_STATUSES)
    .orderBy("paidAt", "asc")
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

export async function findPaymentBySession(db: Db, provider: PaymentProviderName, sessionId: string): Promise<PaymentRow | null> {
  const row = await db
    .selectFrom("payments")
    .select(PAYMENT_COLUMNS)
    .where("provider", "=", provider)
    .where("providerSessionId", "=", sessionId)
    .executeTakeFirst();
  return row ?? null;
}

export async function findPaymentByIntent(db: Db, provider: PaymentProviderName, paymentIntentId: string): Promise<PaymentRow | null> {
  const row = await db
    .selectFrom("payments")
    .select(PAYMENT_COLUMNS)
    .where("provider", "=", provider)
    .where("providerPaymentId", "=", paymentIntentId)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Reserves the quote's next attempt before the provider is called, under the
 * quote lock: two clicks on "Pay" get the same attempt (and so the same
 * idempotency key and the same provider session), never two sessions.
 */
export async function reservePaymentAttempt(
  trx: Transaction<DB>,
  input: { quoteId: string; accountId: string; provider: PaymentProviderName; amount: number; currency: string; expiresAt: Date; now: Date },
): Promise<PaymentRow> {
  const { next } = await trx
    .selectFrom("payments")
    .select(sql<number>`coalesce(max(attempt), 0)::int + 1`.as("next"))
    .where("quoteId", "=", input.quoteId)
    .executeTakeFirstOrThrow();
  return trx
    .insertInto("payments")
    .values({
      quoteId: input.quoteId,
      accountId: input.accountId,
      provider: input.provider,
      providerSessionId: placeholderSessionId(input.quoteId, next),
      attempt: next,
      amount: input.amount,
      currency: input.currency,
      status: "open",
      expiresAt: input.expiresAt,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning(PAYMENT_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Records the provider's session on a reserved attempt (only if nobody else did). */
export async function attachSession(db: Db, paymentId: string, session: CheckoutSession, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("payments")
    .set({ providerSessionId: session.id, checkoutUrl: session.url, expiresAt: session.expiresAt, updatedAt: now })
    .where("id", "=", paymentId)
    .where("providerSessionId", "like", "pending:%")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The payment row for a provider session: found by its id; else the reserved
 * attempt it was created for (if its id was never recorded, e.g. the app
 * stopped between creating the session and saving it); else a new row, for
 * a session made for this quote some other way. Call under the quote lock.
 */
export async function paymentForSession(
  trx: Transaction<DB>,
  session: CheckoutSession,
  quote: { id: string; accountId: string; total: number; currency: string },
  now: Date,
): Promise<PaymentRow> {
  const existing = await findPaymentBySession(trx, session.provider, session.id);
  if (existing) return existing;
  if (session.attempt !== null) {
    const adopted = await trx
      .updateTable("payments")
      .set({ providerSessionId: session.id, checkoutUrl: session.url, updatedAt: now })
      .where("quoteId", "=", quote.id)
      .where("attempt", "=", session.attempt)
      .where("provider", "=", session.provider)
      .where("providerSessionId", "=", placeholderSessionId(quote.id, session.attempt))
      .returning(PAYMENT_COLUMNS)
      .executeTakeFirst();
    if (adopted) return adopted;
  }
  const { next } = await trx
    .selectFrom("payments")
    .select(sql<number>`coalesce(max(attempt), 0)::int + 1`.as("next"))
    .where("quoteId", "=", quote.id)
    .executeTakeFirstOrThrow();
  return trx
    .insertInto("payments")
    .values({
      quoteId: quote.id,
      accountId: quote.accountId,
      provider: session.provider,
      providerSessionId: session.id,
      attempt: next,
      amount: session.amountTotal ?? quote.total,
      currency: session.currency ?? quote.currency,
      status: "open",
      checkoutUrl: session.url,
      expiresAt: session.expiresAt,
      createdAt: now,
      updatedAt: now,
    })
    .returning(PAYMENT_COLUMNS)
    .executeTakeFirstOrThrow();
}

/**
 * Moves a payment to `move` only from the states that may precede it
 * (PAYMENT_MOVES): a late or repeated provider event changes nothing.
 */
export async function movePayment(
  db: Db,
  paymentId: string,
  move: PaymentMove,
  now: Date,
  extra: { providerPaymentId?: string | null } = {},
): Promise<boolean> {
  const result = await db
    .updateTable("payments")
    .set({ status: move, updatedAt: now, ...(extra.providerPaymentId ? { providerPaymentId: extra.providerPaymentId } : {}) })
    .where("id", "=", paymentId)
    .where("status", "in", PAYMENT_MOVES[move])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The payment took the money. The partial unique index
 * payments_one_success_per_quote makes a second success for one quote fail
 * even if a caller skipped the checks before it.
 */
export async function markPaymentSucceeded(
  trx: Transaction<DB>,
  paymentId: string,
  input: { amount: number; currency: string; providerPaymentId: string | null; paidAt: Date },
): Promise<void> {
  await trx
    .updateTable("payments")
    .set({
      status: "succeeded",
      amount: input.amount,
      currency: input.currency,
      providerPaymentId: input.providerPaymentId,
      paidAt: input.paidAt,
      updatedAt: input.paidAt,
    })
    .where("id", "=", paymentId)
    .execute();
}

/** A payment that took money a second time for an already paid quote: kept as evidence for the refund, not as the quote's payment. */
export async function noteDuplicatePayment(trx: Transaction<DB>, paymentId: string, providerPaymentId: string | null, now: Date) {
  await trx
    .updateTable("payments")
    .set({ providerPaymentId, paidAt: now, updatedAt: now })
    .where("id", "=", paymentId)
    .where("status", "not in", SETTLED_PAYMENT_STATUSES)
    .execute();
}

export async function recordRefund(
  db: Db,
  paymentId: string,
  input: { refundedAmount: number; status: "refunded" | "partially_refunded"; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("payments")
    .set({ refundedAmount: input.refundedAmount, status: input.status, updatedAt: input.now })
    .where("id", "=", paymentId)
    .where("status", "in", SETTLED_PAYMENT_STATUSES)
    .where("refundedAmount", "<=", input.refundedAmount)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Attempts the reconciliation job asks the provider about: open or
 * processing, created since `since`, for quotes still waiting for their money.
 */
export async function listUnsettledPayments(db: Db, since: Date) {
  return db
    .selectFrom("payments as p")
    .innerJoin("quotes as q", "q.id", "p.quoteId")
    .select(["p.id", "p.quoteId", "p.provider", "p.providerSessionId", "p.status", "p.createdAt"])
    .where("p.status", "in", ["open", "processing"] satisfies PaymentStatus[])
    .where("q.status", "in", ["awaiting_payment", "expired"] satisfies QuoteStatus[])
    .where("p.createdAt", ">=", since)
    .orderBy("p.createdAt")
    .execute();
}

// ---------------------------------------------------------------------------
// The demo provider's sessions (its "provider side" is the payments row)
// ---------------------------------------------------------------------------

const DEMO_SESSION_COLUMNS = [
  "p.providerSessionId",
  "p.quoteId",
  "p.attempt",
  "p.amount",
  "p.currency",
  "p.status",
  "p.checkoutUrl",
  "p.providerPaymentId",
  "p.expiresAt",
  "p.createdAt",
  "p.updatedAt",
  "q.version as quoteVersion",
] as const;

export async function findDemoSession(db: Db, sessionId: string) {
  return db
    .selectFrom("payments as p")
    .innerJoin("quotes as q", "q.id", "p.quoteId")
    .select(DEMO_SESSION_COLUMNS)
    .where("p.provider", "=", "demo")
    .where("p.providerSessionId", "=", sessionId)
    .executeTakeFirst();
}

export async function listDemoSessions(db: Db, since: Date, limit: number) {
  return db
    .selectFrom("payments as p")
    .innerJoin("quotes as q", "q.id", "p.quoteId")
    .select(DEMO_SESSION_COLUMNS)
    .where("p.provider", "=", "demo")
    .where("p.providerSessionId", "not like", "pending:%")
    .where("p.createdAt", ">=", since)
    .orderBy("p.createdAt", "desc")
    .limit(limit)
    .execute();
}

export type DemoSessionRow = NonNullable<Awaited<ReturnType<typeof findDemoSession>>>;

// ---------------------------------------------------------------------------
// Provider events, stored once by id
// ---------------------------------------------------------------------------

/** Stores a provider event unless it is already stored; true when this call stored it. */
export async function storePaymentEvent(
  db: Db,
  event: { provider: PaymentProviderName; eventId: string; type: string; payload: string; receivedAt: Date },
): Promise<boolean> {
  const rows = await db
    .insertInto("paymentEvents")
    .values({ provider: event.provider, eventId: event.eventId, type: event.type, payload: event.payload, receivedAt: event.receivedAt })
    .onConflict((oc) => oc.columns(["provider", "eventId"]).doNothing())
    .returning("eventId")
    .execute();
  return rows.length === 1;
}

/** Locks a stored event so two deliveries of it are processed one after the other. */
export async function lockPaymentEvent(trx: Transaction<DB>, provider: PaymentProviderName, eventId: string) {
  return trx
    .selectFrom("paymentEvents")
    .select(["eventId", "type", "processedAt", "outcome"])
    .where("provider", "=", provider)
    .where("eventId", "=", eventId)
    .forUpdate()
    .executeTakeFirst();
}

export async function markPaymentEventProcessed(
  trx: Transaction<DB>,
  provider: PaymentProviderName,
  eventId: string,
  outcome: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable("paymentEvents")
    .set({ processedAt: now, outcome })
    .where("provider", "=", provider)
    .where("eventId", "=", eventId)
    .execute();
}

// ---------------------------------------------------------------------------
// Receipts (customer-facing: scoped by account)
// ---------------------------------------------------------------------------

/** One settled payment with what the receipt prints, or null (not settled, or not this payment). */
export async function findReceipt(db: Db, paymentId: string) {
  const payment = await db
    .selectFrom("payments as p")
    .innerJoin("quotes as q", "q.id", "p.quoteId")
    .innerJoin("accounts as a", "a.id", "p.accountId")
    .innerJoin("contracts as k", "k.id", "q.contractId")
    .leftJoin("contracts as n", "n.previousContractId", "k.id")
    .select([
      "p.id",
      "p.accountId",
      "p.provider",
      "p.providerSessionId",
      "p.providerPaymentId",
      "p.amount",
      "p.currency",
      "p.status",
      "p.refundedAmount",
      "p.paidAt",
      "q.id as quoteId",
      "q.number as quoteNumber",
      "q.contractId",
      "q.termYears",
      "q.subtotal",
      "q.discountTotal",
      "q.total",
      "q.poNumber",
      "q.billingEmail",
      "q.newTermStart",
      "q.newTermEnd",
      "a.name as accountName",
      "a.country as accountCountry",
      "k.number as previousContractNumber",
      "n.id as newContractId",
      "n.number as newContractNumber",
    ])
    .where("p.id", "=", paymentId)
    .where("p.status", "in", SETTLED_PAYMENT_STATUSES)
    .executeTakeFirst();
  if (!payment) return null;
  const lines = await db
    .selectFrom("quoteLines")
    .select(["position", "kind", "code", "quantity", "unitAmount", "amount", "detail"])
    .where("quoteId", "=", payment.quoteId)
    .orderBy("position")
    .execute();
  return { ...payment, lines };
}

export type Receipt = NonNullable<Awaited<ReturnType<typeof findReceipt>>>;

/**
 * The account's receipts, newest first; with `contractId`, those of the
 * renewal of that contract or of the renewal that created it (what a
 * contract page lists).
 */
export async function listReceipts(db: Db, accountId: string, options: { contractId?: string } = {}) {
  let query = db
    .selectFrom("payments as p")
    .innerJoin("quotes as q", "q.id", "p.quoteId")
    .leftJoin("contracts as n", "n.previousContractId", "q.contractId")
    .select([
      "p.id",
      "p.amount",
      "p.currency",
      "p.status",
      "p.refundedAmount",
      "p.paidAt",
      "q.number as quoteNumber",
      "q.contractId as renewedContractId",
      "n.id as newContractId",
      "n.number as newContractNumber",
    ])
    .where("p.accountId", "=", accountId)
    .where("p.status", "in", SETTLED_PAYMENT_STATUSES);
  if (options.contractId) {
    const contractId = options.contractId;
    query = query.where((eb) => eb.or([eb("q.contractId", "=", contractId), eb("n.id", "=", contractId)]));
  }
  return query.orderBy("p.paidAt", "desc").execute();
}

// ---------------------------------------------------------------------------
// The confirmation page's NPS question
// ---------------------------------------------------------------------------

export async function findNpsForQuote(db: Db, quoteId: string) {
  return db
    .selectFrom("surveyResponses")
    .select(["id", "score"])
    .where("quoteId", "=", quoteId)
    .where("kind", "=", "nps")
    .executeTakeFirst();
}

/**
 * Stores the renewal's NPS answer once per quote: the quote row is locked,
 * so a double submit stores one answer. Returns false if there already was one.
 */
export async function recordRenewalNps(
  trx: Transaction<DB>,
  input: { accountId: string; contactId: string | null; contractId: string; quoteId: string; score: number; comment: string | null; now: Date },
): Promise<boolean> {
  await trx.selectFrom("quotes").select("id").where("id", "=", input.quoteId).forUpdate().executeTakeFirst();
  if (await findNpsForQuote(trx, input.quoteId)) return false;
  await trx
    .insertInto("surveyResponses")
    .values({
      accountId: input.accountId,
      contactId: input.contactId,
      contractId: input.contractId,
      quoteId: input.quoteId,
      kind: "nps",
      score: input.score,
      comment: input.comment,
      createdAt: input.now,
    })
    .execute();
  return true;
}

/** The contract a quote renews, as checkout checks it: still the same term, still active, not yet renewed. */
export async function findContractTerm(db: Db, contractId: string) {
  const contract = await db
    .selectFrom("contracts as k")
    .select((eb) => [
      "k.id",
      "k.number",
      "k.status",
      "k.termEnd",
      eb.exists(eb.selectFrom("contracts as n").select("n.id").whereRef("n.previousContractId", "=", "k.id")).as("renewed"),
    ])
    .where("k.id", "=", contractId)
    .executeTakeFirst();
  return contract ?? null;
}

/** Which account and contract a quote belongs to (for access checks before anything else is read). */
export async function findQuoteScope(db: Db, quoteId: string) {
  const row = await db.selectFrom("quotes").select(["id", "accountId", "contractId"]).where("id", "=", quoteId).executeTakeFirst();
  return row ?? null;
}

/** Whether a paid session for this quote was refused (the confirmation page then says a person will look at it). */
export async function hasRefusedPayment(db: Db, accountId: string, quoteId: string): Promise<boolean> {
  const row = await db
    .selectFrom("auditEvents")
    .select("id")
    // By account first: audit_events_account_idx keeps this off a full scan.
    .where("accountId", "=", accountId)
    .where("action", "=", "payment.refused")
    .where(sql<string>`data->>'quoteId'`, "=", quoteId)
    .executeTakeFirst();
  return Boolean(row);
}

/** The confirmation page's facts: the quote's settled payment and the term it created. */
export async function findConfirmation(db: Db, accountId: string, quoteId: string) {
  const quote = await db
    .selectFrom("quotes as q")
    .innerJoin("contracts as k", "k.id", "q.contractId")
    .leftJoin("contracts as n", "n.previousContractId", "k.id")
    .select([
      "q.id",
      "q.number",
      "q.status",
      "q.contractId",
      "q.currency",
      "q.total",
      "q.discountTotal",
      "q.newTermStart",
      "q.newTermEnd",
      "q.expiresAt",
      "k.number as contractNumber",
      "n.id as newContractId",
      "n.number as newContractNumber",
      "n.termStart as newTermStartActual",
      "n.termEnd as newTermEndActual",
    ])
    .where("q.id", "=", quoteId)
    .where("q.accountId", "=", accountId)
    .executeTakeFirst();
  if (!quote) return null;
  const [payment, latest, discounts] = await Promise.all([
    settledPaymentForQuote(db, quote.id),
    latestPaymentForQuote(db, quote.id),
    db
      .selectFrom("quoteLines")
      .select(["position", "kind", "code", "quantity", "unitAmount", "amount", "detail"])
      .where("quoteId", "=", quote.id)
      .where("kind", "=", "discount")
      .orderBy("position")
      .execute(),
  ]);
  return { quote, payment, latest, discounts };
}
