/** What checkout.demo.$sessionId.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { demoCardSchema } from "~/domain/payments/schemas.server";
export { notFound } from "~/lib/auth/guards.server";
export { readFormData } from "~/lib/forms.server";
export { requireDemoSessionAccess } from "~/lib/payments/access.server";
export { payDemoSession } from "~/lib/payments/demo-checkout.server";
export { paymentProvider, publicBaseUrl } from "~/lib/payments/index.server";
export { clock, db } from "~/lib/services.server";
export { findQuoteForAccount } from "~/models/quotes.server";
export { data, redirect } from "@remix-run/node";
// DEMO_CARDS reaches the page through the loader: the card list is then not a
// chunk of its own in the page's initial JavaScript (the schema loads it later).
export { DEMO_CARDS, demoCardOutcome } from "~/domain/payments/demo-cards";
export { todayIso } from "~/lib/dates";
export { parseForm } from "~/lib/forms";
