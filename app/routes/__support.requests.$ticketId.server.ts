/** What support.requests.$ticketId.tsx runs on the server, in one module (see app/root.server.ts for why). */
export { CsatSchema, TicketReplySchema } from "~/domain/support/schemas.server";
export { recordCsat, replyAsCustomer, type Requester } from "~/domain/support/tickets.server";
export { notFound, parseIdOr404, requireCustomer, type CustomerIdentity } from "~/lib/auth/guards.server";
export { appUrl } from "~/lib/auth/sign-in.server";
export { readFormData } from "~/lib/forms.server";
export { clock, db } from "~/lib/services.server";
export {
  findCsatForTicket,
  findTicketForAccount,
  listTicketAttachments,
  listTicketMessages,
} from "~/models/support.server";
export { data } from "@remix-run/node";
export { parseForm } from "~/lib/forms";
export { asksForSatisfaction, customerCanReply } from "~/domain/support/topics";
export { attachmentEntries, conversationEntries } from "~/lib/ticket-entries.server";
export { getLocale } from "~/lib/i18n/i18n.server";
export { formatDate } from "~/lib/format";
