/** What approve.$token.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { ApprovalDecisionSchema } from "~/domain/renewal/schemas.server";
export { openApprovalLink } from "~/lib/auth/portal-links.server";
export { readFormData } from "~/lib/forms.server";
export { decideOnQuote, readApprovalLink } from "~/lib/renewal/approvals.server";
export { clock } from "~/lib/services.server";
export { data, redirect } from "@remix-run/node";
export { parseForm } from "~/lib/forms";
export { breakdownView } from "~/lib/renewal/breakdown.server";
export { getLocale } from "~/lib/i18n/i18n.server";
