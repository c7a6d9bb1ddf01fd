/** What support._index.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { getIdentity } from "~/lib/auth/session.server";
export { clock, db } from "~/lib/services.server";
export { listTicketsForAccount } from "~/models/support.server";
