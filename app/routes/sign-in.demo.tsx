import { redirect, type ActionFunctionArgs } from "@remix-run/node";

import { demoSignInEnabled, isDemoEmail } from "~/lib/auth/demo.server";
import { notFound } from "~/lib/auth/guards.server";
import { startSession } from "~/lib/auth/session.server";
import { readFormData } from "~/lib/forms.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { db } from "~/lib/services.server";
import { findActiveContactByEmail, findActiveStaffByEmail } from "~/models/people.server";

/** Development only: sign in as a seeded demo person without an email round trip. */
export async function action({ request }: ActionFunctionArgs) {
  if (!demoSignInEnabled()) notFound();
  const form = await readFormData(request);
  const email = String(form.get("email") ?? "").toLowerCase();
  if (!isDemoEmail(email)) notFound();
  const contact = await findActiveContactByEmail(db(), email);
  const staff = contact ? undefined : await findActiveStaffByEmail(db(), email);
  if (!contact && !staff) notFound();
  const setCookie = contact
    ? await startSession(request, { kind: "contact", contactId: contact.id, accountId: contact.accountId })
    : await startSession(request, { kind: "staff", staffUserId: staff!.id });
  const to = safeRedirect(form.get("redirectTo"), contact ? "/account" : "/staff");
  throw redirect(to, { status: 303, headers: { "Set-Cookie": setCookie } });
}

export async function loader() {
  return redirect("/sign-in");
}
