/** Queries the renewal journey needs beside models/quotes.server.ts. */
import { sql, type Expression, type Kysely, type Transaction } from "kysely";

import type { DB, QuoteStatus } from "../../db/schema";

type Tx = Kysely<DB> | Transaction<DB>;

/**
 * The save offer is once per contract. It counts as used once a quote priced
 * with it has been confirmed (awaiting payment, paid or fulfilled): looking
 * at it, saving it or sharing it does not use it up. `exceptQuoteId` leaves
 * out the quote being recomputed, which must not count against itself.
 */
export async function isSaveOfferUsed(db: Tx, contractId: string, exceptQuoteId?: string): Promise<boolean> {
  let query = selectSaveOfferUses(db, contractId);
  if (exceptQuoteId) query = query.where("id", "!=", exceptQuoteId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/** Confirmed quotes priced with the save offer; `contractId` is a value or a column of an outer query. */
export function selectSaveOfferUses(db: Tx, contractId: string | Expression<string>) {
  return db
    .selectFrom("quotes")
    .select("id")
    .where("contractId", "=", contractId)
    .where("status", "in", CONFIRMED_STATUSES)
    .where(sql<string>`options->>'saveOffer'`, "=", "true");
}

const CONFIRMED_STATUSES = ["awaiting_payment", "paid", "fulfilled"] satisfies QuoteStatus[];

export async function latestQuoteVersion(db: Tx, contractId: string): Promise<{ id: string; version: number } | null> {
  const row = await db
    .selectFrom("quotes")
    .select(["id", "version"])
    .where("contractId", "=", contractId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/** A confirmed quote of the contract still waiting for payment (the page links on to it). */
export async function findConfirmedQuote(db: Tx, accountId: string, contractId: string) {
  return selectConfirmedQuote(db, accountId, contractId).executeTakeFirst();
}

/** The select behind findConfirmedQuote; the ids are values or columns of an outer query. */
export function selectConfirmedQuote(db: Tx, accountId: string | Expression<string>, contractId: string | Expression<string>) {
  return db
    .selectFrom("quotes")
    .select(["id", "number", "version", "status", "total", "currency", "confirmedAt"])
    .where("accountId", "=", accountId)
    .where("contractId", "=", contractId)
    .where("status", "in", CONFIRMED_STATUSES)
    .orderBy("version", "desc")
    .limit(1);
}

/** Who the quote is from and for: the blocks at the top of the PDF. */
export async function findQuoteParties(db: Tx, accountId: string) {
  return db
    .selectFrom("accounts as a")
    .leftJoin("staffUsers as s", "s.id", "a.ownerStaffId")
    .select(["a.name as accountName", "a.country", "a.segment", "s.name as ownerName", "s.email as ownerEmail"])
    .where("a.id", "=", accountId)
    .executeTakeFirst();
}
