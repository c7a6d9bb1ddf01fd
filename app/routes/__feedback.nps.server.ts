/** What feedback.nps.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { findNpsPrevious, submitNps } from "~/domain/support/nps.server";
export { requireCustomer } from "~/lib/auth/guards.server";
export { readFormData } from "~/lib/forms.server";
export { clock, db } from "~/lib/services.server";
export { data } from "@remix-run/node";
