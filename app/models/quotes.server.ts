import { sql, type Kysely, type Transaction } from "kysely";

import type { PricedLine, PricedQuote, QuoteOptions } from "~/domain/pricing";
import { priceHash } from "~/domain/pricing/price-hash.server";
import type { Database } from "~/lib/db.server";

import type { DB, QuoteStatus } from "../../db/schema";

type Tx = Kysely<DB> | Transaction<DB>;

/** Quotes a customer can still act on; older ones of the same contract are superseded by a new version. */
export const OPEN_QUOTE_STATUSES: readonly QuoteStatus[] = ["draft", "shared", "approved"];

export interface SaveQuoteInput {
  accountId: string;
  contractId: string;
  quote: PricedQuote;
  createdBy: { kind: "contact"; id: string } | { kind: "staff"; id: string } | null;
  now: Date;
}

export interface SavedQuote {
  id: string;
  number: string;
  version: number;
  priceHash: string;
  expiresAt: Date;
}

/** A quote holds its price to the end (23:59:59.999 UTC) of its last locked day. */
export function quoteExpiry(priceLockedUntil: string): Date {
  return new Date(`${priceLockedUntil}T23:59:59.999Z`);
}

/**
 * Saves a priced quote as the contract's next version, with every line, and
 * supersedes the contract's earlier open versions. The contract row is locked
 * so two saves at once get versions n and n+1, never the same number twice.
 * Call inside a transaction (`db.transaction().execute(trx => saveQuote(trx, …))`).
 */
export async function saveQuote(trx: Transaction<DB>, input: SaveQuoteInput): Promise<SavedQuote> {
  const { quote } = input;
  await trx
    .selectFrom("contracts")
    .select("id")
    .where("id", "=", input.contractId)
    .where("accountId", "=", input.accountId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const { next } = await trx
    .selectFrom("quotes")
    .select(sql<number>`coalesce(max(version), 0)::int + 1`.as("next"))
    .where("contractId", "=", input.contractId)
    .executeTakeFirstOrThrow();
  const { seq } = await sql<{ seq: number }>`select nextval('quote_number_seq')::int as seq`
    .execute(trx)
    .then((r) => r.rows[0]!);
  const hash = priceHash(quote, quote.options, input.contractId, next);
  const expiresAt = quoteExpiry(quote.priceLockedUntil);

  await trx
    .updateTable("quotes")
    .set({ status: "superseded", updatedAt: input.now })
    .where("contractId", "=", input.contractId)
    .where("status", "in", OPEN_QUOTE_STATUSES)
    .execute();

  const row = await trx
    .insertInto("quotes")
    .values({
      number: `Q-${seq}`,
      accountId: input.accountId,
      contractId: input.contractId,
      version: next,
      status: "draft",
      currency: quote.currency,
      termYears: quote.termYears,
      options: JSON.stringify({ ...quote.options, pricedOn: quote.pricedOn }),
      subtotal: quote.subtotal,
      discountTotal: quote.discountTotal,
      total: quote.total,
      priceHash: hash,
      newTermStart: quote.newTermStart,
      newTermEnd: quote.newTermEnd,
      incentiveExpiresOn: quote.incentiveExpiresOn,
      pricedAt: input.now,
      expiresAt,
      createdByContactId: input.createdBy?.kind === "contact" ? input.createdBy.id : null,
      createdByStaffId: input.createdBy?.kind === "staff" ? input.createdBy.id : null,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning(["id", "number", "version"])
    .executeTakeFirstOrThrow();

  await trx
    .insertInto("quoteLines")
    .values(quote.lines.map((line, position) => lineRow(row.id, position, line)))
    .execute();

  return { ...row, priceHash: hash, expiresAt };
}

function lineRow(quoteId: string, position: number, line: PricedLine) {
  return {
    quoteId,
    position,
    kind: line.kind,
    code: line.code,
    productId: line.productId,
    quantity: line.quantity,
    unitAmount: line.unitAmount,
    amount: line.amount,
    detail: JSON.stringify(line.detail),
  };
}

const QUOTE_COLUMNS = [
  "q.id",
  "q.number",
  "q.accountId",
  "q.contractId",
  "q.version",
  "q.status",
  "q.currency",
  "q.termYears",
  "q.options",
  "q.subtotal",
  "q.discountTotal",
  "q.total",
  "q.priceHash",
  "q.newTermStart",
  "q.newTermEnd",
  "q.incentiveExpiresOn",
  "q.pricedAt",
  "q.expiresAt",
  "q.poNumber",
  "q.billingEmail",
  "q.termsAcceptedAt",
  "q.confirmedAt",
  "q.createdAt",
  "k.number as contractNumber",
  "k.termEnd as currentTermEnd",
] as const;

async function withLines<T extends { id: string }>(db: Database | Tx, quote: T | undefined) {
  if (!quote) return null;
  const lines = await db
    .selectFrom("quoteLines")
    .select(["position", "kind", "code", "productId", "quantity", "unitAmount", "amount", "detail"])
    .where("quoteId", "=", quote.id)
    .orderBy("position")
    .execute();
  return { ...quote, lines };
}

export type StoredQuote = NonNullable<Awaited<ReturnType<typeof findQuoteForAccount>>>;

/** One quote with its lines, only if it belongs to this account. */
export async function findQuoteForAccount(db: Database | Tx, accountId: string, quoteId: string) {
  const quote = await db
    .selectFrom("quotes as q")
    .innerJoin("contracts as k", "k.id", "q.contractId")
    .select(QUOTE_COLUMNS)
    .where("q.id", "=", quoteId)
    .where("q.accountId", "=", accountId)
    .executeTakeFirst();
  return withLines(db, quote);
}

/** One quote by id, for callers already scoped by something else (an approver's link, a payment). */
export async function findQuoteById(db: Database | Tx, quoteId: string) {
  const quote = await db
    .selectFrom("quotes as q")
    .innerJoin("contracts as k", "k.id", "q.contractId")
    .select(QUOTE_COLUMNS)
    .where("q.id", "=", quoteId)
    .executeTakeFirst();
  return withLines(db, quote);
}

/** The contract's newest quote of this account (any status), or null. */
export async function findLatestQuoteForContract(db: Database | Tx, accountId: string, contractId: string) {
  const quote = await db
    .selectFrom("quotes as q")
    .innerJoin("contracts as k", "k.id", "q.contractId")
    .select(QUOTE_COLUMNS)
    .where("q.contractId", "=", contractId)
    .where("q.accountId", "=", accountId)
    .orderBy("q.version", "desc")
    .limit(1)
    .executeTakeFirst();
  return withLines(db, quote);
}

/**
 * Moves a quote from one of `from` to `to`, only if it is still in one of
 * them (compare-and-set): of two simultaneous submits exactly one wins, and
 * the loser learns it changed nothing.
 */
export async function transitionQuote(
  trx: Tx,
  quoteId: string,
  from: readonly QuoteStatus[],
  to: QuoteStatus,
  now: Date,
  extra: Partial<{
    poNumber: string | null;
    billingEmail: string | null;
    termsAcceptedAt: Date;
    confirmedAt: Date;
    confirmedByContactId: string | null;
  }> = {},
): Promise<boolean> {
  const result = await trx
    .updateTable("quotes")
    .set({ status: to, updatedAt: now, ...extra })
    .where("id", "=", quoteId)
    .where("status", "in", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The options a stored quote was priced with (what the engine needs to recompute it). */
export function storedOptions(quote: { options: unknown }): QuoteOptions & { pricedOn?: string } {
  return quote.options as QuoteOptions & { pricedOn?: string };
}
