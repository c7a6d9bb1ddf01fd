import { redirect } from "@remix-run/node";

import { findDemoSession, findQuoteScope, findReceipt, type Receipt } from "../../models/payments.server";
import { notFound, parseIdOr404, requireQuoteAccess, type RenewalAccess } from "../auth/guards.server";
import { getIdentity, signInRedirect } from "../auth/session.server";
import { db } from "../services.server";

/** Who is paying, for the provider (prefilled email) and the audit trail. */
export interface Payer {
  email: string | null;
  actorKind: "contact" | "approver";
  actorId: string | null;
}

export function payerOf(access: RenewalAccess): Payer {
  if (access.kind === "contact") return { email: access.email, actorKind: "contact", actorId: access.contactId };
  return access.contactId
    ? { email: access.email, actorKind: "contact", actorId: access.contactId }
    : { email: access.email, actorKind: "approver", actorId: access.portalLinkId };
}

async function identityOrSignIn(request: Request) {
  const identity = await getIdentity(request);
  if (!identity) return signInRedirect(request);
  if (identity.kind === "staff") throw redirect("/staff");
  return identity;
}

/**
 * Access to paying one quote: whoever may act on it (a contact of its
 * account, a success manager's link for its contract, an approver's link for
 * it: requireQuoteAccess). Signed-out visitors are sent to sign in before
 * anything is looked up; another account's quote is a 404.
 */
export async function requireCheckoutAccess(request: Request, quoteIdParam: string | undefined) {
  const quoteId = parseIdOr404(quoteIdParam);
  const identity = await identityOrSignIn(request);
  const scope = await findQuoteScope(db(), quoteId);
  if (!scope || scope.accountId !== identity.accountId) notFound();
  const access = await requireQuoteAccess(request, scope.contractId, quoteId);
  return { access, quoteId, contractId: scope.contractId, accountId: scope.accountId, payer: payerOf(access) };
}

const DEMO_SESSION_ID = /^demo_cs_[0-9a-f]{32}$/;

/** Access to a demo checkout page: the same as paying its quote. */
export async function requireDemoSessionAccess(request: Request, sessionId: string | undefined) {
  if (!sessionId || !DEMO_SESSION_ID.test(sessionId)) notFound();
  await identityOrSignIn(request);
  const session = await findDemoSession(db(), sessionId);
  if (!session) notFound();
  const access = await requireCheckoutAccess(request, session.quoteId);
  return { ...access, sessionId };
}

/** A receipt: for the people who could pay its quote, and only in its own account. */
export async function requireReceiptAccess(request: Request, paymentIdParam: string | undefined): Promise<{ receipt: Receipt; access: RenewalAccess }> {
  const paymentId = parseIdOr404(paymentIdParam);
  const identity = await identityOrSignIn(request);
  const receipt = await findReceipt(db(), paymentId);
  if (!receipt || receipt.accountId !== identity.accountId) notFound();
  const access = await requireQuoteAccess(request, receipt.contractId, receipt.quoteId);
  return { receipt, access };
}
