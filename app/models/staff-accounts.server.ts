import { sql } from "kysely";

import type { Database } from "~/lib/db.server";

/** Accounts whose name matches, for the staff pickers (never a list of all 100k). */
export async function searchAccounts(db: Database, query: string, limit = 20) {
  const q = query.trim().slice(0, 100);
  if (q.length < 2) return [];
  return db
    .selectFrom("accounts")
    .select(["id", "name", "segment", "currency"])
    .where(sql<boolean>`name ilike ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`)
    .orderBy("name")
    .limit(limit)
    .execute();
}

export async function listAccountsOwnedBy(db: Database, staffUserId: string, limit = 50) {
  return db
    .selectFrom("accounts")
    .select(["id", "name", "segment", "currency"])
    .where("ownerStaffId", "=", staffUserId)
    .orderBy("name")
    .limit(limit)
    .execute();
}

/** An account with its contacts and its live contracts, for creating a portal link. */
export async function findAccountForPortalLink(db: Database, accountId: string) {
  const account = await db
    .selectFrom("accounts")
    .select(["id", "name", "locale"])
    .where("id", "=", accountId)
    .executeTakeFirst();
  if (!account) return null;
  const [contacts, contracts] = await Promise.all([
    db
      .selectFrom("contacts")
      .select(["id", "name", "email", "role", "locale"])
      .where("accountId", "=", accountId)
      .where("active", "=", true)
      .orderBy("name")
      .execute(),
    db
      .selectFrom("contracts")
      .select(["id", "number", "termEnd", "status"])
      .where("accountId", "=", accountId)
      .where("status", "=", "active")
      .orderBy("termEnd")
      .execute(),
  ]);
  return { ...account, contacts, contracts };
}
