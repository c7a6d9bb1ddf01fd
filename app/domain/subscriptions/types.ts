/**
 * The shapes the subscription domain reads. They are structural (no Kysely
 * types): app/models/contracts.server.ts returns them, the unit tests build
 * them by hand, and the staff pipeline can feed the same functions later.
 *
 * Dates are ISO calendar dates (YYYY-MM-DD). Instants (ticket times) may be a
 * Date (pg / PGlite rows) or an ISO string (JSON aggregates); the domain only
 * reads them through `instantMs`.
 */
export type IsoDate = string;
export type Instant = Date | string;

export type ContractStatus = "active" | "renewed" | "ended" | "cancelled";
export type Segment = "smb" | "mid_market" | "enterprise" | "public_sector";

/** What the customer sees on a contract, derived from its status and dates. */
export type Badge = "active" | "renewal_open" | "in_grace" | "renewed" | "ended" | "cancelled";
export const BADGES: readonly Badge[] = ["active", "renewal_open", "in_grace", "renewed", "ended", "cancelled"];

export interface Term {
  termStart: IsoDate;
  /** The last day of the term (inclusive). */
  termEnd: IsoDate;
}

/** One month of usage (period_start is always the 1st). */
export interface UsageMonth {
  periodStart: IsoDate;
  seatsActive: number;
  logins: number;
  coreActions: number;
  recordsProcessed: number;
  /** Uses per feature code in the month. */
  featureUsage: Record<string, number>;
}

export type TicketStatus = "open" | "pending" | "resolved" | "closed";
export type TicketPriority = "low" | "normal" | "high" | "urgent";

export interface TicketFact {
  createdAt: Instant;
  firstResponseAt: Instant | null;
  resolvedAt: Instant | null;
  status: TicketStatus;
  priority: TicketPriority;
  /** The CSAT (1–5) the contact gave after resolution, when they did. */
  csat?: number | null;
}

export interface ContractLineFact {
  productCode: string;
  kind: "plan" | "addon";
  pricingModel: "per_seat" | "flat";
  quantity: number;
  /** Per year, in minor units of the contract's currency. */
  unitAmount: number;
}

/**
 * The current early-renewal step for a contract: the discount a renewal
 * confirmed today gets, and the last day it still applies. The pricing
 * engine's incentive schedule gives it (`earlyRenewalStep` in standing.ts),
 * so the account home promises exactly what the renewal page charges.
 */
export type EarlyRenewalStep = { percent: number; until: IsoDate } | null;

export function instantMs(value: Instant): number {
  return value instanceof Date ? value.getTime() : Date.parse(value);
}

/** The UTC calendar date of an instant. */
export function instantDate(value: Instant): IsoDate {
  return new Date(instantMs(value)).toISOString().slice(0, 10);
}
