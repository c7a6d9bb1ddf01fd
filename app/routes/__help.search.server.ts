/** What help.search.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { searchHelpCentre } from "~/domain/help/search.server";
export { getFixedT, getLocale } from "~/lib/i18n/i18n.server";
export { clock, db } from "~/lib/services.server";
