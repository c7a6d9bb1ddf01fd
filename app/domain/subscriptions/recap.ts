import { completeMonths, termMonths } from "./months";
import type { ContractLineFact, IsoDate, Term, TicketFact, UsageMonth } from "./types";
import { instantDate, instantMs } from "./types";

/**
 * A milestone of the term, always "a number and the month it happened":
 * - recordsCrossed / loginsCrossed: the largest power of ten (from 1,000) the
 *   term's running total passed, and the month it did;
 * - bestMonth: the complete month with the most records processed;
 * - outgrewSeats: the first month more people were active than seats bought
 *   (value: the seats bought).
 * The words live in `contract:recap.milestones.<key>`.
 */
export interface RecapMilestone {
  key: "recordsCrossed" | "loginsCrossed" | "bestMonth" | "outgrewSeats";
  value: number;
  month: IsoDate;
}

export interface FeatureUse {
  feature: string;
  uses: number;
  /** Share of all feature uses in the term, 0–1. */
  share: number;
}

export interface SupportRecap {
  /** Requests opened during the term (up to today). */
  opened: number;
  resolved: number;
  stillOpen: number;
  /** Median hours from opening to resolution, over resolved requests. */
  medianHoursToResolve: number | null;
  /** Median hours from opening to the first answer, over answered requests. */
  medianHoursToFirstResponse: number | null;
}

/** "Your year with Customer365": numbers only; the words are in the locale catalogues. */
export interface ValueRecap {
  term: Term;
  asOf: IsoDate;
  hasData: boolean;
  /** Months of the term with a snapshot, and how many of them are complete. */
  monthsCovered: number;
  completeMonths: number;
  seatsBought: number;
  peakSeats: { seats: number; month: IsoDate } | null;
  /** First complete month against the last one; null with fewer than two. */
  seatGrowth: { fromMonth: IsoDate; from: number; toMonth: IsoDate; to: number; change: number; ratio: number | null } | null;
  /** Active seats over seats bought in the last complete month. */
  utilisation: { month: IsoDate; active: number; bought: number; ratio: number } | null;
  /** The mean of the complete months' utilisation. */
  averageUtilisation: number | null;
  totals: { logins: number; coreActions: number; recordsProcessed: number };
  topFeatures: FeatureUse[];
  support: SupportRecap;
  bestMonth: { month: IsoDate; recordsProcessed: number } | null;
  milestones: RecapMilestone[];
  /** Core actions per complete month against the previous term's; null without one. */
  previousTerm: { monthlyCoreActions: number; currentMonthlyCoreActions: number; change: number } | null;
}

export interface RecapOptions {
  /** The term before this one, for "compared with your previous term". */
  previous?: { snapshots: readonly UsageMonth[]; term: Term } | null;
}

const TOP_FEATURES = 3;
const HOUR_MS = 3_600_000;

/** Seats bought: the quantity of the plan line (add-ons do not add seats). */
export function seatsBoughtOf(lines: readonly ContractLineFact[]): number {
  return lines.filter((line) => line.kind === "plan").reduce((sum, line) => sum + line.quantity, 0);
}

/**
 * The value recap of a term up to `today`.
 *
 * Totals (logins, core actions, records) add up every month of the term,
 * partial months included: they are real counts. Peak seats looks at every
 * month too, since seats are a head count. Growth, utilisation, the best
 * month and the comparison with the previous term use complete months only
 * (see `isCompleteMonth`), so a short first month or the month-to-date do
 * not distort them.
 */
export function valueRecap(
  snapshots: readonly UsageMonth[],
  tickets: readonly TicketFact[],
  lines: readonly ContractLineFact[],
  term: Term,
  today: IsoDate,
  options: RecapOptions = {},
): ValueRecap {
  const months = termMonths(snapshots, term, today);
  const complete = completeMonths(snapshots, term, today);
  const seatsBought = seatsBoughtOf(lines);

  const totals = {
    logins: sum(months.map((m) => m.logins)),
    coreActions: sum(months.map((m) => m.coreActions)),
    recordsProcessed: sum(months.map((m) => m.recordsProcessed)),
  };

  const peak = maxBy(months, (m) => m.seatsActive);
  const first = complete[0];
  const last = complete[complete.length - 1];
  const seatGrowth =
    first && last && complete.length >= 2
      ? {
          fromMonth: first.periodStart,
          from: first.seatsActive,
          toMonth: last.periodStart,
          to: last.seatsActive,
          change: last.seatsActive - first.seatsActive,
          ratio: first.seatsActive > 0 ? (last.seatsActive - first.seatsActive) / first.seatsActive : null,
        }
      : null;
  const utilisation =
    last && seatsBought > 0
      ? { month: last.periodStart, active: last.seatsActive, bought: seatsBought, ratio: last.seatsActive / seatsBought }
      : null;
  const averageUtilisation =
    complete.length > 0 && seatsBought > 0 ? mean(complete.map((m) => m.seatsActive / seatsBought)) : null;

  const best = maxBy(complete, (m) => m.recordsProcessed);
  const bestMonth = best && best.recordsProcessed > 0 ? { month: best.periodStart, recordsProcessed: best.recordsProcessed } : null;

  const milestones: RecapMilestone[] = [];
  const records = crossed(months, (m) => m.recordsProcessed);
  if (records) milestones.push({ key: "recordsCrossed", ...records });
  if (bestMonth) milestones.push({ key: "bestMonth", value: bestMonth.recordsProcessed, month: bestMonth.month });
  const logins = crossed(months, (m) => m.logins);
  if (logins) milestones.push({ key: "loginsCrossed", ...logins });
  const outgrew = seatsBought > 0 ? months.find((m) => m.seatsActive > seatsBought) : undefined;
  if (outgrew) milestones.push({ key: "outgrewSeats", value: seatsBought, month: outgrew.periodStart });

  return {
    term: { termStart: term.termStart, termEnd: term.termEnd },
    asOf: today,
    hasData: months.length > 0,
    monthsCovered: months.length,
    completeMonths: complete.length,
    seatsBought,
    peakSeats: peak ? { seats: peak.seatsActive, month: peak.periodStart } : null,
    seatGrowth,
    utilisation,
    averageUtilisation,
    totals,
    topFeatures: topFeatures(months),
    support: supportRecap(tickets, term, today),
    bestMonth,
    milestones,
    previousTerm: comparePrevious(complete, options.previous ?? null, today),
  };
}

function topFeatures(months: readonly UsageMonth[]): FeatureUse[] {
  const uses = new Map<string, number>();
  for (const month of months) {
    for (const [feature, count] of Object.entries(month.featureUsage ?? {})) {
      if (Number.isFinite(count) && count > 0) uses.set(feature, (uses.get(feature) ?? 0) + count);
    }
  }
  const total = sum([...uses.values()]);
  return [...uses.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_FEATURES)
    .map(([feature, count]) => ({ feature, uses: count, share: count / total }));
}

/** Requests opened between the term start and today (or the term end, if earlier). */
export function supportRecap(tickets: readonly TicketFact[], term: Term, today: IsoDate): SupportRecap {
  const until = [term.termEnd, today].sort()[0] as IsoDate;
  const inTerm = tickets.filter((ticket) => {
    const opened = instantDate(ticket.createdAt);
    return opened >= term.termStart && opened <= until;
  });
  const resolved = inTerm.filter((ticket) => ticket.resolvedAt !== null);
  const hoursAfterOpening = (ticket: TicketFact, at: Date | string) =>
    (instantMs(at) - instantMs(ticket.createdAt)) / HOUR_MS;
  return {
    opened: inTerm.length,
    resolved: resolved.length,
    stillOpen: inTerm.length - resolved.length,
    medianHoursToResolve: roundTo(median(resolved.map((t) => hoursAfterOpening(t, t.resolvedAt!))), 1),
    medianHoursToFirstResponse: roundTo(
      median(inTerm.filter((t) => t.firstResponseAt !== null).map((t) => hoursAfterOpening(t, t.firstResponseAt!))),
      1,
    ),
  };
}

/** The largest power of ten (≥ 1,000) a running total reached, and the month it did. */
function crossed(months: readonly UsageMonth[], value: (m: UsageMonth) => number): { value: number; month: IsoDate } | null {
  const total = sum(months.map(value));
  if (total < 1000) return null;
  const threshold = 10 ** Math.floor(Math.log10(total));
  let running = 0;
  for (const month of months) {
    running += value(month);
    if (running >= threshold) return { value: threshold, month: month.periodStart };
  }
  return null;
}

function comparePrevious(
  complete: readonly UsageMonth[],
  previous: { snapshots: readonly UsageMonth[]; term: Term } | null,
  today: IsoDate,
): ValueRecap["previousTerm"] {
  if (!previous || complete.length === 0) return null;
  const before = completeMonths(previous.snapshots, previous.term, today);
  if (before.length === 0) return null;
  const monthlyCoreActions = mean(before.map((m) => m.coreActions));
  const currentMonthlyCoreActions = mean(complete.map((m) => m.coreActions));
  if (monthlyCoreActions <= 0) return null;
  return {
    monthlyCoreActions: Math.round(monthlyCoreActions),
    currentMonthlyCoreActions: Math.round(currentMonthlyCoreActions),
    change: currentMonthlyCoreActions / monthlyCoreActions - 1,
  };
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : sum(values) / values.length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function roundTo(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The first item with the largest value (earliest month on a tie). */
function maxBy<T>(items: readonly T[], value: (item: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || value(item) > value(best)) best = item;
  return best;
}
