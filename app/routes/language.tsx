import type { ActionFunctionArgs } from "@remix-run/node";

import { isLocale } from "~/lib/i18n/config";
import { safeRedirect } from "~/lib/safe-redirect";

import { localeCookie, readFormData, redirect } from "./__language.server";

/** The language switcher posts here: remember the choice, go back. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const lng = form.get("lng");
  const to = safeRedirect(form.get("redirectTo"), "/");
  if (!isLocale(lng)) return redirect(to, 303);
  return redirect(to, { status: 303, headers: { "Set-Cookie": await localeCookie.serialize(lng) } });
}

export async function loader() {
  return redirect("/", 303);
}
