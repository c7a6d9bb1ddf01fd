import type { TicketStatus, TicketTopic } from "../../../db/schema";

/** The topics a request can be about, in the order the form offers them. */
export const TICKET_TOPICS = ["billing", "renewal", "technical", "account", "training", "other"] as const satisfies readonly TicketTopic[];

export const TICKET_STATUSES = ["open", "pending", "resolved", "closed"] as const satisfies readonly TicketStatus[];

export function isTicketTopic(value: unknown): value is TicketTopic {
  return typeof value === "string" && (TICKET_TOPICS as readonly string[]).includes(value);
}

export function isTicketStatus(value: unknown): value is TicketStatus {
  return typeof value === "string" && (TICKET_STATUSES as readonly string[]).includes(value);
}

/** A customer can answer while a request is not closed; answering a resolved one reopens it. */
export function customerCanReply(status: TicketStatus): boolean {
  return status !== "closed";
}

/** Satisfaction is asked once the request is answered. */
export function asksForSatisfaction(status: TicketStatus): boolean {
  return status === "resolved" || status === "closed";
}

/** The status a ticket takes when the customer writes: the ball is in our court again. */
export function statusAfterCustomerReply(status: TicketStatus): TicketStatus {
  return status === "closed" ? "closed" : "open";
}

/**
 * resolved_at follows the status: set when a ticket is resolved (or closed
 * without having been resolved), kept when a resolved ticket is closed,
 * cleared when it is reopened.
 */
export function resolvedAtAfter(next: TicketStatus, current: { resolvedAt: Date | null }, now: Date): Date | null {
  if (next === "resolved") return current.resolvedAt ?? now;
  if (next === "closed") return current.resolvedAt ?? now;
  return null;
}
