import { recordAudit } from "~/models/audit.server";
import { findPortalLinkByHash, insertPortalLink, logPortalLinkUse } from "~/models/portal-links.server";
import { findAccountForPortalLink } from "~/models/staff-accounts.server";

import type { PortalLinkInput } from "../../domain/auth/schemas";
import { formatDate } from "../format";
import { enqueueEmail } from "../email/outbox.server";
import { isLocale } from "../i18n/config";
import { clientIp } from "../client-ip";
import { clock, db } from "../services.server";
import type { StaffIdentity } from "./guards.server";
import { startSession } from "./session.server";
import { appUrl } from "./sign-in.server";
import { hashToken, looksLikeToken, randomToken } from "./tokens.server";

export type CreateLinkResult =
  | { ok: true; url: string; linkId: string; emailed: boolean }
  | { ok: false; errors: Record<string, string> };

/**
 * A success manager's link into one renewal, for one contact. Only the hash
 * is stored; the URL is shown to the staff user once (and emailed if asked).
 */
export async function createRenewalLink(
  request: Request,
  staff: StaffIdentity,
  input: PortalLinkInput,
): Promise<CreateLinkResult> {
  const account = await findAccountForPortalLink(db(), input.accountId);
  const contact = account?.contacts.find((c) => c.id === input.contactId);
  const contract = account?.contracts.find((c) => c.id === input.contractId);
  if (!account) return { ok: false, errors: { accountId: "staff:portalLinks.errors.account" } };
  if (!contact) return { ok: false, errors: { contactId: "staff:portalLinks.errors.contact" } };
  if (!contract) return { ok: false, errors: { contractId: "staff:portalLinks.errors.contract" } };

  const now = clock().now();
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 24 * 3_600_000);
  const url = appUrl(request, `/l/${token}`);
  const locale = isLocale(contact.locale) ? contact.locale : "en";
  const linkId = await db()
    .transaction()
    .execute(async (trx) => {
      const id = await insertPortalLink(trx, {
        tokenHash: hashToken(token),
        purpose: "renewal",
        accountId: account.id,
        contractId: contract.id,
        contactId: contact.id,
        recipientEmail: contact.email,
        recipientName: contact.name,
        note: input.note || null,
        createdByStaffId: staff.staffUserId,
        expiresAt,
        now,
      });
      if (input.send) {
        await enqueueEmail(trx, {
          to: contact.email,
          locale,
          template: "portalLink",
          params: {
            name: contact.name,
            url,
            senderName: staff.name,
            contractNumber: contract.number,
            note: input.note || null,
            expiresOn: formatDate(expiresAt.toISOString().slice(0, 10), locale, "long"),
          },
        });
      }
      await recordAudit(trx, {
        actorKind: "staff",
        actorId: staff.staffUserId,
        accountId: account.id,
        entityType: "portal_link",
        entityId: id,
        action: input.send ? "portal_link.created_and_sent" : "portal_link.created",
        data: { contractId: contract.id, contactId: contact.id, expiresInDays: input.expiresInDays },
        at: now,
      });
      return id;
    });
  return { ok: true, url, linkId, emailed: input.send };
}

export type OpenLinkResult =
  | { ok: true; setCookie: string; contractId: string }
  | { ok: false; reason: "unknown" | "expired" | "revoked"; email: string | null };

/**
 * Opening a portal link (a GET: it may be a mail scanner, which only costs a
 * logged use): checks it, logs the use, and starts a session scoped to its one
 * renewal that ends with the link.
 */
export async function openPortalLink(request: Request, token: string): Promise<OpenLinkResult> {
  if (!looksLikeToken(token)) return { ok: false, reason: "unknown", email: null };
  const link = await findPortalLinkByHash(db(), hashToken(token));
  if (!link || link.purpose !== "renewal" || link.contactActive === false) {
    return { ok: false, reason: "unknown", email: null };
  }
  const now = clock().now();
  if (link.revokedAt) return { ok: false, reason: "revoked", email: link.contactEmail };
  if (link.expiresAt <= now) return { ok: false, reason: "expired", email: link.contactEmail };
  await logPortalLinkUse(db(), {
    portalLinkId: link.id,
    action: "open",
    ip: clientIp(request),
    userAgent: request.headers.get("user-agent"),
    now,
  });
  const setCookie = await startSession(
    request,
    { kind: "portal_link", portalLinkId: link.id, accountId: link.accountId, contactId: link.contactId },
    { notAfter: link.expiresAt },
  );
  return { ok: true, setCookie, contractId: link.contractId };
}

/** Routes a portal-link session uses (quote, share, approve, pay) log each action too. */
export async function recordPortalLinkAction(request: Request, portalLinkId: string, action: string) {
  await logPortalLinkUse(db(), {
    portalLinkId,
    action,
    ip: clientIp(request),
    userAgent: request.headers.get("user-agent"),
    now: clock().now(),
  });
}

export type OpenApprovalResult =
  | { ok: true; setCookie: string; contractId: string; quoteId: string }
  | { ok: false; reason: "unknown" | "expired" | "revoked" };

/**
 * An approver continuing to payment from their link (a POST, never the GET
 * that shows the quote, so a mail scanner starts nothing). The session it
 * starts is scoped to the link's one quote (requireQuoteAccess), ends with
 * the link, and is logged like every use of it.
 */
export async function openApprovalLink(request: Request, token: string): Promise<OpenApprovalResult> {
  if (!looksLikeToken(token)) return { ok: false, reason: "unknown" };
  const link = await findPortalLinkByHash(db(), hashToken(token));
  if (!link || link.purpose !== "approval" || !link.quoteId) return { ok: false, reason: "unknown" };
  const now = clock().now();
  if (link.revokedAt) return { ok: false, reason: "revoked" };
  if (link.expiresAt <= now) return { ok: false, reason: "expired" };
  await logPortalLinkUse(db(), {
    portalLinkId: link.id,
    action: "continue_to_payment",
    ip: clientIp(request),
    userAgent: request.headers.get("user-agent"),
    now,
  });
  const setCookie = await startSession(
    request,
    { kind: "portal_link", portalLinkId: link.id, accountId: link.accountId, contactId: link.contactId },
    { notAfter: link.expiresAt },
  );
  return { ok: true, setCookie, contractId: link.contractId, quoteId: link.quoteId };
}
