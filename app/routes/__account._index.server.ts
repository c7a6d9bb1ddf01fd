/** What account._index.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { accountHomeView } from "~/lib/account-home.server";
export { todayIso } from "~/lib/dates";
export { requireCustomer } from "~/lib/auth/guards.server";
export { clock, db } from "~/lib/services.server";
