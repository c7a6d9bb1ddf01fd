/** What renew.$contractId.quotes.$quoteId.share.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { ShareQuoteSchema } from "~/domain/renewal/schemas.server";
export { isUuid, notFound, parseIdOr404 } from "~/lib/auth/guards.server";
export { recordPortalLinkAction } from "~/lib/auth/portal-links.server";
export { readFormData } from "~/lib/forms.server";
export { getLocale } from "~/lib/i18n/i18n.server";
export { actorOf, requireRenewalEditor } from "~/lib/renewal/access.server";
export { revokeShare, shareQuote } from "~/lib/renewal/approvals.server";
export { clock, db } from "~/lib/services.server";
export { listQuoteShares } from "~/models/approvals.server";
export { findQuoteForAccount } from "~/models/quotes.server";
export { data } from "@remix-run/node";
