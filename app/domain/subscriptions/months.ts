import { addDays, addMonths, endOfMonth, startOfMonth } from "~/lib/dates";

import type { IsoDate, Term, UsageMonth } from "./types";

/** The last day of the month that starts on `periodStart`. */
export function monthEnd(periodStart: IsoDate): IsoDate {
  return periodStart.endsWith("-01") ? endOfMonth(periodStart) : addDays(addMonths(periodStart, 1), -1);
}

/**
 * The term's snapshots up to today, oldest first. The month holding the term
 * start belongs to the term even when it starts mid-month.
 */
export function termMonths<T extends { periodStart: IsoDate }>(snapshots: readonly T[], term: Term, today: IsoDate): T[] {
  const first = startOfMonth(term.termStart);
  const last = [term.termEnd, today].sort()[0] as IsoDate;
  return snapshots
    .filter((s) => s.periodStart >= first && s.periodStart <= last)
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart));
}

/**
 * Whether a month's counts cover the whole month. Snapshots count only the
 * days the term covers up to today (db/seed/factories.ts, makeUsageHistory):
 * a term that starts or ends mid-month has a short first or last month, and
 * the current month is month-to-date. Comparing those with full months would
 * invent growth or a fall, so trends use complete months only: inside the
 * term and over before today.
 */
export function isCompleteMonth(periodStart: IsoDate, term: Term, today: IsoDate): boolean {
  const end = monthEnd(periodStart);
  return periodStart >= term.termStart && end <= term.termEnd && end < today;
}

export function completeMonths<T extends { periodStart: IsoDate }>(snapshots: readonly T[], term: Term, today: IsoDate): T[] {
  return termMonths(snapshots, term, today).filter((s) => isCompleteMonth(s.periodStart, term, today));
}

/** For charts: every month of the term so far, flagged when it is not complete. */
export function monthSeries(snapshots: readonly UsageMonth[], term: Term, today: IsoDate) {
  return termMonths(snapshots, term, today).map((s) => ({ ...s, partial: !isCompleteMonth(s.periodStart, term, today) }));
}
