/**
 * NPS answers and the feedback reports (NPS and CSAT) staff read. The CSAT
 * answer itself is written with its ticket (models/support.server.ts).
 */
import { sql } from "kysely";

import type { Locale, Segment } from "../../db/schema";
import type { Database } from "~/lib/db.server";

type Db = Database;

export interface NpsAnswer {
  id: string;
  score: number;
  comment: string | null;
  createdAt: Date;
}

/** The contact's NPS answer given since `since`, newest first. */
export async function findRecentNps(db: Db, contactId: string, since: Date): Promise<NpsAnswer | undefined> {
  const row = await db
    .selectFrom("surveyResponses")
    .select(["id", "score", "comment", "createdAt"])
    .where("contactId", "=", contactId)
    .where("kind", "=", "nps")
    .where("createdAt", ">=", since)
    .orderBy("createdAt", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { ...row, score: row.score ?? 0 } : undefined;
}

/**
 * Serialises a contact's survey answers (inside a transaction): two tabs
 * sending the NPS form at once must not create two answers in one window.
 */
export async function lockContact(db: Db, contactId: string): Promise<boolean> {
  const row = await db.selectFrom("contacts").select("id").where("id", "=", contactId).forUpdate().executeTakeFirst();
  return Boolean(row);
}

export async function insertNps(
  db: Db,
  answer: { accountId: string; contactId: string; contractId: string | null; quoteId: string | null; score: number; comment: string | null; now: Date },
): Promise<string> {
  const row = await db
    .insertInto("surveyResponses")
    .values({
      accountId: answer.accountId,
      contactId: answer.contactId,
      contractId: answer.contractId,
      quoteId: answer.quoteId,
      kind: "nps",
      score: answer.score,
      comment: answer.comment,
      createdAt: answer.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A later answer inside the window replaces the score; a new comment replaces the old one, no comment keeps it. */
export async function updateNps(db: Db, id: string, answer: { score: number; comment: string | null }): Promise<void> {
  await db
    .updateTable("surveyResponses")
    .set((eb) => ({ score: answer.score, comment: eb.fn.coalesce(eb.val(answer.comment), "comment") }))
    .where("id", "=", id)
    .where("kind", "=", "nps")
    .execute();
}

// ---------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------

export interface ScoreCountRow {
  /** The contact's language (the account's when the contact is gone). */
  locale: Locale;
  segment: Segment;
  score: number;
  count: number;
}

/** Answers of one kind since `since`, counted per score, language and segment. */
export async function countScores(db: Db, kind: "nps" | "csat", since: Date | null): Promise<ScoreCountRow[]> {
  let query = db
    .selectFrom("surveyResponses as r")
    .innerJoin("accounts as a", "a.id", "r.accountId")
    .leftJoin("contacts as c", "c.id", "r.contactId")
    .select([
      sql<Locale>`coalesce(c.locale, a.locale)`.as("locale"),
      "a.segment",
      sql<number>`r.score`.as("score"),
      sql<number>`count(*)::int`.as("count"),
    ])
    .where("r.kind", "=", kind)
    .where("r.score", "is not", null);
  if (since) query = query.where("r.createdAt", ">=", since);
  const rows = await query.groupBy([sql`coalesce(c.locale, a.locale)`, "a.segment", "r.score"]).execute();
  return rows.map((row) => ({ ...row, score: Number(row.score), count: Number(row.count) }));
}

export interface FeedbackComment {
  score: number;
  comment: string;
  createdAt: Date;
  accountName: string;
  segment: Segment;
  locale: Locale;
  ticketNumber: string | null;
}

export async function listRecentComments(db: Db, kind: "nps" | "csat", since: Date | null, limit = 20): Promise<FeedbackComment[]> {
  let query = db
    .selectFrom("surveyResponses as r")
    .innerJoin("accounts as a", "a.id", "r.accountId")
    .leftJoin("contacts as c", "c.id", "r.contactId")
    .leftJoin("supportTickets as t", "t.id", "r.ticketId")
    .select([
      sql<number>`r.score`.as("score"),
      sql<string>`r.comment`.as("comment"),
      "r.createdAt",
      "a.name as accountName",
      "a.segment",
      sql<Locale>`coalesce(c.locale, a.locale)`.as("locale"),
      "t.number as ticketNumber",
    ])
    .where("r.kind", "=", kind)
    .where("r.comment", "is not", null)
    .where("r.comment", "<>", "");
  if (since) query = query.where("r.createdAt", ">=", since);
  return query.orderBy("r.createdAt", "desc").limit(limit).execute();
}
