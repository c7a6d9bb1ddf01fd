import type { Database } from "~/lib/db.server";
import { preparedQuery } from "~/lib/prepared-query.server";

import type { Locale } from "../../db/schema";

export type SessionSubject =
  | { kind: "contact"; contactId: string; accountId: string }
  | { kind: "staff"; staffUserId: string }
  | { kind: "portal_link"; portalLinkId: string; accountId: string; contactId: string | null };

export interface NewSession {
  idHash: string;
  subject: SessionSubject;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
  now: Date;
}

export async function insertSession(db: Database, session: NewSession): Promise<void> {
  const { subject } = session;
  await db
    .insertInto("sessions")
    .values({
      idHash: session.idHash,
      subjectKind: subject.kind,
      contactId: subject.kind === "staff" ? null : subject.contactId,
      staffUserId: subject.kind === "staff" ? subject.staffUserId : null,
      accountId: subject.kind === "staff" ? null : subject.accountId,
      portalLinkId: subject.kind === "portal_link" ? subject.portalLinkId : null,
      createdAt: session.now,
      lastSeenAt: session.now,
      expiresAt: session.expiresAt,
      ip: session.ip,
      userAgent: session.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

export interface SessionRow {
  idHash: string;
  subjectKind: "contact" | "staff" | "portal_link";
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  accountId: string | null;
  accountName: string | null;
  /** The account's data version and the catalogue's (migration 2026_12_06_1600); null without an account. */
  accountDataVersion: number | null;
  catalogueVersion: number | null;
  contactId: string | null;
  contactEmail: string | null;
  contactName: string | null;
  contactLocale: Locale | null;
  contactRole: string | null;
  contactActive: boolean | null;
  staffUserId: string | null;
  staffEmail: string | null;
  staffName: string | null;
  staffRole: "csm" | "renewals" | "admin" | null;
  staffActive: boolean | null;
  portalLinkId: string | null;
  linkContractId: string | null;
  linkQuoteId: string | null;
  linkExpiresAt: Date | null;
  linkRevokedAt: Date | null;
}

/**
 * One query: the session with whoever it belongs to, and the data versions of
 * their account and of the catalogue (so a page can tell whether an answer it
 * keeps in memory is still current without asking again).
 */
export async function findSessionByHash(db: Database, idHash: string): Promise<SessionRow | undefined> {
  const [row] = await sessionByHashQuery(db, idHash);
  return row;
}

// Compiled once: every signed-in request looks its session up (see preparedQuery).
const sessionByHashQuery = preparedQuery("session by hash", (db: Database, idHash: string) =>
  db
    .selectFrom("sessions as s")
    .leftJoin("contacts as c", "c.id", "s.contactId")
    .leftJoin("accounts as a", "a.id", "s.accountId")
    .leftJoin("staffUsers as u", "u.id", "s.staffUserId")
    .leftJoin("portalLinks as l", "l.id", "s.portalLinkId")
    .select([
      "s.idHash",
      "s.subjectKind",
      "s.createdAt",
      "s.lastSeenAt",
      "s.expiresAt",
      "s.revokedAt",
      "s.accountId",
      "a.name as accountName",
      "a.dataVersion as accountDataVersion",
      (eb) =>
        eb
          .selectFrom("dataVersions as v")
          .select("v.version")
          .where("v.name", "=", "catalogue")
          .as("catalogueVersion"),
      "s.contactId",
      "c.email as contactEmail",
      "c.name as contactName",
      "c.locale as contactLocale",
      "c.role as contactRole",
      "c.active as contactActive",
      "s.staffUserId",
      "u.email as staffEmail",
      "u.name as staffName",
      "u.role as staffRole",
      "u.active as staffActive",
      "s.portalLinkId",
      "l.contractId as linkContractId",
      "l.quoteId as linkQuoteId",
      "l.expiresAt as linkExpiresAt",
      "l.revokedAt as linkRevokedAt",
    ])
    .where("s.idHash", "=", idHash),
);

export async function touchSession(db: Database, idHash: string, now: Date): Promise<void> {
  await db.updateTable("sessions").set({ lastSeenAt: now }).where("idHash", "=", idHash).execute();
}

export async function revokeSession(db: Database, idHash: string, now: Date): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ revokedAt: now })
    .where("idHash", "=", idHash)
    .where("revokedAt", "is", null)
    .execute();
}

/** "Sign out everywhere": every live session of this person. */
export async function revokeSessionsOf(
  db: Database,
  who: { contactId: string } | { staffUserId: string },
  now: Date,
): Promise<number> {
  let query = db.updateTable("sessions").set({ revokedAt: now }).where("revokedAt", "is", null);
  query = "contactId" in who ? query.where("contactId", "=", who.contactId) : query.where("staffUserId", "=", who.staffUserId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
