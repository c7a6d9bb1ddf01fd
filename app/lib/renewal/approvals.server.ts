/**
 * Handing a quote to its approver and recording what they decide: a link
 * scoped to one quote (hashed token, 14 days, revocable, every use logged),
 * an email in the approver's language, a notice to the success manager, an
 * audit event at each step.
 */
import type { ApprovalDecisionInput, ShareQuoteInput } from "~/domain/renewal/schemas";
import {
  countLiveShares,
  findAccountContactByEmail,
  findApprovalLinkByHash,
  findDecision,
  insertApproval,
  lockQuote,
  revokeQuoteShare,
} from "~/models/approvals.server";
import { recordAudit } from "~/models/audit.server";
import { insertPortalLink, logPortalLinkUse } from "~/models/portal-links.server";
import { findQuoteForAccount, transitionQuote, type StoredQuote } from "~/models/quotes.server";

import { appUrl } from "../auth/sign-in.server";
import { hashToken, looksLikeToken, randomToken } from "../auth/tokens.server";
import { clientIp } from "../client-ip";
import { enqueueEmail } from "../email/outbox.server";
import { formatDate, formatMoney } from "../format";
import { isLocale, type Locale } from "../i18n/config";
import { notifyAccountOwner } from "../notify.server";
import { clock, db } from "../services.server";
import type { RenewalActor } from "./access.server";

/** Approver links expire after 14 days (docs/product-policies.md). */
export const APPROVAL_LINK_DAYS = 14;
/** A quote can be handed to approvers while it is open. */
const SHAREABLE = ["draft", "shared", "approved"] as const;

export type ShareResult = { ok: true; linkId: string } | { ok: false; error: string };

export async function shareQuote(
  request: Request,
  input: {
    accountId: string;
    accountName: string;
    quote: StoredQuote;
    actor: RenewalActor;
    sharerName: string;
    sharerLocale: Locale;
    form: ShareQuoteInput;
    requestId?: string | null;
  },
): Promise<ShareResult> {
  const { quote, form } = input;
  const now = clock().now();
  if (!(SHAREABLE as readonly string[]).includes(quote.status)) return { ok: false, error: "renewal:share.errors.notOpen" };
  if (quote.expiresAt <= now) return { ok: false, error: "renewal:share.errors.expired" };

  const token = randomToken();
  const expiresAt = new Date(now.getTime() + APPROVAL_LINK_DAYS * 86_400_000);
  const url = appUrl(request, `/approve/${token}`);
  const linkId = await db()
    .transaction()
    .execute(async (trx) => {
      const locked = await lockQuote(trx, quote.id);
      if (!locked || !(SHAREABLE as readonly string[]).includes(locked.status)) return null;
      const known = await findAccountContactByEmail(trx, input.accountId, form.approverEmail);
      const locale = known && isLocale(known.locale) ? known.locale : input.sharerLocale;
      const id = await insertPortalLink(trx, {
        tokenHash: hashToken(token),
        purpose: "approval",
        accountId: input.accountId,
        contractId: quote.contractId,
        quoteId: quote.id,
        contactId: known?.id ?? null,
        recipientEmail: form.approverEmail,
        recipientName: form.approverName,
        note: form.note,
        createdByContactId: input.actor.contactId,
        expiresAt,
        now,
      });
      if (locked.status === "draft") await transitionQuote(trx, quote.id, ["draft"], "shared", now);
      await enqueueEmail(trx, {
        to: form.approverEmail,
        locale,
        template: "quoteShared",
        params: {
          approverName: form.approverName,
          sharerName: input.sharerName,
          accountName: input.accountName,
          quoteNumber: quote.number,
          total: formatMoney(quote.total, quote.currency, locale),
          newTerm: `${formatDate(quote.newTermStart, locale, "long")} – ${formatDate(quote.newTermEnd, locale, "long")}`,
          note: form.note,
          url,
          expiresOn: formatDate(expiresAt.toISOString().slice(0, 10), locale, "long"),
        },
      });
      await notifyAccountOwner(trx, {
        accountId: input.accountId,
        kind: "quoteShared",
        ns: "email-quotes",
        url: appUrl(request, "/staff"),
        values: { number: quote.number, sharer: input.sharerName, approver: form.approverName, email: form.approverEmail },
        contractId: quote.contractId,
        quoteId: quote.id,
      });
      await recordAudit(trx, {
        actorKind: input.actor.kind,
        actorId: input.actor.auditId,
        accountId: input.accountId,
        entityType: "quote",
        entityId: quote.id,
        action: "quote.shared",
        data: { portalLinkId: id, approverEmail: form.approverEmail, version: quote.version, expiresAt: expiresAt.toISOString() },
        requestId: input.requestId ?? null,
        at: now,
      });
      return id;
    });
  if (!linkId) return { ok: false, error: "renewal:share.errors.notOpen" };
  if (input.actor.portalLinkId) await recordPortalLinkUse(request, input.actor.portalLinkId, "share_quote");
  return { ok: true, linkId };
}

/** Revokes one of the quote's approver links; a shared quote with no live link left is a draft again. */
export async function revokeShare(input: {
  accountId: string;
  quote: StoredQuote;
  linkId: string;
  actor: RenewalActor;
  requestId?: string | null;
}): Promise<boolean> {
  const now = clock().now();
  return db()
    .transaction()
    .execute(async (trx) => {
      const revoked = await revokeQuoteShare(trx, input.accountId, input.quote.id, input.linkId, now);
      if (!revoked) return false;
      if ((await countLiveShares(trx, input.quote.id, now)) === 0) {
        await transitionQuote(trx, input.quote.id, ["shared"], "draft", now);
      }
      await recordAudit(trx, {
        actorKind: input.actor.kind,
        actorId: input.actor.auditId,
        accountId: input.accountId,
        entityType: "portal_link",
        entityId: input.linkId,
        action: "quote.share_revoked",
        data: { quoteId: input.quote.id, version: input.quote.version },
        requestId: input.requestId ?? null,
        at: now,
      });
      return true;
    });
}

async function recordPortalLinkUse(request: Request, portalLinkId: string, action: string) {
  await logPortalLinkUse(db(), {
    portalLinkId,
    action,
    ip: clientIp(request),
    userAgent: request.headers.get("user-agent"),
    now: clock().now(),
  });
}

export type ApprovalLinkState =
  | { state: "unknown" | "revoked" | "expired" }
  | { state: "superseded"; sharerName: string | null; accountName: string }
  | {
      state: "open";
      link: NonNullable<Awaited<ReturnType<typeof findApprovalLinkByHash>>>;
      quote: StoredQuote;
      decision: Awaited<ReturnType<typeof findDecision>> | null;
    };

/**
 * What an approver's link opens. Reading never consumes anything (mail
 * scanners open links too): it only logs the use.
 */
export async function readApprovalLink(request: Request, token: string, action = "view_quote"): Promise<ApprovalLinkState> {
  if (!looksLikeToken(token)) return { state: "unknown" };
  const link = await findApprovalLinkByHash(db(), hashToken(token));
  if (!link || !link.quoteId) return { state: "unknown" };
  const now = clock().now();
  if (link.revokedAt) return { state: "revoked" };
  if (link.expiresAt <= now) return { state: "expired" };
  await recordPortalLinkUse(request, link.id, action);
  const quote = await findQuoteForAccount(db(), link.accountId, link.quoteId);
  if (!quote) return { state: "unknown" };
  if (quote.status === "superseded") return { state: "superseded", sharerName: link.sharerName, accountName: link.accountName };
  const decision = (await findDecision(db(), quote.id, quote.version)) ?? null;
  return { state: "open", link, quote, decision };
}

export type DecideResult =
  | { ok: true; decision: "approved" | "changes_requested" }
  | { ok: false; reason: "unknown" | "revoked" | "expired" | "superseded" | "decided" | "confirmed" | "quoteExpired" };

/**
 * Records the approver's decision on this quote version: once. Approving
 * moves the quote to `approved`; asking for changes leaves it shared, with
 * the comment, for the customer to revise. The customer who shared it is
 * emailed and the success manager notified, in the same transaction.
 */
export async function decideOnQuote(
  request: Request,
  token: string,
  form: ApprovalDecisionInput,
  requestId?: string | null,
): Promise<DecideResult> {
  if (!looksLikeToken(token)) return { ok: false, reason: "unknown" };
  const link = await findApprovalLinkByHash(db(), hashToken(token));
  if (!link || !link.quoteId) return { ok: false, reason: "unknown" };
  const now = clock().now();
  if (link.revokedAt) return { ok: false, reason: "revoked" };
  if (link.expiresAt <= now) return { ok: false, reason: "expired" };
  const quoteId = link.quoteId;
  const decision = form.decision === "approve" ? ("approved" as const) : ("changes_requested" as const);

  const result = await db()
    .transaction()
    .execute(async (trx): Promise<DecideResult> => {
      const locked = await lockQuote(trx, quoteId);
      if (!locked) return { ok: false, reason: "unknown" };
      if (locked.status === "superseded") return { ok: false, reason: "superseded" };
      if (["awaiting_payment", "paid", "fulfilled"].includes(locked.status)) return { ok: false, reason: "confirmed" };
      if (!["draft", "shared", "approved"].includes(locked.status)) return { ok: false, reason: "superseded" };
      if (locked.expiresAt <= now) return { ok: false, reason: "quoteExpired" };
      if (await findDecision(trx, quoteId, locked.version)) return { ok: false, reason: "decided" };
      const quote = (await findQuoteForAccount(trx, link.accountId, quoteId))!;
      const approverName = link.recipientName ?? link.recipientEmail;
      const approvalId = await insertApproval(trx, {
        quoteId,
        quoteVersion: locked.version,
        approverEmail: link.recipientEmail,
        approverName: link.recipientName,
        decision,
        comment: form.comment,
        now,
      });
      if (decision === "approved") await transitionQuote(trx, quoteId, ["draft", "shared"], "approved", now);
      const quoteUrl = appUrl(request, `/renew/${link.contractId}/quotes/${quoteId}`);
      if (link.sharerEmail) {
        await enqueueEmail(trx, {
          to: link.sharerEmail,
          locale: isLocale(link.sharerLocale) ? link.sharerLocale : "en",
          template: "quoteDecision",
          params: { name: link.sharerName ?? link.sharerEmail, approverName, quoteNumber: quote.number, decision, comment: form.comment, url: quoteUrl },
        });
      }
      await notifyAccountOwner(trx, {
        accountId: link.accountId,
        kind: decision === "approved" ? "quoteApproved" : "quoteChangesRequested",
        ns: "email-quotes",
        url: appUrl(request, "/staff"),
        values: { number: quote.number, approver: approverName },
        contractId: link.contractId,
        quoteId,
      });
      await recordAudit(trx, {
        actorKind: "approver",
        actorId: link.id,
        accountId: link.accountId,
        entityType: "quote",
        entityId: quoteId,
        action: decision === "approved" ? "quote.approved" : "quote.changes_requested",
        data: { approvalId, version: locked.version, approverEmail: link.recipientEmail, comment: form.comment },
        requestId: requestId ?? null,
        at: now,
      });
      return { ok: true, decision };
    });
  await recordPortalLinkUse(request, link.id, result.ok ? `decision_${decision}` : "decision_refused");
  return result;
}
