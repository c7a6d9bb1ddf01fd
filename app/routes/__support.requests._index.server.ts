/** What support.requests._index.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { requireCustomer } from "~/lib/auth/guards.server";
export { db } from "~/lib/services.server";
export { listTicketsForAccount } from "~/models/support.server";
