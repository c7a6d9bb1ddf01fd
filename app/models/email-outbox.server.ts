import type { Database } from "~/lib/db.server";

export async function listOutbox(db: Database, limit = 50) {
  return db
    .selectFrom("emailOutbox")
    .select(["id", "toEmail", "subject", "status", "template", "createdAt", "sentAt"])
    .orderBy("createdAt", "desc")
    .limit(limit)
    .execute();
}

export async function findOutboxMessage(db: Database, id: string) {
  return db
    .selectFrom("emailOutbox")
    .select(["id", "toEmail", "subject", "status", "template", "locale", "textBody", "htmlBody", "createdAt", "sentAt", "lastError"])
    .where("id", "=", id)
    .executeTakeFirst();
}
