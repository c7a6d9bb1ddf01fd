/** What approve.$token.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { ApprovalDecisionSchema } from "~/domain/renewal/schemas.server";
export { openApprovalLink } from "~/lib/auth/portal-links.server";
export { readFormData } from "~/lib/forms.server";
export { decideOnQuote, readApprovalLink } from "~/lib/renewal/approvals.server";
export { clock } from "~/lib/services.server";
export { data, redirect } from "@remix-run/node";
export { parseForm } from "~/lib/forms";
