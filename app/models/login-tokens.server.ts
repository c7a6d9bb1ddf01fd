import type { Database } from "~/lib/db.server";

export interface LoginTokenState {
  id: string;
  subjectKind: "contact" | "staff";
  contactId: string | null;
  staffUserId: string | null;
  email: string;
  name: string;
  locale: string;
  accountId: string | null;
  redirectTo: string | null;
  expiresAt: Date;
  usedAt: Date | null;
}

export async function insertLoginToken(
  db: Database,
  token: {
    tokenHash: string;
    subject: { kind: "contact"; contactId: string } | { kind: "staff"; staffUserId: string };
    redirectTo: string | null;
    expiresAt: Date;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto("loginTokens")
    .values({
      tokenHash: token.tokenHash,
      subjectKind: token.subject.kind,
      contactId: token.subject.kind === "contact" ? token.subject.contactId : null,
      staffUserId: token.subject.kind === "staff" ? token.subject.staffUserId : null,
      redirectTo: token.redirectTo,
      expiresAt: token.expiresAt,
      createdAt: token.now,
    })
    .execute();
}

/** Reads a token without using it up (the confirm page's GET). */
export async function findLoginToken(db: Database, tokenHash: string): Promise<LoginTokenState | undefined> {
  const row = await db
    .selectFrom("loginTokens as t")
    .leftJoin("contacts as c", "c.id", "t.contactId")
    .leftJoin("staffUsers as u", "u.id", "t.staffUserId")
    .select([
      "t.id",
      "t.subjectKind",
      "t.contactId",
      "t.staffUserId",
      "c.email as contactEmail",
      "c.name as contactName",
      "c.locale as contactLocale",
      "c.accountId",
      "u.email as staffEmail",
      "u.name as staffName",
      "u.locale as staffLocale",
      "t.redirectTo",
      "t.expiresAt",
      "t.usedAt",
    ])
    .where("t.tokenHash", "=", tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    subjectKind: row.subjectKind,
    contactId: row.contactId,
    staffUserId: row.staffUserId,
    email: row.contactEmail ?? row.staffEmail ?? "",
    name: row.contactName ?? row.staffName ?? "",
    locale: row.contactLocale ?? row.staffLocale ?? "en",
    accountId: row.accountId,
    redirectTo: row.redirectTo,
    expiresAt: row.expiresAt,
    usedAt: row.usedAt,
  };
}

/**
 * Uses the token up, atomically: of two simultaneous confirmations exactly one
 * gets the row back. Returns undefined when it was used, expired or unknown.
 */
export async function consumeLoginToken(db: Database, tokenHash: string, now: Date) {
  return db
    .updateTable("loginTokens")
    .set({ usedAt: now })
    .where("tokenHash", "=", tokenHash)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", now)
    .returning(["id", "subjectKind", "contactId", "staffUserId", "redirectTo"])
    .executeTakeFirst();
}

export async function deleteStaleLoginTokens(db: Database, olderThan: Date): Promise<number> {
  const result = await db.deleteFrom("loginTokens").where("expiresAt", "<", olderThan).executeTakeFirst();
  return Number(result.numDeletedRows);
}
