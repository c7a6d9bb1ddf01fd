/**
 * NPS and CSAT arithmetic, pure. NPS = % promoters (9–10) − % detractors
 * (0–6), a whole number from −100 to 100; CSAT is the mean of 1–5 answers and
 * the share of 4s and 5s ("satisfied").
 */

/** A contact is asked for NPS at most once per this many days; a later answer inside it replaces the first. */
export const NPS_WINDOW_DAYS = 90;

export type NpsGroup = "promoter" | "passive" | "detractor";

export function npsGroup(score: number): NpsGroup {
  if (score >= 9) return "promoter";
  if (score >= 7) return "passive";
  return "detractor";
}

/** Answers per score, as a GROUP BY returns them. */
export type ScoreCounts = ReadonlyArray<{ score: number; count: number }>;

export interface NpsSummary {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100…100, or null without responses. */
  score: number | null;
}

export function summariseNps(counts: ScoreCounts): NpsSummary {
  const summary: NpsSummary = { responses: 0, promoters: 0, passives: 0, detractors: 0, score: null };
  for (const { score, count } of counts) {
    if (!Number.isInteger(score) || score < 0 || score > 10 || count <= 0) continue;
    summary.responses += count;
    const group = npsGroup(score);
    if (group === "promoter") summary.promoters += count;
    else if (group === "passive") summary.passives += count;
    else summary.detractors += count;
  }
  if (summary.responses > 0) {
    summary.score = Math.round(((summary.promoters - summary.detractors) / summary.responses) * 100);
  }
  return summary;
}

export interface CsatSummary {
  responses: number;
  /** Answers per score: index 0 holds the 1s, index 4 the 5s. */
  distribution: [number, number, number, number, number];
  /** Mean score (1–5) to one decimal, or null. */
  average: number | null;
  /** Share of 4s and 5s, 0–1, or null. */
  satisfied: number | null;
}

export function summariseCsat(counts: ScoreCounts): CsatSummary {
  const distribution: CsatSummary["distribution"] = [0, 0, 0, 0, 0];
  let total = 0;
  let responses = 0;
  for (const { score, count } of counts) {
    if (!Number.isInteger(score) || score < 1 || score > 5 || count <= 0) continue;
    distribution[score - 1]! += count;
    total += score * count;
    responses += count;
  }
  return {
    responses,
    distribution,
    average: responses ? Math.round((total / responses) * 10) / 10 : null,
    satisfied: responses ? (distribution[3] + distribution[4]) / responses : null,
  };
}

/** What the NPS form shows about an earlier answer in the current window. */
export interface NpsPrevious {
  score: number;
  comment: string | null;
  /** ISO date of the answer. */
  answeredOn: string;
  /** ISO date until which a new answer replaces this one. */
  replaceableUntil: string;
}

/** What an action handling the NPS form answers (see app/components/nps-form.tsx). */
export type NpsActionData =
  | { intent: "nps"; ok: true; score: number; replaced: boolean }
  | { intent: "nps"; ok: false; errors: Record<string, string> };
