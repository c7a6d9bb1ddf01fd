/** What renew.$contractId.not-renewing.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { nonRenewalAlternatives, optionsToSearchParams } from "~/domain/renewal/options.server";
export { NonRenewalSchema } from "~/domain/renewal/schemas.server";
export { notFound, parseIdOr404 } from "~/lib/auth/guards.server";
export { recordPortalLinkAction } from "~/lib/auth/portal-links.server";
export { readFormData } from "~/lib/forms.server";
export { actorOf, requireRenewalEditor } from "~/lib/renewal/access.server";
export { recordNonRenewal } from "~/lib/renewal/non-renewal.server";
export { loadRenewal, priceRenewal, type LoadedRenewal } from "~/lib/renewal/quotes.server";
export { clock, db } from "~/lib/services.server";
export { findNonRenewal } from "~/models/non-renewal.server";
export { data, redirect } from "@remix-run/node";
