import type { LoaderFunctionArgs } from "@remix-run/node";

import { attachmentResponse } from "~/lib/attachment-response.server";
import { notFound, parseIdOr404, requireStaff } from "~/lib/auth/guards.server";
import { db } from "~/lib/services.server";
import { findTicketAttachment, findTicketForStaff, ticketScopeFor } from "~/models/support.server";

/** A request's file for the staff who may see the request. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const ticketId = parseIdOr404(params.ticketId);
  const attachmentId = parseIdOr404(params.attachmentId);
  const ticket = await findTicketForStaff(db(), ticketScopeFor(staff), ticketId);
  if (!ticket) notFound();
  const file = await findTicketAttachment(db(), ticket.id, attachmentId);
  if (!file) notFound();
  return attachmentResponse(file);
}
