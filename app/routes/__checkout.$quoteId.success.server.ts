/** What checkout.$quoteId.success.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { NpsSchema } from "~/domain/payments/schemas.server";
export { notFound } from "~/lib/auth/guards.server";
export { readFormData } from "~/lib/forms.server";
export { errorFields, log } from "~/lib/log.server";
export { requireCheckoutAccess } from "~/lib/payments/access.server";
export { paymentProvider, publicBaseUrl } from "~/lib/payments/index.server";
export { applyProviderSession } from "~/lib/payments/settle.server";
export { clock, db } from "~/lib/services.server";
export { findConfirmation, findNpsForQuote, hasRefusedPayment, recordRenewalNps } from "~/models/payments.server";
export { data } from "@remix-run/node";
