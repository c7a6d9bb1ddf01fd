/** What language.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { readFormData } from "~/lib/forms.server";
export { localeCookie } from "~/lib/i18n/i18n.server";
export { redirect } from "@remix-run/node";
