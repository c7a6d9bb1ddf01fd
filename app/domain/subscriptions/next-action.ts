import { addDays } from "~/lib/dates";

import type { Standing } from "./standing";
import type { EarlyRenewalStep, Instant, IsoDate, Term } from "./types";
import { instantDate } from "./types";

/** Where the action leads: the renewal page, the contract page, support, or nowhere. */
export type NextActionKind = "renew" | "view" | "contact" | "none";
export type NextActionTone = "urgent" | "attention" | "info" | "success" | "neutral";

/** Keys under `account:nextAction.*`; each takes the params named in its comment. */
export type NextActionKey =
  | "renewKeepDiscount" // date, percent
  | "renewBeforeEnd" // date
  | "renewInGrace" // date
  | "renewedUntil" // date
  | "renewed" // –
  | "startsOn" // date
  | "autoRenews" // date
  | "renewalOpens" // date
  | "endedOn" // date
  | "cancelledOn"; // date

export interface NextAction {
  kind: NextActionKind;
  key: NextActionKey;
  /** `date` is an ISO date, formatted for the reader's locale at render time. */
  params: { date?: IsoDate; percent?: number };
  tone: NextActionTone;
}

export interface NextActionInput {
  contract: Term & { autoRenew: boolean; cancelledAt?: Instant | null };
  standing: Standing;
  /** The term that follows this one, when it has been renewed. */
  successor: Term | null;
  /** The early-renewal step available today, from the pricing engine. */
  incentive: EarlyRenewalStep;
}

/**
 * What the customer should do next about a contract, and why.
 *
 * Saving money beats everything while the contract can still be renewed: an
 * open early-renewal step is shown even before the renewal window opens
 * (public sector customers get 10% from 120 days out). In grace the only
 * message is the deadline. Auto-renewing contracts without a discount to
 * chase just say when they renew.
 */
export function nextAction({ contract, standing, successor, incentive }: NextActionInput): NextAction {
  switch (standing.badge) {
    case "cancelled":
      return {
        kind: "none",
        key: "cancelledOn",
        params: { date: contract.cancelledAt ? instantDate(contract.cancelledAt) : contract.termEnd },
        tone: "neutral",
      };
    case "renewed":
      return successor
        ? { kind: "view", key: "renewedUntil", params: { date: successor.termEnd }, tone: "success" }
        : { kind: "view", key: "renewed", params: {}, tone: "success" };
    case "ended":
      return { kind: "contact", key: "endedOn", params: { date: contract.termEnd }, tone: "neutral" };
    case "in_grace":
      return { kind: "renew", key: "renewInGrace", params: { date: standing.graceEndsOn }, tone: "urgent" };
    case "renewal_open":
    case "active":
      break;
  }
  if (!standing.started) {
    return { kind: "view", key: "startsOn", params: { date: contract.termStart }, tone: "info" };
  }
  if (incentive && incentive.percent > 0) {
    return {
      kind: "renew",
      key: "renewKeepDiscount",
      params: { date: incentive.until, percent: incentive.percent },
      tone: standing.badge === "renewal_open" ? "attention" : "info",
    };
  }
  if (contract.autoRenew) {
    return { kind: "view", key: "autoRenews", params: { date: addDays(contract.termEnd, 1) }, tone: "info" };
  }
  if (standing.badge === "renewal_open") {
    return { kind: "renew", key: "renewBeforeEnd", params: { date: contract.termEnd }, tone: "attention" };
  }
  return { kind: "view", key: "renewalOpens", params: { date: standing.renewalOpensOn }, tone: "neutral" };
}
