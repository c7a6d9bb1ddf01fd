/** Queries the renewal journey needs beside models/quotes.server.ts. */
import { sql, type Kysely, type Transaction } from "kysely";

import type { DB, QuoteStatus } from "../../db/schema";

type Tx = Kysely<DB> | Transaction<DB>;

/**
 * The save offer is once per contract. It counts as used once a quote priced
 * with it has been confirmed (awaiting payment, paid or fulfilled): looking
 * at it, saving it or sharing it does not use it up. `exceptQuoteId` leaves
 * out the quote being recomputed, which must not count against itself.
 */
export async function isSaveOfferUsed(db: Tx, contractId: string, exceptQuoteId?: string): Promise<boolean> {
  let query = db
    .selectFrom("quotes")
    .select("id")
    .where("contractId", "=", contractId)
    .where("status", "in", ["awaiting_payment", "paid", "fulfilled"] satisfies QuoteStatus[])
    .where(sql<string>`options->>'saveOffer'`, "=", "true");
  if (exceptQuoteId) query = query.where("id", "!=", exceptQuoteId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

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
  return db
    .selectFrom("quotes")
    .select(["id", "number", "version", "status", "total", "currency", "confirmedAt"])
    .where("accountId", "=", accountId)
    .where("contractId", "=", contractId)
    .where("status", "in", ["awaiting_payment", "paid", "fulfilled"] satisfies QuoteStatus[])
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
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

/** Contract facts the renewal page shows beside the engine's context. */
export async function findContractFacts(db: Tx, accountId: string, contractId: string) {
  return db
    .selectFrom("contracts")
    .select(["id", "number", "status", "autoRenew", "termStart", "termEnd", "currency", "renewedAt"])
    .where("id", "=", contractId)
    .where("accountId", "=", accountId)
    .executeTakeFirst();
}
