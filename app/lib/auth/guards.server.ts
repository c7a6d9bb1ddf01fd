import { redirect } from "@remix-run/node";

import { getIdentity, signInRedirect, type Identity } from "./session.server";

export type CustomerIdentity = Extract<Identity, { kind: "contact" }>;
export type StaffIdentity = Extract<Identity, { kind: "staff" }>;
export type PortalLinkIdentity = Extract<Identity, { kind: "portal_link" }>;
export type StaffRole = StaffIdentity["role"];

export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/**
 * A signed-in customer contact. A success manager's portal link is not an
 * account-wide login: it is sent to sign in with its contact's email filled
 * in. Staff are sent to their own pages: they act on customer data only there.
 */
export async function requireCustomer(request: Request): Promise<CustomerIdentity> {
  const identity = await getIdentity(request);
  if (identity?.kind === "contact") return identity;
  if (identity?.kind === "staff") throw redirect("/staff");
  return signInRedirect(request, { email: identity?.kind === "portal_link" ? identity.email : null });
}

export type RenewalAccess = CustomerIdentity | PortalLinkIdentity;

/**
 * Access to one renewal (its contract): a signed-in contact of the contract's
 * account (the caller's account-scoped query then answers 404 for another
 * account's contract), or a portal-link session scoped to exactly this
 * contract. A link for another contract gets 404, never a redirect that
 * would confirm the id exists.
 */
export async function requireRenewalAccess(request: Request, contractId: string): Promise<RenewalAccess> {
  const identity = await getIdentity(request);
  if (identity?.kind === "contact") return identity;
  if (identity?.kind === "portal_link") {
    if (identity.contractId !== contractId) notFound();
    return identity;
  }
  if (identity?.kind === "staff") throw redirect("/staff");
  return signInRedirect(request);
}

/**
 * A signed-in staff user (optionally with one of `roles`). Signed-out visitors
 * are sent to sign in; customers get a 404, as if staff pages did not exist.
 */
export async function requireStaff(request: Request, roles?: readonly StaffRole[]): Promise<StaffIdentity> {
  const identity = await getIdentity(request);
  if (!identity) return signInRedirect(request);
  if (identity.kind !== "staff") notFound();
  if (roles && !roles.includes(identity.role)) throw new Response("Forbidden", { status: 403 });
  return identity;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** A route id parameter that is not a well-formed id is a 404, never a database error. */
export function parseIdOr404(value: string | undefined): string {
  if (!isUuid(value)) notFound();
  return value.toLowerCase();
}

/**
 * Access to one quote of one renewal: a signed-in contact of the account, a
 * success manager's portal link for the contract, or an approver's link for
 * exactly this quote. The caller still loads the quote scoped by
 * `access.accountId` and the contract, so another account's quote is a 404.
 */
export async function requireQuoteAccess(request: Request, contractId: string, quoteId: string): Promise<RenewalAccess> {
  const access = await requireRenewalAccess(request, contractId);
  if (access.kind === "portal_link" && access.quoteId && access.quoteId !== quoteId) notFound();
  return access;
}
