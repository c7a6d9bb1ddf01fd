/**
 * Which incentive rules apply on a given day, and how the early-renewal
 * incentive changes from today to the end of the term.
 *
 * The lookup (the seed stores rules this way, db/seed/factories.ts):
 * 1. keep the active rules of one kind that are effective on the day
 *    (effective_from ≤ day ≤ effective_to, an open effective_to never ends);
 * 2. if any of them is for the account's segment, use only those; otherwise
 *    the default set (segment NULL). A segment's rules replace the default
 *    set as a whole, never window by window;
 * 3. pick the rule that fits: early renewal, the largest window whose
 *    min_days_before_end ≤ days left; multi-year, the rule for exactly the
 *    chosen term; save offer, the rule itself. Should admins leave two rules
 *    that fit equally, the more generous wins, then the lower id, so the
 *    result never depends on row order.
 */
import { addDays, daysBetween } from "~/lib/dates";

import type { AppliedIncentive, IncentiveRule, IncentiveStep, Segment } from "./types";

export function isEffectiveOn(rule: IncentiveRule, day: string): boolean {
  return rule.active && rule.effectiveFrom <= day && (rule.effectiveTo === null || day <= rule.effectiveTo);
}

/** Steps 1 and 2 of the lookup: the rule set of one kind for a segment on a day. */
export function rulesFor(
  rules: readonly IncentiveRule[],
  kind: IncentiveRule["kind"],
  segment: Segment,
  day: string,
): IncentiveRule[] {
  const effective = rules.filter((rule) => rule.kind === kind && isEffectiveOn(rule, day));
  const own = effective.filter((rule) => rule.segment === segment);
  return own.length > 0 ? own : effective.filter((rule) => rule.segment === null);
}

/** More generous first (discount, then bonus months, then a feature), then by id. */
function byGenerosity(a: IncentiveRule, b: IncentiveRule): number {
  return (
    b.discountBps - a.discountBps ||
    b.bonusMonths - a.bonusMonths ||
    Number(b.bonusFeature !== null) - Number(a.bonusFeature !== null) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function earlyRenewalRuleOn(
  rules: readonly IncentiveRule[],
  segment: Segment,
  termEnd: string,
  day: string,
): IncentiveRule | null {
  const daysLeft = daysBetween(day, termEnd);
  const fitting = rulesFor(rules, "early_renewal", segment, day).filter(
    (rule) => rule.minDaysBeforeEnd !== null && daysLeft >= rule.minDaysBeforeEnd,
  );
  fitting.sort(
    (a, b) => (b.minDaysBeforeEnd ?? 0) - (a.minDaysBeforeEnd ?? 0) || byGenerosity(a, b),
  );
  return fitting[0] ?? null;
}

export function multiYearRuleOn(
  rules: readonly IncentiveRule[],
  segment: Segment,
  termYears: number,
  day: string,
): IncentiveRule | null {
  const fitting = rulesFor(rules, "multi_year", segment, day).filter((rule) => rule.termYears === termYears);
  return fitting.sort(byGenerosity)[0] ?? null;
}

export function saveOfferRuleOn(rules: readonly IncentiveRule[], segment: Segment, day: string): IncentiveRule | null {
  return rulesFor(rules, "save_offer", segment, day).sort(byGenerosity)[0] ?? null;
}

export function toApplied(rule: IncentiveRule | null): AppliedIncentive | null {
  if (!rule) return null;
  return {
    ruleId: rule.id,
    minDaysBeforeEnd: rule.minDaysBeforeEnd ?? 0,
    discountBps: rule.discountBps,
    bonusMonths: rule.bonusMonths,
    bonusFeature: rule.bonusFeature,
  };
}

/** The early-renewal incentive for confirming on `day`. */
export function earlyRenewalIncentiveOn(
  rules: readonly IncentiveRule[],
  segment: Segment,
  termEnd: string,
  day: string,
): AppliedIncentive | null {
  return toApplied(earlyRenewalRuleOn(rules, segment, termEnd, day));
}

function sameOffer(a: AppliedIncentive | null, b: AppliedIncentive | null): boolean {
  if (a === null || b === null) return a === b;
  return a.discountBps === b.discountBps && a.bonusMonths === b.bonusMonths && a.bonusFeature === b.bonusFeature;
}

/**
 * How the early-renewal incentive changes from `today` to the term's end: the
 * countdown on the renewal page ("10 % until 30 Nov, then 7 %"). Consecutive
 * days that offer the same thing form one step. The incentive can only change
 * where a window closes (the day after termEnd − min_days) or a rule starts or
 * stops, so only those days are evaluated.
 */
export function incentiveSchedule(
  rules: readonly IncentiveRule[],
  segment: Segment,
  termEnd: string,
  today: string,
): IncentiveStep[] {
  const firstOpenDay = addDays(termEnd, 1);
  if (today > termEnd) return [{ from: today, until: null, incentive: null }];

  const changes = new Set<string>();
  for (const rule of rules) {
    if (rule.kind !== "early_renewal") continue;
    if (rule.minDaysBeforeEnd !== null) changes.add(addDays(termEnd, -rule.minDaysBeforeEnd + 1));
    changes.add(rule.effectiveFrom);
    if (rule.effectiveTo !== null) changes.add(addDays(rule.effectiveTo, 1));
  }
  const days = [...changes].filter((day) => day > today && day <= termEnd).sort();

  const steps: IncentiveStep[] = [];
  let current: IncentiveStep = { from: today, until: null, incentive: earlyRenewalIncentiveOn(rules, segment, termEnd, today) };
  for (const day of days) {
    const incentive = earlyRenewalIncentiveOn(rules, segment, termEnd, day);
    if (sameOffer(incentive, current.incentive)) continue;
    steps.push({ ...current, until: addDays(day, -1) });
    current = { from: day, until: null, incentive };
  }
  if (current.incentive === null) {
    steps.push(current);
  } else {
    // Early-renewal windows close at the end date at the latest.
    steps.push({ ...current, until: termEnd }, { from: firstOpenDay, until: null, incentive: null });
  }
  return steps;
}
