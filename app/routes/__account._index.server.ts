/** What account._index.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { buildAccountHome } from "~/domain/subscriptions";
export { todayIso } from "~/lib/dates";
export { requireCustomer } from "~/lib/auth/guards.server";
export { incentiveStepsFrom } from "~/lib/incentive-steps.server";
export { clock, db } from "~/lib/services.server";
export { loadAccountHome } from "~/models/contracts.server";
