import { completeMonths } from "./months";
import type { IsoDate, Term, UsageMonth } from "./types";

/** What adoption reads of a month (the account home only loads these columns). */
export type AdoptionMonth = Pick<UsageMonth, "periodStart" | "seatsActive" | "coreActions">;

/** Utilisation (active seats over seats bought) below this is "low". */
export const LOW_UTILISATION = 0.5;
/** Core actions down by more than this over the last three complete months is "falling". */
export const FALLING_DROP = 0.15;
const TREND_MONTHS = 3;

/** Help-centre articles the adoption help may point to (content/kb/<lng>/<slug>.md). */
export const ADOPTION_ARTICLES = [
  "first-week-checklist",
  "inviting-colleagues-and-contact-roles",
  "reading-your-usage-charts",
  "requesting-a-training-session",
] as const;
export type AdoptionArticle = (typeof ADOPTION_ARTICLES)[number];

const ARTICLES_FOR: Record<AdoptionReason, readonly AdoptionArticle[]> = {
  // Few people use it: get the rest of the team in and started.
  low: ["inviting-colleagues-and-contact-roles", "first-week-checklist", "reading-your-usage-charts"],
  // People stopped using it: find where, then retrain.
  falling: ["reading-your-usage-charts", "requesting-a-training-session", "first-week-checklist"],
};

export type AdoptionReason = "low" | "falling";
/** `unknown`: no complete month yet, so nothing can be said. */
export type AdoptionLevel = AdoptionReason | "healthy" | "unknown";

export interface UsageTrend {
  fromMonth: IsoDate;
  toMonth: IsoDate;
  from: number;
  to: number;
  /** Relative change, e.g. -0.2 for a 20% fall; null when `from` is 0. */
  change: number | null;
}

export interface AdoptionSignals {
  /** The main signal: low before falling (both may hold; see `reasons`). */
  level: AdoptionLevel;
  reasons: AdoptionReason[];
  /** Active seats over seats bought in the last complete month, and that month. */
  utilisation: number | null;
  utilisationMonth: IsoDate | null;
  /** Core actions over the last three complete months. */
  trend: UsageTrend | null;
  /** Article slugs to suggest, most useful first, no repeats. */
  articles: AdoptionArticle[];
  suggestTraining: boolean;
}

/** Core actions from the first to the last of the last `TREND_MONTHS` complete months. */
export function coreActionsTrend(complete: readonly AdoptionMonth[]): UsageTrend | null {
  if (complete.length < TREND_MONTHS) return null;
  const window = complete.slice(-TREND_MONTHS);
  const first = window[0]!;
  const last = window[window.length - 1]!;
  return {
    fromMonth: first.periodStart,
    toMonth: last.periodStart,
    from: first.coreActions,
    to: last.coreActions,
    change: first.coreActions > 0 ? (last.coreActions - first.coreActions) / first.coreActions : null,
  };
}

/**
 * Is the team using what it bought? Low: fewer than half the seats active in
 * the last complete month. Falling: core actions (the product's main work,
 * the strongest renewal predictor) more than 15% lower at the end of the last
 * three complete months than at their start. Only complete months count, so
 * the month-to-date never reads as a fall (see `isCompleteMonth`); this is
 * why the term and today are required.
 */
export function adoptionSignals(
  snapshots: readonly AdoptionMonth[],
  seatsBought: number,
  period: Term & { today: IsoDate },
): AdoptionSignals {
  const complete = completeMonths(snapshots, period, period.today);
  const last = complete[complete.length - 1];
  const utilisation = last && seatsBought > 0 ? last.seatsActive / seatsBought : null;
  const trend = coreActionsTrend(complete);

  const reasons: AdoptionReason[] = [];
  if (utilisation !== null && utilisation < LOW_UTILISATION) reasons.push("low");
  if (trend?.change != null && trend.change < -FALLING_DROP) reasons.push("falling");

  const articles = [...new Set(reasons.flatMap((reason) => ARTICLES_FOR[reason]))];
  const level: AdoptionLevel = reasons[0] ?? (last ? "healthy" : "unknown");
  return {
    level,
    reasons,
    utilisation,
    utilisationMonth: last?.periodStart ?? null,
    trend,
    articles,
    suggestTraining: reasons.length > 0,
  };
}
