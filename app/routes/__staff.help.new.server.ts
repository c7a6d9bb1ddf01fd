/** What staff.help.new.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { previewArticle, saveArticleVersion } from "~/domain/help/editor.server";
export { requireStaff } from "~/lib/auth/guards.server";
export { readFormData } from "~/lib/forms.server";
export { clock, db } from "~/lib/services.server";
export { data, redirect } from "@remix-run/node";
