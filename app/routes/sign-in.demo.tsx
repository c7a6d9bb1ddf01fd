import type { ActionFunctionArgs } from "@remix-run/node";

import { safeRedirect } from "~/lib/safe-redirect";

import {
  db,
  demoSignInEnabled,
  findActiveContactByEmail,
  findActiveStaffByEmail,
  isDemoEmail,
  notFound,
  readFormData,
  redirect,
  startSession,
} from "./__sign-in.demo.server";

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
