/** What staff.help.articles.$slug.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { previewArticle, saveArticleVersion, setVersionPublished } from "~/domain/help/editor.server";
export { notFound, requireStaff } from "~/lib/auth/guards.server";
export { readFormData } from "~/lib/forms.server";
export { clock, db } from "~/lib/services.server";
export { findArticleVersions } from "~/models/kb-editor.server";
export { data, redirect } from "@remix-run/node";
