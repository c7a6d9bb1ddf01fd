/** What checkout.$quoteId.cancel.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { notFound } from "~/lib/auth/guards.server";
export { requireCheckoutAccess } from "~/lib/payments/access.server";
export { clock, db } from "~/lib/services.server";
export { findConfirmation } from "~/models/payments.server";
export { data } from "@remix-run/node";
