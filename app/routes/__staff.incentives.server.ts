/** What staff.incentives.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { IncentiveRuleSchema } from "~/domain/renewal/schemas.server";
export { isUuid, requireStaff } from "~/lib/auth/guards.server";
export { readFormData } from "~/lib/forms.server";
export { saveIncentiveRule } from "~/lib/renewal/incentive-rules.server";
export { db } from "~/lib/services.server";
export { listIncentiveRules } from "~/models/incentive-rules.server";
export { data } from "@remix-run/node";
