/** What renew.$contractId._index.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { fieldForPath, readOptions } from "~/domain/renewal/options.server";
export { notFound, parseIdOr404 } from "~/lib/auth/guards.server";
export { recordPortalLinkAction } from "~/lib/auth/portal-links.server";
export { readFormData } from "~/lib/forms.server";
export { actorOf, requireRenewalEditor } from "~/lib/renewal/access.server";
export { loadRenewal, priceRenewal, saveRenewalQuote, type LoadedRenewal } from "~/lib/renewal/quotes.server";
export { clock, db } from "~/lib/services.server";
export { findRenewalPage } from "~/models/renewal-page.server";
export { data, redirect } from "@remix-run/node";
export { daysBetween, todayIso } from "~/lib/dates";
export { breakdownView } from "~/lib/renewal/breakdown.server";
export { getLocale } from "~/lib/i18n/i18n.server";
export type { Locale } from "~/lib/i18n/config";
export { countdownText, type CountdownText } from "~/lib/renewal/countdown-text.server";
export { incentiveCountdown } from "~/domain/renewal/countdown";
