/** What faq.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { loadFaq } from "~/domain/help/faq.server";
export { getFixedT, getLocale } from "~/lib/i18n/i18n.server";
export { db } from "~/lib/services.server";
export { findArticleTitles } from "~/models/kb.server";
