/** What staff.tickets.$ticketId.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { StaffReplySchema, StaffStatusSchema } from "~/domain/support/schemas.server";
export { changeTicketStatus, replyAsStaff } from "~/domain/support/tickets.server";
export { notFound, parseIdOr404, requireStaff } from "~/lib/auth/guards.server";
export { appUrl } from "~/lib/auth/sign-in.server";
export { readFormData } from "~/lib/forms.server";
export { clock, db } from "~/lib/services.server";
export {
  findCsatForTicket,
  findTicketForStaff,
  listTicketAttachments,
  listTicketMessages,
  ticketScopeFor,
} from "~/models/support.server";
export { data } from "@remix-run/node";
export { attachmentEntries, conversationEntries } from "~/lib/ticket-entries.server";
export { getLocale } from "~/lib/i18n/i18n.server";
