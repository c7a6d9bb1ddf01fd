/** What renew.$contractId.quotes.$quoteId._index.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { ConfirmQuoteSchema } from "~/domain/renewal/schemas.server";
export { notFound, parseIdOr404 } from "~/lib/auth/guards.server";
export { recordPortalLinkAction } from "~/lib/auth/portal-links.server";
export { readFormData } from "~/lib/forms.server";
export { actorOf, requireQuoteAccess, requireRenewalEditor } from "~/lib/renewal/access.server";
export { confirmRenewalQuote, priceFresh, saveRenewalQuote } from "~/lib/renewal/quotes.server";
export { clock, db } from "~/lib/services.server";
export { findDecision } from "~/models/approvals.server";
export { findQuoteForAccount } from "~/models/quotes.server";
export { latestQuoteVersion } from "~/models/renewal-quotes.server";
export { data, redirect } from "@remix-run/node";
export { todayIso } from "~/lib/dates";
export { parseForm } from "~/lib/forms";
export { breakdownView } from "~/lib/renewal/breakdown.server";
export { getLocale } from "~/lib/i18n/i18n.server";
