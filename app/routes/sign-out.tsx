import type { ActionFunctionArgs } from "@remix-run/node";

import { clock, db, endSession, getIdentity, readFormData, redirect, revokeSessionsOf } from "./__sign-out.server";

/**
 * POST only. `scope=everywhere` revokes every session of this person (other
 * browsers and devices too), then this one.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const identity = await getIdentity(request);
  const everywhere = form.get("scope") === "everywhere";
  if (everywhere && identity && identity.kind !== "portal_link") {
    const who =
      identity.kind === "contact" ? { contactId: identity.contactId } : { staffUserId: identity.staffUserId };
    await revokeSessionsOf(db(), who, clock().now());
  }
  const setCookie = await endSession(request, everywhere ? "signedOutEverywhere" : "signedOut");
  throw redirect("/", { status: 303, headers: { "Set-Cookie": setCookie } });
}

export async function loader() {
  return redirect("/");
}
