import { redirect, type ActionFunctionArgs } from "@remix-run/node";

import { readFormData } from "~/lib/forms.server";
import { isLocale } from "~/lib/i18n/config";
import { localeCookie } from "~/lib/i18n/i18n.server";
import { safeRedirect } from "~/lib/safe-redirect";

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
