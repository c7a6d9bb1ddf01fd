/**
 * The incentive countdown on the renewal page: from the engine's schedule, the
 * one sentence a customer needs ("Confirm by 30 November 2026 to keep 10%
 * off; from 1 December it is 7%") and the full list of steps. Dates stay ISO
 * here; the page formats them for the reader.
 */
import type { AppliedIncentive, IncentiveStep } from "../pricing";

export interface IncentiveOffer {
  /** Discount as a percentage (bps / 100); 0 when the incentive is only a bonus. */
  percent: number;
  bonusMonths: number;
  bonusFeature: string | null;
}

export interface CountdownStep {
  from: string;
  /** Last day (inclusive); null for the open-ended last step. */
  until: string | null;
  offer: IncentiveOffer | null;
}

export interface Countdown {
  /** Today's incentive and the last day it is offered; null when none applies today. */
  current: { offer: IncentiveOffer; until: string } | null;
  /** The next change after today: when, and what it becomes (null offer: nothing). */
  next: { from: string; offer: IncentiveOffer | null } | null;
  steps: CountdownStep[];
}

export function offerOf(incentive: AppliedIncentive | null): IncentiveOffer | null {
  if (!incentive) return null;
  return { percent: incentive.discountBps / 100, bonusMonths: incentive.bonusMonths, bonusFeature: incentive.bonusFeature };
}

export function incentiveCountdown(schedule: readonly IncentiveStep[]): Countdown {
  const steps = schedule.map((step) => ({ from: step.from, until: step.until, offer: offerOf(step.incentive) }));
  const [first, second] = steps;
  const current = first?.offer && first.until ? { offer: first.offer, until: first.until } : null;
  const next = current && second ? { from: second.from, offer: second.offer } : null;
  // Past steps never appear (the schedule starts today); a trailing "none" step is kept so the list says when it ends.
  return { current, next, steps };
}
