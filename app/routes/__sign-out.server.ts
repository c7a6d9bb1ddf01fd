/** What sign-out.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { endSession, getIdentity } from "~/lib/auth/session.server";
export { readFormData } from "~/lib/forms.server";
export { clock, db } from "~/lib/services.server";
export { revokeSessionsOf } from "~/models/sessions.server";
export { redirect } from "@remix-run/node";
