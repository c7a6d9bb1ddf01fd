/** What help._index.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { getFixedT, getLocale } from "~/lib/i18n/i18n.server";
export { db } from "~/lib/services.server";
export { listCategorySummaries, listPopularArticles } from "~/models/kb.server";
