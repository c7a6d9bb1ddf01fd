/** What staff.tickets._index.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { requireStaff } from "~/lib/auth/guards.server";
export { db } from "~/lib/services.server";
export { listTicketsForStaff, ticketScopeFor, type StaffTicketFilter } from "~/models/support.server";
