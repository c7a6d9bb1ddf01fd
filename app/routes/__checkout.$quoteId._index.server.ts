/** What checkout.$quoteId._index.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { notFound } from "~/lib/auth/guards.server";
export { recordPortalLinkAction } from "~/lib/auth/portal-links.server";
export { getLocale } from "~/lib/i18n/i18n.server";
export { requireCheckoutAccess } from "~/lib/payments/access.server";
export { loadCheckout, startCheckout } from "~/lib/payments/checkout.server";
export { paymentProvider, publicBaseUrl } from "~/lib/payments/index.server";
export { clock, db } from "~/lib/services.server";
export { data, redirect } from "@remix-run/node";
