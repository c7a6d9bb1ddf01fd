import type { RenewalAccess } from "../auth/guards.server";
import { notFound, requireQuoteAccess, requireRenewalAccess } from "../auth/guards.server";

/**
 * Who acts on a renewal, for audit events and quote columns. A success
 * manager's link acts for its contact; an approver's link is an approver.
 */
export interface RenewalActor {
  kind: "contact" | "approver";
  /** The contact behind the action, when known (an approver may not be one). */
  contactId: string | null;
  /** What audit_events.actor_id records: the contact, or else the link. */
  auditId: string;
  portalLinkId: string | null;
}

export function actorOf(access: RenewalAccess): RenewalActor {
  if (access.kind === "contact") {
    return { kind: "contact", contactId: access.contactId, auditId: access.contactId, portalLinkId: null };
  }
  const approver = access.quoteId !== null;
  return {
    kind: approver ? "approver" : "contact",
    contactId: access.contactId,
    auditId: access.contactId ?? access.portalLinkId,
    portalLinkId: access.portalLinkId,
  };
}

/**
 * The renewal itself (page, options, new versions, sharing, not renewing):
 * a contact of the account, or a success manager's link to this contract.
 * An approver's link opens one quote read-only and its payment, never the
 * renewal around it, so it gets the same 404 as any other foreign page.
 */
export async function requireRenewalEditor(request: Request, contractId: string): Promise<RenewalAccess> {
  const access = await requireRenewalAccess(request, contractId);
  if (access.kind === "portal_link" && access.quoteId !== null) notFound();
  return access;
}

export { requireQuoteAccess };
