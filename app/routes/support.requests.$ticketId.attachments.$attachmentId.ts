import type { LoaderFunctionArgs } from "@remix-run/node";

import { attachmentResponse } from "~/lib/attachment-response.server";
import { notFound, parseIdOr404, requireCustomer } from "~/lib/auth/guards.server";
import { db } from "~/lib/services.server";
import { findTicketAttachment, findTicketForAccount } from "~/models/support.server";

/** A file of one of the account's requests; another account's gets 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const customer = await requireCustomer(request);
  const ticketId = parseIdOr404(params.ticketId);
  const attachmentId = parseIdOr404(params.attachmentId);
  const ticket = await findTicketForAccount(db(), customer.accountId, ticketId);
  if (!ticket) notFound();
  const file = await findTicketAttachment(db(), ticket.id, attachmentId);
  if (!file) notFound();
  return attachmentResponse(file);
}
