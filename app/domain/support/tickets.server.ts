/**
 * Support requests as the business sees them: each change is one
 * transaction holding the ticket rows, the emails it causes (enqueued in the
 * outbox, so they exist exactly when the change commits) and its audit
 * event. Routes check access first (account or staff scope) and pass the
 * ticket they found.
 */
import { createHash } from "node:crypto";

import type { Locale, TicketStatus } from "../../../db/schema";
import { enqueueEmail } from "~/lib/email/outbox.server";
import type { FieldErrors } from "~/lib/forms";
import { isLocale } from "~/lib/i18n/config";
import type { Database } from "~/lib/db.server";
import { recordAudit } from "~/models/audit.server";
import { findContractSummary } from "~/models/contract-summary.server";
import {
  insertCsat,
  insertTicket,
  insertTicketAttachment,
  findLastMessageAt,
  insertTicketMessage,
  lockTicket,
  nextTicketNumber,
  updateTicket,
  type TicketDetail,
} from "~/models/support.server";

import { SUPPORT_EMAIL } from "../help/support-contact";
import type { AttachmentKind } from "./attachments";
import type { SupportRequestInput } from "./schemas";
import { asksForSatisfaction, customerCanReply, resolvedAtAfter, statusAfterCustomerReply } from "./topics";

/** The support team reads English (docs/product-policies.md). */
export const SUPPORT_TEAM_LOCALE: Locale = "en";

/** Absolute links for emails: `appUrl("/support/requests/…")`. */
export type AppUrl = (path: string) => string;

export interface Requester {
  accountId: string;
  accountName: string;
  contactId: string;
  name: string;
  email: string;
  locale: Locale;
}

export interface CheckedAttachment {
  filename: string;
  contentType: string;
  kind: AttachmentKind;
  bytes: Uint8Array;
}

export function customerTicketPath(ticketId: string) {
  return `/support/requests/${ticketId}`;
}

export function staffTicketPath(ticketId: string) {
  return `/staff/tickets/${ticketId}`;
}

function humanSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export type CreateOutcome = { ok: true; ticketId: string; number: string } | { ok: false; errors: FieldErrors };

/**
 * A new request: the ticket, its first message and its attachment, an email
 * to the support team (in English) and a confirmation to the customer (in
 * their language), and an audit event — all or nothing. A contract that is
 * not the account's is refused like any other bad input.
 */
export async function createSupportRequest(
  db: Database,
  input: {
    requester: Requester;
    request: Pick<SupportRequestInput, "topic" | "contractId" | "subject" | "message">;
    attachment: CheckedAttachment | null;
    appUrl: AppUrl;
    now: Date;
    requestId?: string | null;
  },
): Promise<CreateOutcome> {
  const { requester, request, attachment, now } = input;
  const contract = request.contractId ? await findContractSummary(db, requester.accountId, request.contractId) : null;
  if (request.contractId && !contract) return { ok: false, errors: { contractId: "support:errors.contract" } };

  return db.transaction().execute(async (trx) => {
    const number = await nextTicketNumber(trx);
    const { id: ticketId } = await insertTicket(trx, {
      number,
      accountId: requester.accountId,
      contactId: requester.contactId,
      contractId: contract?.id ?? null,
      topic: request.topic,
      subject: request.subject,
      body: request.message,
      now,
    });
    await insertTicketMessage(trx, { ticketId, author: { kind: "contact", contactId: requester.contactId }, body: request.message, now });
    let stored: { id: string; sha256: string } | null = null;
    if (attachment) {
      const sha256 = createHash("sha256").update(attachment.bytes).digest("hex");
      const { id } = await insertTicketAttachment(trx, {
        ticketId,
        filename: attachment.filename,
        contentType: attachment.contentType,
        bytes: attachment.bytes,
        sha256,
        now,
      });
      stored = { id, sha256 };
    }
    await enqueueEmail(trx, {
      to: SUPPORT_EMAIL,
      locale: SUPPORT_TEAM_LOCALE,
      template: "supportRequestReceived",
      params: {
        number,
        subject: request.subject,
        url: input.appUrl(staffTicketPath(ticketId)),
        contactName: requester.name,
        contactEmail: requester.email,
        accountName: requester.accountName,
        topic: request.topic,
        contractNumber: contract?.number ?? null,
        attachment: attachment ? `${attachment.filename} (${humanSize(attachment.bytes.byteLength)})` : null,
        message: request.message,
      },
    });
    await enqueueEmail(trx, {
      to: requester.email,
      locale: requester.locale,
      template: "supportRequestConfirmation",
      params: {
        number,
        subject: request.subject,
        url: input.appUrl(customerTicketPath(ticketId)),
        name: requester.name,
        message: request.message,
      },
    });
    await recordAudit(trx, {
      actorKind: "contact",
      actorId: requester.contactId,
      accountId: requester.accountId,
      entityType: "support_ticket",
      entityId: ticketId,
      action: "ticket.created",
      data: {
        number,
        topic: request.topic,
        contractId: contract?.id ?? null,
        attachment: stored ? { id: stored.id, sha256: stored.sha256, bytes: attachment?.bytes.byteLength } : null,
      },
      requestId: input.requestId ?? null,
      at: now,
    });
    return { ok: true as const, ticketId, number };
  });
}

/**
 * The time a new message is stamped with: now, or just after the latest
 * message when that one looks newer (two app instances whose clocks differ
 * by a few milliseconds, or a fixed test clock). The conversation is read in
 * time order, so an answer must never sort before what it answers. Called
 * with the ticket row locked, so two replies cannot take the same instant.
 */
async function nextMessageAt(trx: Database, ticketId: string, now: Date): Promise<Date> {
  const last = await findLastMessageAt(trx, ticketId);
  return last && last.getTime() >= now.getTime() ? new Date(last.getTime() + 1) : now;
}

export type CustomerReplyOutcome = { ok: true; reopened: boolean } | { ok: false; reason: "closed" };

/**
 * The customer answers on their request: a message, the ticket back in our
 * court (`open`; a resolved one is reopened), and the team told by email. A
 * closed request takes no more answers: the customer starts a new one.
 */
export async function replyAsCustomer(
  db: Database,
  input: { requester: Requester; ticket: TicketDetail; message: string; appUrl: AppUrl; now: Date; requestId?: string | null },
): Promise<CustomerReplyOutcome> {
  const { requester, ticket, now } = input;
  return db.transaction().execute(async (trx) => {
    const current = await lockTicket(trx, ticket.id);
    if (!current || !customerCanReply(current.status)) return { ok: false as const, reason: "closed" as const };
    const next = statusAfterCustomerReply(current.status);
    const reopened = current.status === "resolved";
    await insertTicketMessage(trx, {
      ticketId: ticket.id,
      author: { kind: "contact", contactId: requester.contactId },
      body: input.message,
      now: await nextMessageAt(trx, ticket.id, now),
    });
    await updateTicket(trx, ticket.id, { status: next, resolvedAt: resolvedAtAfter(next, current, now), updatedAt: now });
    await enqueueEmail(trx, {
      to: SUPPORT_EMAIL,
      locale: SUPPORT_TEAM_LOCALE,
      template: "supportCustomerReplied",
      params: {
        number: ticket.number,
        subject: ticket.subject,
        url: input.appUrl(staffTicketPath(ticket.id)),
        contactName: requester.name,
        accountName: requester.accountName,
        message: input.message,
        reopened,
      },
    });
    await recordAudit(trx, {
      actorKind: "contact",
      actorId: requester.contactId,
      accountId: requester.accountId,
      entityType: "support_ticket",
      entityId: ticket.id,
      action: "ticket.customer_replied",
      data: { from: current.status, to: next },
      requestId: input.requestId ?? null,
      at: now,
    });
    return { ok: true as const, reopened };
  });
}

export interface StaffActor {
  staffUserId: string;
  name: string;
}

function customerLocale(ticket: TicketDetail): Locale {
  return isLocale(ticket.contactLocale) ? ticket.contactLocale : "en";
}

/**
 * A staff answer: the message, the first-response time on the first one,
 * the status chosen with it (waiting for the customer by default), and the
 * customer emailed in their language.
 */
export async function replyAsStaff(
  db: Database,
  input: { staff: StaffActor; ticket: TicketDetail; message: string; status: TicketStatus; appUrl: AppUrl; now: Date; requestId?: string | null },
): Promise<{ firstResponse: boolean }> {
  const { staff, ticket, now } = input;
  return db.transaction().execute(async (trx) => {
    const current = await lockTicket(trx, ticket.id);
    if (!current) throw new Response("Not found", { status: 404 });
    const firstResponse = current.firstResponseAt === null;
    await insertTicketMessage(trx, {
      ticketId: ticket.id,
      author: { kind: "staff", staffUserId: staff.staffUserId },
      body: input.message,
      now: await nextMessageAt(trx, ticket.id, now),
    });
    await updateTicket(trx, ticket.id, {
      status: input.status,
      resolvedAt: resolvedAtAfter(input.status, current, now),
      ...(firstResponse ? { firstResponseAt: now } : {}),
      updatedAt: now,
    });
    if (ticket.contactEmail) {
      await enqueueEmail(trx, {
        to: ticket.contactEmail,
        locale: customerLocale(ticket),
        template: "supportReplyToCustomer",
        params: {
          number: ticket.number,
          subject: ticket.subject,
          url: input.appUrl(customerTicketPath(ticket.id)),
          name: ticket.contactName ?? ticket.contactEmail,
          staffName: staff.name,
          message: input.message,
          resolved: input.status === "resolved",
        },
      });
    }
    await recordAudit(trx, {
      actorKind: "staff",
      actorId: staff.staffUserId,
      accountId: ticket.accountId,
      entityType: "support_ticket",
      entityId: ticket.id,
      action: "ticket.staff_replied",
      data: { from: current.status, to: input.status, firstResponse, emailed: Boolean(ticket.contactEmail) },
      requestId: input.requestId ?? null,
      at: now,
    });
    return { firstResponse };
  });
}

/**
 * A status change by staff. Resolving emails the customer (who can reopen
 * it by answering, and is asked how we did); the same status again changes
 * nothing and records nothing.
 */
export async function changeTicketStatus(
  db: Database,
  input: { staff: StaffActor; ticket: TicketDetail; status: TicketStatus; appUrl: AppUrl; now: Date; requestId?: string | null },
): Promise<{ changed: boolean }> {
  const { staff, ticket, now } = input;
  return db.transaction().execute(async (trx) => {
    const current = await lockTicket(trx, ticket.id);
    if (!current) throw new Response("Not found", { status: 404 });
    if (current.status === input.status) return { changed: false };
    await updateTicket(trx, ticket.id, { status: input.status, resolvedAt: resolvedAtAfter(input.status, current, now), updatedAt: now });
    if (input.status === "resolved" && ticket.contactEmail) {
      await enqueueEmail(trx, {
        to: ticket.contactEmail,
        locale: customerLocale(ticket),
        template: "supportRequestResolved",
        params: {
          number: ticket.number,
          subject: ticket.subject,
          url: input.appUrl(customerTicketPath(ticket.id)),
          name: ticket.contactName ?? ticket.contactEmail,
        },
      });
    }
    await recordAudit(trx, {
      actorKind: "staff",
      actorId: staff.staffUserId,
      accountId: ticket.accountId,
      entityType: "support_ticket",
      entityId: ticket.id,
      action: "ticket.status_changed",
      data: { from: current.status, to: input.status },
      requestId: input.requestId ?? null,
      at: now,
    });
    return { changed: true };
  });
}

export type CsatOutcome = "saved" | "already" | "notAnswered";

/** "How did we do?": once per ticket, only once it is answered (resolved or closed). */
export async function recordCsat(
  db: Database,
  input: { requester: Requester; ticket: TicketDetail; score: number; comment: string | null; now: Date; requestId?: string | null },
): Promise<CsatOutcome> {
  const { requester, ticket, now } = input;
  if (!asksForSatisfaction(ticket.status)) return "notAnswered";
  return db.transaction().execute(async (trx) => {
    const saved = await insertCsat(trx, {
      accountId: requester.accountId,
      contactId: requester.contactId,
      contractId: ticket.contractId,
      ticketId: ticket.id,
      score: input.score,
      comment: input.comment,
      now,
    });
    if (!saved) return "already" as const;
    await recordAudit(trx, {
      actorKind: "contact",
      actorId: requester.contactId,
      accountId: requester.accountId,
      entityType: "support_ticket",
      entityId: ticket.id,
      action: "ticket.csat_answered",
      data: { score: input.score, commented: Boolean(input.comment) },
      requestId: input.requestId ?? null,
      at: now,
    });
    return "saved" as const;
  });
}
