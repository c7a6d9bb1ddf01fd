/** What staff.portal-links.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { PortalLinkSchema } from "~/domain/auth/schemas.server";
export { isUuid, requireStaff } from "~/lib/auth/guards.server";
export { createRenewalLink } from "~/lib/auth/portal-links.server";
export { readFormData } from "~/lib/forms.server";
export { clock, db } from "~/lib/services.server";
export { recordAudit } from "~/models/audit.server";
export { listPortalLinks, revokePortalLink } from "~/models/portal-links.server";
export { findAccountForPortalLink, searchAccounts } from "~/models/staff-accounts.server";
