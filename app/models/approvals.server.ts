/**
 * Approver links (portal_links with purpose 'approval', scoped to one quote)
 * and the decisions recorded against them (approvals: one per quote version).
 */
import type { Kysely, Transaction } from "kysely";

import type { Database } from "~/lib/db.server";

import type { DB } from "../../db/schema";

type Tx = Kysely<DB> | Transaction<DB>;

/** The account's contact with this email, if any: an approver who is one gets emails in their own language. */
export async function findAccountContactByEmail(db: Tx, accountId: string, email: string) {
  return db
    .selectFrom("contacts")
    .select(["id", "name", "email", "locale"])
    .where("accountId", "=", accountId)
    .where("email", "=", email.toLowerCase())
    .where("active", "=", true)
    .executeTakeFirst();
}

/** Every approver link of a quote, newest first, with the decision taken through it (if any). */
export async function listQuoteShares(db: Tx, accountId: string, quoteId: string) {
  return db
    .selectFrom("portalLinks as l")
    .innerJoin("quotes as q", "q.id", "l.quoteId")
    .leftJoin("approvals as a", (join) =>
      join.onRef("a.quoteId", "=", "l.quoteId").onRef("a.approverEmail", "=", "l.recipientEmail").onRef("a.quoteVersion", "=", "q.version"),
    )
    .select([
      "l.id",
      "l.recipientName",
      "l.recipientEmail",
      "l.createdAt",
      "l.expiresAt",
      "l.revokedAt",
      "l.lastUsedAt",
      "a.decision",
      "a.comment",
      "a.decidedAt",
    ])
    .where("l.purpose", "=", "approval")
    .where("l.accountId", "=", accountId)
    .where("l.quoteId", "=", quoteId)
    .orderBy("l.createdAt", "desc")
    .execute();
}

export async function countLiveShares(db: Tx, quoteId: string, now: Date): Promise<number> {
  const rows = await db
    .selectFrom("portalLinks")
    .select("id")
    .where("purpose", "=", "approval")
    .where("quoteId", "=", quoteId)
    .where("revokedAt", "is", null)
    .where("expiresAt", ">", now)
    .execute();
  return rows.length;
}

/** Revokes one approver link of this account's quote; false if it was not live (or not theirs). */
export async function revokeQuoteShare(db: Tx, accountId: string, quoteId: string, linkId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("portalLinks")
    .set({ revokedAt: now })
    .where("id", "=", linkId)
    .where("accountId", "=", accountId)
    .where("quoteId", "=", quoteId)
    .where("purpose", "=", "approval")
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** An approver link by its token's hash, with what the approver page needs to judge it. */
export async function findApprovalLinkByHash(db: Tx, tokenHash: string) {
  return db
    .selectFrom("portalLinks as l")
    .innerJoin("quotes as q", "q.id", "l.quoteId")
    .innerJoin("accounts as acc", "acc.id", "l.accountId")
    .leftJoin("contacts as sharer", "sharer.id", "l.createdByContactId")
    .select([
      "l.id",
      "l.accountId",
      "l.contractId",
      "l.quoteId",
      "l.contactId",
      "l.recipientEmail",
      "l.recipientName",
      "l.note",
      "l.expiresAt",
      "l.revokedAt",
      "l.createdByContactId",
      "acc.name as accountName",
      "q.version as quoteVersion",
      "q.status as quoteStatus",
      "sharer.name as sharerName",
      "sharer.email as sharerEmail",
      "sharer.locale as sharerLocale",
    ])
    .where("l.tokenHash", "=", tokenHash)
    .where("l.purpose", "=", "approval")
    .executeTakeFirst();
}

export async function findDecision(db: Tx, quoteId: string, version: number) {
  return db
    .selectFrom("approvals")
    .select(["id", "decision", "comment", "approverEmail", "approverName", "decidedAt"])
    .where("quoteId", "=", quoteId)
    .where("quoteVersion", "=", version)
    .orderBy("decidedAt", "desc")
    .executeTakeFirst();
}

export async function insertApproval(
  trx: Tx,
  approval: {
    quoteId: string;
    quoteVersion: number;
    approverEmail: string;
    approverName: string | null;
    decision: "approved" | "changes_requested";
    comment: string | null;
    now: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto("approvals")
    .values({
      quoteId: approval.quoteId,
      quoteVersion: approval.quoteVersion,
      approverEmail: approval.approverEmail.toLowerCase(),
      approverName: approval.approverName,
      decision: approval.decision,
      comment: approval.comment,
      decidedAt: approval.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Locks the quote row so two decisions (or a decision and a confirmation) never interleave. */
export async function lockQuote(trx: Transaction<DB>, quoteId: string) {
  return trx
    .selectFrom("quotes")
    .select(["id", "status", "version", "contractId", "accountId", "expiresAt"])
    .where("id", "=", quoteId)
    .forUpdate()
    .executeTakeFirst();
}

/** The approval decisions of every version of a contract's quotes, newest first (the customer's view). */
export async function listDecisionsForQuote(db: Database, quoteId: string) {
  return db
    .selectFrom("approvals")
    .select(["decision", "comment", "approverEmail", "approverName", "decidedAt", "quoteVersion"])
    .where("quoteId", "=", quoteId)
    .orderBy("decidedAt", "desc")
    .execute();
}
