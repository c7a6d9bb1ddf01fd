/** What help.articles.$slug.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { extractToc } from "~/domain/help/markdown.server";
export { feedbackErrors, FeedbackSchema } from "~/domain/help/schemas.server";
export { readFormData } from "~/lib/forms.server";
export { getFixedT, getLocale } from "~/lib/i18n/i18n.server";
export { db } from "~/lib/services.server";
export { ensureVisitorId, hashVisitorId, readVisitorId } from "~/lib/visitor.server";
export {
  addFeedbackComment,
  countArticleView,
  findArticleForReader,
  findVisitorFeedback,
  listRelatedArticles,
  saveArticleFeedback,
  summariseFeedback,
} from "~/models/kb.server";
export { data } from "@remix-run/node";
export { parseKeywords } from "~/domain/help/categories";
export { shouldCountView } from "~/domain/help/views";
export { formatDate } from "~/lib/format";
