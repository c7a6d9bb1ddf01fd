/** What staff.help.insights.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { requireStaff } from "~/lib/auth/guards.server";
export { clock, db } from "~/lib/services.server";
export {
  listArticleHelpfulness,
  listFailedSearches,
  listRecentArticleComments,
  summariseDeflection,
} from "~/models/kb-editor.server";
