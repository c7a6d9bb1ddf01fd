/** What help.categories.$category.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { getFixedT, getLocale } from "~/lib/i18n/i18n.server";
export { db } from "~/lib/services.server";
export { listArticlesInCategory } from "~/models/kb.server";
