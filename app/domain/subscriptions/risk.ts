import { coreActionsTrend, FALLING_DROP, LOW_UTILISATION } from "./adoption";
import { completeMonths } from "./months";
import type { Instant, IsoDate, Term, TicketFact, UsageMonth } from "./types";
import { instantDate, instantMs } from "./types";

export type RiskBand = "green" | "yellow" | "red" | "expansion";
export type RiskIndicatorId = "usageTrend" | "utilisation" | "adoptionDepth" | "supportTickets" | "nps";
export type RiskEffect = "positive" | "neutral" | "negative" | "unknown";

export interface RiskIndicator {
  id: RiskIndicatorId;
  effect: RiskEffect;
  /** Points the indicator adds (positive) or takes away (negative) from the score. */
  points: number;
  /** The measured value: a ratio for usage, a count for tickets, a score for NPS. */
  value: number | null;
}

export interface RiskInput {
  snapshots: readonly UsageMonth[];
  term: Term;
  seatsBought: number;
  /** How many features the plan offers (adoption depth is used over available). */
  featuresAvailable: number;
  /** The contract's support requests (any period; the term's are used). */
  tickets: readonly TicketFact[];
  /** NPS answers of the account's contacts, any order. */
  nps?: ReadonlyArray<{ score: number; at: Instant }>;
}

export interface RiskAssessment {
  band: RiskBand;
  score: number;
  indicators: RiskIndicator[];
  /** Why a green contract is "expansion": the growth signals seen. */
  growthSignals: Array<"seatsFull" | "seatGrowth">;
}

/*
 * Weights follow DESIGN.md "Domain notes": core-feature usage and overall
 * activity are the strongest predictors, so the usage trend weighs most;
 * utilisation and adoption depth next; support tickets are engagement (more
 * tickets went with more renewals), so only unresolved or badly rated
 * requests count against; NPS was a weak predictor and weighs least.
 */
const WEIGHT = { usageTrend: 3, utilisation: 2, adoptionDepth: 2, supportComplaint: 2, supportEngaged: 1, nps: 1 } as const;
const RISING = 0.1;
const HIGH_UTILISATION = 0.8;
const DEEP_ADOPTION = 0.8;
const SHALLOW_ADOPTION = 0.5;
/** An urgent or high-priority request still open after this long is a complaint. */
const UNRESOLVED_DAYS = 3;
/** A CSAT of this or less within the window below is a complaint. */
const POOR_CSAT = 2;
const RECENT_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * The renewal risk of a contract, with the indicators that made it. As
 * DESIGN.md defines the bands: red (at risk) when usage is low or falling, or
 * when several weaker signals add up (score -4 or less); yellow (needs
 * attention) when the score is below zero — a complaint, shallow adoption, a
 * poor NPS — or when there is no usage data to judge by; green otherwise; and
 * expansion when green and the team is outgrowing its seats.
 */
export function riskBand(input: RiskInput, today: IsoDate): RiskAssessment {
  const complete = completeMonths(input.snapshots, input.term, today);
  const last = complete[complete.length - 1];
  const indicators: RiskIndicator[] = [];

  const trend = coreActionsTrend(complete);
  const change = trend?.change ?? null;
  indicators.push(
    change === null
      ? { id: "usageTrend", effect: "unknown", points: 0, value: null }
      : change < -FALLING_DROP
        ? { id: "usageTrend", effect: "negative", points: -WEIGHT.usageTrend, value: change }
        : change >= RISING
          ? { id: "usageTrend", effect: "positive", points: WEIGHT.usageTrend, value: change }
          : { id: "usageTrend", effect: "neutral", points: 0, value: change },
  );

  const utilisation = last && input.seatsBought > 0 ? last.seatsActive / input.seatsBought : null;
  indicators.push(
    utilisation === null
      ? { id: "utilisation", effect: "unknown", points: 0, value: null }
      : utilisation < LOW_UTILISATION
        ? { id: "utilisation", effect: "negative", points: -WEIGHT.utilisation, value: utilisation }
        : utilisation >= HIGH_UTILISATION
          ? { id: "utilisation", effect: "positive", points: WEIGHT.utilisation, value: utilisation }
          : { id: "utilisation", effect: "neutral", points: 0, value: utilisation },
  );

  const depth =
    last && input.featuresAvailable > 0
      ? Object.values(last.featureUsage ?? {}).filter((uses) => uses > 0).length / input.featuresAvailable
      : null;
  indicators.push(
    depth === null
      ? { id: "adoptionDepth", effect: "unknown", points: 0, value: null }
      : depth < SHALLOW_ADOPTION
        ? { id: "adoptionDepth", effect: "negative", points: -WEIGHT.adoptionDepth, value: depth }
        : depth >= DEEP_ADOPTION
          ? { id: "adoptionDepth", effect: "positive", points: WEIGHT.adoptionDepth, value: depth }
          : { id: "adoptionDepth", effect: "neutral", points: 0, value: depth },
  );

  indicators.push(supportIndicator(input.tickets, input.term, today));
  indicators.push(npsIndicator(input.nps ?? []));

  const score = indicators.reduce((total, indicator) => total + indicator.points, 0);
  const effect = (id: RiskIndicatorId) => indicators.find((indicator) => indicator.id === id)!.effect;
  const noUsage = effect("usageTrend") === "unknown" && effect("utilisation") === "unknown";

  const growthSignals: RiskAssessment["growthSignals"] = [];
  if (utilisation !== null && utilisation >= 1) growthSignals.push("seatsFull");
  const first = complete[0];
  if (first && last && complete.length >= 2 && first.seatsActive > 0 && utilisation !== null && utilisation >= 0.9) {
    if ((last.seatsActive - first.seatsActive) / first.seatsActive >= 0.2) growthSignals.push("seatGrowth");
  }

  let band: RiskBand;
  const lowOrFalling = effect("usageTrend") === "negative" || effect("utilisation") === "negative";
  if (lowOrFalling || score <= -4) band = "red";
  else if (score < 0 || noUsage) band = "yellow";
  else band = growthSignals.length > 0 ? "expansion" : "green";

  return { band, score, indicators, growthSignals };
}

function supportIndicator(tickets: readonly TicketFact[], term: Term, today: IsoDate): RiskIndicator {
  const nowMs = instantMs(`${today}T23:59:59Z`);
  const inTerm = tickets.filter((t) => {
    const opened = instantDate(t.createdAt);
    return opened >= term.termStart && opened <= today;
  });
  const unresolvedComplaints = inTerm.filter(
    (t) =>
      t.resolvedAt === null &&
      (t.priority === "urgent" || t.priority === "high") &&
      nowMs - instantMs(t.createdAt) > UNRESOLVED_DAYS * DAY_MS,
  );
  const poorlyRated = inTerm.filter(
    (t) =>
      t.csat != null &&
      t.csat <= POOR_CSAT &&
      t.resolvedAt !== null &&
      nowMs - instantMs(t.resolvedAt) <= RECENT_DAYS * DAY_MS,
  );
  if (unresolvedComplaints.length + poorlyRated.length > 0) {
    return {
      id: "supportTickets",
      effect: "negative",
      points: -WEIGHT.supportComplaint,
      value: unresolvedComplaints.length + poorlyRated.length,
    };
  }
  if (inTerm.length > 0) return { id: "supportTickets", effect: "positive", points: WEIGHT.supportEngaged, value: inTerm.length };
  return { id: "supportTickets", effect: "neutral", points: 0, value: 0 };
}

function npsIndicator(answers: ReadonlyArray<{ score: number; at: Instant }>): RiskIndicator {
  const latest = [...answers].sort((a, b) => instantMs(b.at) - instantMs(a.at))[0];
  if (!latest) return { id: "nps", effect: "unknown", points: 0, value: null };
  if (latest.score <= 6) return { id: "nps", effect: "negative", points: -WEIGHT.nps, value: latest.score };
  if (latest.score >= 9) return { id: "nps", effect: "positive", points: WEIGHT.nps, value: latest.score };
  return { id: "nps", effect: "neutral", points: 0, value: latest.score };
}
