/** What staff.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { requireStaff } from "~/lib/auth/guards.server";
