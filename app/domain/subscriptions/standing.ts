import { addDays, daysBetween } from "~/lib/dates";

import { incentiveSchedule, type IncentiveRule } from "../pricing";
import { GRACE_PERIOD_DAYS, renewalWindowDays } from "./policy";
import type { Badge, ContractStatus, EarlyRenewalStep, IsoDate, Segment } from "./types";

export interface ContractForStanding {
  termStart: IsoDate;
  termEnd: IsoDate;
  status: ContractStatus;
  segment: Segment;
}

export interface Standing {
  badge: Badge;
  /** Whole days from today to the end date: 0 on the last day, negative after it. */
  daysToEnd: number;
  /** The first day of the renewal window. */
  renewalOpensOn: IsoDate;
  /** The last day of the grace period. */
  graceEndsOn: IsoDate;
  /** False for a term that has not begun yet (an early renewal's successor). */
  started: boolean;
}

export function daysToEnd(termEnd: IsoDate, today: IsoDate): number {
  return daysBetween(today, termEnd);
}

/**
 * Where a contract stands today.
 *
 * The stored status wins when it is final (cancelled, renewed, ended); a
 * successor term also means "renewed", even before a job has updated the
 * status. An active contract is then placed by its dates: past the end date
 * it is in grace for GRACE_PERIOD_DAYS and ended after that; within the
 * renewal window (90 days, 120 for public sector) renewal is open.
 */
export function contractBadge(contract: ContractForStanding, today: IsoDate, hasSuccessor: boolean): Standing {
  const days = daysToEnd(contract.termEnd, today);
  const window = renewalWindowDays(contract.segment);
  return {
    badge: badgeFor(contract.status, days, window, hasSuccessor),
    daysToEnd: days,
    renewalOpensOn: addDays(contract.termEnd, -window),
    graceEndsOn: addDays(contract.termEnd, GRACE_PERIOD_DAYS),
    started: contract.termStart <= today,
  };
}

function badgeFor(status: ContractStatus, days: number, window: number, hasSuccessor: boolean): Badge {
  if (status === "cancelled") return "cancelled";
  if (status === "renewed" || hasSuccessor) return "renewed";
  if (status === "ended") return "ended";
  if (days < -GRACE_PERIOD_DAYS) return "ended";
  if (days < 0) return "in_grace";
  if (days <= window) return "renewal_open";
  return "active";
}

/**
 * The early-renewal step a contract has today, from the incentive rules (the
 * same rules and schedule the pricing engine prices with): the discount and
 * the last day it is offered. Bonus-only steps are not a percentage, so they
 * give none here.
 */
export function earlyRenewalStep(
  rules: readonly IncentiveRule[],
  contract: { termEnd: IsoDate; segment: Segment },
  today: IsoDate,
): EarlyRenewalStep {
  const [current] = incentiveSchedule(rules, contract.segment, contract.termEnd, today);
  const incentive = current?.incentive;
  if (!incentive || incentive.discountBps <= 0 || !current.until) return null;
  return { percent: incentive.discountBps / 100, until: current.until };
}
