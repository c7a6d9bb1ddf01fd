/**
 * Support tickets, their messages, attachments and CSAT answers. Every
 * customer query is scoped by account id; staff queries by a TicketScope
 * (a CSM sees the accounts they own, renewals and admin see all). Functions
 * take the Kysely handle (database or transaction) first.
 */
import { sql } from "kysely";

import type { TicketStatus, TicketTopic } from "../../db/schema";
import type { Database } from "~/lib/db.server";

type Db = Database;

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

/** SUP-20001, SUP-20002, … from ticket_number_seq (the demo's own tickets are SUP-1xxxx). */
export async function nextTicketNumber(db: Db): Promise<string> {
  const row = await sql<{ n: number }>`select nextval('ticket_number_seq')::int as n`.execute(db);
  return `SUP-${row.rows[0]!.n}`;
}

export interface NewTicket {
  number: string;
  accountId: string;
  contactId: string;
  contractId: string | null;
  topic: TicketTopic;
  subject: string;
  body: string;
  now: Date;
}

export async function insertTicket(db: Db, ticket: NewTicket): Promise<{ id: string }> {
  return db
    .insertInto("supportTickets")
    .values({
      number: ticket.number,
      accountId: ticket.accountId,
      contactId: ticket.contactId,
      contractId: ticket.contractId,
      topic: ticket.topic,
      subject: ticket.subject,
      body: ticket.body,
      createdAt: ticket.now,
      updatedAt: ticket.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function insertTicketMessage(
  db: Db,
  message: { ticketId: string; author: { kind: "contact"; contactId: string } | { kind: "staff"; staffUserId: string }; body: string; now: Date },
): Promise<{ id: string }> {
  return db
    .insertInto("ticketMessages")
    .values({
      ticketId: message.ticketId,
      authorKind: message.author.kind,
      contactId: message.author.kind === "contact" ? message.author.contactId : null,
      staffUserId: message.author.kind === "staff" ? message.author.staffUserId : null,
      body: message.body,
      createdAt: message.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function insertTicketAttachment(
  db: Db,
  file: { ticketId: string; filename: string; contentType: string; bytes: Uint8Array; sha256: string; now: Date },
): Promise<{ id: string }> {
  return db
    .insertInto("ticketAttachments")
    .values({
      ticketId: file.ticketId,
      filename: file.filename,
      contentType: file.contentType,
      sizeBytes: file.bytes.byteLength,
      sha256: file.sha256,
      // Both drivers take a Buffer for bytea.
      data: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
      createdAt: file.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** The fields a status change or a reply touches. */
export interface TicketUpdate {
  status?: TicketStatus;
  resolvedAt?: Date | null;
  firstResponseAt?: Date;
  updatedAt: Date;
}

export async function updateTicket(db: Db, ticketId: string, update: TicketUpdate): Promise<void> {
  await db.updateTable("supportTickets").set(update).where("id", "=", ticketId).execute();
}

// ---------------------------------------------------------------------------
// Reading (customers: always by account)
// ---------------------------------------------------------------------------

export interface TicketListItem {
  id: string;
  number: string;
  subject: string;
  topic: TicketTopic;
  status: TicketStatus;
  createdAt: Date;
  updatedAt: Date;
  contactName: string | null;
}

export async function listTicketsForAccount(db: Db, accountId: string, { limit = 100 }: { limit?: number } = {}): Promise<TicketListItem[]> {
  return db
    .selectFrom("supportTickets as t")
    .leftJoin("contacts as c", "c.id", "t.contactId")
    .select(["t.id", "t.number", "t.subject", "t.topic", "t.status", "t.createdAt", "t.updatedAt", "c.name as contactName"])
    .where("t.accountId", "=", accountId)
    .orderBy("t.updatedAt", "desc")
    .orderBy("t.number", "desc")
    .limit(limit)
    .execute();
}

const TICKET_COLUMNS = [
  "t.id",
  "t.number",
  "t.accountId",
  "t.contactId",
  "t.contractId",
  "t.topic",
  "t.subject",
  "t.status",
  "t.priority",
  "t.createdAt",
  "t.updatedAt",
  "t.firstResponseAt",
  "t.resolvedAt",
] as const;

export interface TicketDetail {
  id: string;
  number: string;
  accountId: string;
  contactId: string | null;
  contractId: string | null;
  topic: TicketTopic;
  subject: string;
  status: TicketStatus;
  priority: "low" | "normal" | "high" | "urgent";
  createdAt: Date;
  updatedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  contractNumber: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactLocale: string | null;
  accountName: string;
}

function ticketDetailQuery(db: Db) {
  return db
    .selectFrom("supportTickets as t")
    .innerJoin("accounts as a", "a.id", "t.accountId")
    .leftJoin("contracts as k", "k.id", "t.contractId")
    .leftJoin("contacts as c", "c.id", "t.contactId")
    .select([
      ...TICKET_COLUMNS,
      "k.number as contractNumber",
      "c.name as contactName",
      "c.email as contactEmail",
      "c.locale as contactLocale",
      "a.name as accountName",
    ]);
}

/** One ticket of one account; undefined for another account's ticket. */
export async function findTicketForAccount(db: Db, accountId: string, ticketId: string): Promise<TicketDetail | undefined> {
  return ticketDetailQuery(db).where("t.id", "=", ticketId).where("t.accountId", "=", accountId).executeTakeFirst();
}

/** Locks the ticket row for a change (inside a transaction), scoped like the read that found it. */
export async function lockTicket(db: Db, ticketId: string): Promise<{ status: TicketStatus; resolvedAt: Date | null; firstResponseAt: Date | null } | undefined> {
  return db
    .selectFrom("supportTickets")
    .select(["status", "resolvedAt", "firstResponseAt"])
    .where("id", "=", ticketId)
    .forUpdate()
    .executeTakeFirst();
}

/** When the ticket's latest message was written (null without messages). */
export async function findLastMessageAt(db: Db, ticketId: string): Promise<Date | null> {
  const row = await db
    .selectFrom("ticketMessages")
    .select((eb) => eb.fn.max("createdAt").as("last"))
    .where("ticketId", "=", ticketId)
    .executeTakeFirst();
  return row?.last ? new Date(row.last) : null;
}

export interface ConversationMessage {
  id: string;
  authorKind: "contact" | "staff";
  contactId: string | null;
  authorName: string | null;
  body: string;
  createdAt: Date;
}

export async function listTicketMessages(db: Db, ticketId: string): Promise<ConversationMessage[]> {
  return db
    .selectFrom("ticketMessages as m")
    .leftJoin("contacts as c", "c.id", "m.contactId")
    .leftJoin("staffUsers as s", "s.id", "m.staffUserId")
    .select(["m.id", "m.authorKind", "m.contactId", "m.body", "m.createdAt", sql<string | null>`coalesce(c.name, s.name)`.as("authorName")])
    .where("m.ticketId", "=", ticketId)
    .orderBy("m.createdAt")
    .orderBy("m.id")
    .execute();
}

export interface AttachmentInfo {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

/** The ticket's files, without their bytes. */
export async function listTicketAttachments(db: Db, ticketId: string): Promise<AttachmentInfo[]> {
  return db
    .selectFrom("ticketAttachments")
    .select(["id", "filename", "contentType", "sizeBytes", "createdAt"])
    .where("ticketId", "=", ticketId)
    .orderBy("createdAt")
    .execute();
}

/** One file with its bytes, when it belongs to this ticket (which the caller has already scoped). */
export async function findTicketAttachment(db: Db, ticketId: string, attachmentId: string) {
  return db
    .selectFrom("ticketAttachments")
    .select(["id", "filename", "contentType", "sizeBytes", "sha256", "data"])
    .where("id", "=", attachmentId)
    .where("ticketId", "=", ticketId)
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------
// CSAT
// ---------------------------------------------------------------------------

/** The ticket's satisfaction answer; one per ticket (a unique index holds it). */
export async function findCsatForTicket(db: Db, ticketId: string) {
  return db
    .selectFrom("surveyResponses")
    .select(["score", "comment", "createdAt"])
    .where("ticketId", "=", ticketId)
    .where("kind", "=", "csat")
    .executeTakeFirst();
}

/** Inserts the CSAT answer; false when the ticket already has one. */
export async function insertCsat(
  db: Db,
  answer: { accountId: string; contactId: string; contractId: string | null; ticketId: string; score: number; comment: string | null; now: Date },
): Promise<boolean> {
  const result = await sql<{ id: string }>`
    insert into survey_responses (account_id, contact_id, contract_id, ticket_id, kind, score, comment, created_at)
    values (${answer.accountId}, ${answer.contactId}, ${answer.contractId}, ${answer.ticketId}, 'csat', ${answer.score}, ${answer.comment}, ${answer.now})
    on conflict (ticket_id) where kind = 'csat' do nothing
    returning id`.execute(db);
  return result.rows.length === 1;
}

// ---------------------------------------------------------------------------
// Staff
// ---------------------------------------------------------------------------

/** Which tickets a staff user works on: their own accounts (CSM), or all (renewals, admin). */
export type TicketScope = { kind: "all" } | { kind: "owner"; staffUserId: string };

export function ticketScopeFor(staff: { staffUserId: string; role: "csm" | "renewals" | "admin" }): TicketScope {
  return staff.role === "csm" ? { kind: "owner", staffUserId: staff.staffUserId } : { kind: "all" };
}

export type StaffTicketFilter = "active" | "all" | TicketStatus;

export interface StaffTicketListItem extends TicketListItem {
  accountName: string;
  priority: "low" | "normal" | "high" | "urgent";
  firstResponseAt: Date | null;
}

export async function listTicketsForStaff(
  db: Db,
  scope: TicketScope,
  { filter = "active", limit = 50, offset = 0 }: { filter?: StaffTicketFilter; limit?: number; offset?: number } = {},
): Promise<{ tickets: StaffTicketListItem[]; total: number }> {
  let query = db
    .selectFrom("supportTickets as t")
    .innerJoin("accounts as a", "a.id", "t.accountId")
    .leftJoin("contacts as c", "c.id", "t.contactId");
  if (scope.kind === "owner") query = query.where("a.ownerStaffId", "=", scope.staffUserId);
  if (filter === "active") query = query.where("t.status", "in", ["open", "pending"]);
  else if (filter !== "all") query = query.where("t.status", "=", filter);
  const rows = await query
    .select([
      "t.id",
      "t.number",
      "t.subject",
      "t.topic",
      "t.status",
      "t.priority",
      "t.createdAt",
      "t.updatedAt",
      "t.firstResponseAt",
      "c.name as contactName",
      "a.name as accountName",
      sql<number>`count(*) over ()`.as("total"),
    ])
    // Waiting for us first; among requests still in progress the longest
    // waiting first, among answered ones the latest first.
    .orderBy(sql`case t.status when 'open' then 0 when 'pending' then 1 else 2 end`)
    .orderBy(sql`case when t.status in ('open', 'pending') then t.updated_at end`, "asc")
    .orderBy("t.updatedAt", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    tickets: rows.map(({ total: _total, ...row }) => row),
    total: rows[0] ? Number(rows[0].total) : 0,
  };
}

/** One ticket within the staff user's scope; undefined outside it. */
export async function findTicketForStaff(db: Db, scope: TicketScope, ticketId: string): Promise<TicketDetail | undefined> {
  let query = ticketDetailQuery(db).where("t.id", "=", ticketId);
  if (scope.kind === "owner") query = query.where("a.ownerStaffId", "=", scope.staffUserId);
  return query.executeTakeFirst();
}
