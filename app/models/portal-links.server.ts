import { sql, type Kysely, type Transaction } from "kysely";

import type { DB } from "../../db/schema";
import type { Database } from "~/lib/db.server";

export interface NewPortalLink {
  tokenHash: string;
  purpose: "renewal" | "approval";
  accountId: string;
  contractId: string;
  quoteId?: string | null;
  contactId?: string | null;
  recipientEmail: string;
  recipientName?: string | null;
  note?: string | null;
  createdByStaffId?: string | null;
  createdByContactId?: string | null;
  expiresAt: Date;
  now: Date;
}

export async function insertPortalLink(db: Kysely<DB> | Transaction<DB>, link: NewPortalLink): Promise<string> {
  const row = await db
    .insertInto("portalLinks")
    .values({
      tokenHash: link.tokenHash,
      purpose: link.purpose,
      accountId: link.accountId,
      contractId: link.contractId,
      quoteId: link.quoteId ?? null,
      contactId: link.contactId ?? null,
      recipientEmail: link.recipientEmail.toLowerCase(),
      recipientName: link.recipientName ?? null,
      note: link.note ?? null,
      createdByStaffId: link.createdByStaffId ?? null,
      createdByContactId: link.createdByContactId ?? null,
      expiresAt: link.expiresAt,
      createdAt: link.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findPortalLinkByHash(db: Database, tokenHash: string) {
  return db
    .selectFrom("portalLinks as l")
    .innerJoin("contracts as k", "k.id", "l.contractId")
    .leftJoin("contacts as c", "c.id", "l.contactId")
    .select([
      "l.id",
      "l.purpose",
      "l.accountId",
      "l.contractId",
      "l.quoteId",
      "l.contactId",
      "l.recipientEmail",
      "l.expiresAt",
      "l.revokedAt",
      "k.number as contractNumber",
      "c.email as contactEmail",
      "c.active as contactActive",
    ])
    .where("l.tokenHash", "=", tokenHash)
    .executeTakeFirst();
}

/** Every use of a link is logged: when, from where, doing what. */
export async function logPortalLinkUse(
  db: Database,
  use: { portalLinkId: string; action: string; ip: string | null; userAgent: string | null; now: Date },
): Promise<void> {
  await db
    .insertInto("portalLinkUses")
    .values({
      portalLinkId: use.portalLinkId,
      action: use.action.slice(0, 60),
      ip: use.ip,
      userAgent: use.userAgent?.slice(0, 300) ?? null,
      usedAt: use.now,
    })
    .execute();
  await db.updateTable("portalLinks").set({ lastUsedAt: use.now }).where("id", "=", use.portalLinkId).execute();
}

export async function listPortalLinks(db: Database, filter: { createdByStaffId?: string; limit: number }) {
  let query = db
    .selectFrom("portalLinks as l")
    .innerJoin("accounts as a", "a.id", "l.accountId")
    .innerJoin("contracts as k", "k.id", "l.contractId")
    .leftJoin("contacts as c", "c.id", "l.contactId")
    .select([
      "l.id",
      "l.purpose",
      "l.createdAt",
      "l.expiresAt",
      "l.revokedAt",
      "l.lastUsedAt",
      "l.recipientEmail",
      "a.name as accountName",
      "k.number as contractNumber",
      "c.name as contactName",
      sql<number>`(select count(*)::int from portal_link_uses u where u.portal_link_id = l.id)`.as("uses"),
    ])
    .where("l.purpose", "=", "renewal")
    .orderBy("l.createdAt", "desc")
    .limit(filter.limit);
  if (filter.createdByStaffId) query = query.where("l.createdByStaffId", "=", filter.createdByStaffId);
  return query.execute();
}

export async function listPortalLinkUses(db: Database, portalLinkId: string, limit = 20) {
  return db
    .selectFrom("portalLinkUses")
    .select(["usedAt", "action", "ip", "userAgent"])
    .where("portalLinkId", "=", portalLinkId)
    .orderBy("usedAt", "desc")
    .limit(limit)
    .execute();
}

export async function revokePortalLink(db: Database, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("portalLinks")
    .set({ revokedAt: now })
    .where("id", "=", id)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
