/**
 * The pricing engine's vocabulary. Everything here is plain data: the engine
 * never reads the database or the clock, so the same inputs always give the
 * same quote (docs/pricing.md explains the rules).
 *
 * Money is integer minor units of `currency` (ISO 4217 digits); dates are ISO
 * calendar dates (YYYY-MM-DD). Rates are basis points (1000 = 10 %), as the
 * incentive_rules table stores them.
 */
import type { Segment } from "../../../db/schema";

export type { Segment };

/** Term lengths a customer can choose (issue 5: 1, 2 or 3 years). */
export const OFFERED_TERM_YEARS = [1, 2, 3] as const;
export type TermYears = (typeof OFFERED_TERM_YEARS)[number];

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

export interface CatalogueProduct {
  id: string;
  code: string;
  kind: "plan" | "addon";
  /** Plans only: 1 Starter, 2 Professional, 3 Enterprise. Higher is an upgrade. */
  tier: number | null;
  /** per_seat: quantity is seats; flat: quantity is units (a sandbox, a terabyte). */
  pricingModel: "per_seat" | "flat";
  minQuantity: number;
  maxQuantity: number;
  /** List price per unit per year in the catalogue's currency; null: not sold in it. */
  unitAmount: number | null;
}

/** The active products, priced in one currency (the quote's). */
export interface Catalogue {
  currency: string;
  /** In display order: plans by tier, then add-ons (the order quote lines follow). */
  products: readonly CatalogueProduct[];
}

/** One row of incentive_rules, as the engine needs it. */
export interface IncentiveRule {
  id: string;
  kind: "early_renewal" | "multi_year" | "save_offer";
  /** null: the default set, used when the segment has no rules of this kind. */
  segment: Segment | null;
  /** early_renewal only: applies when at least this many days remain. */
  minDaysBeforeEnd: number | null;
  /** multi_year only: the term length it rewards. */
  termYears: number | null;
  discountBps: number;
  bonusMonths: number;
  bonusFeature: string | null;
  effectiveFrom: string;
  /** Last day the rule applies (inclusive); null: open-ended. */
  effectiveTo: string | null;
  active: boolean;
}

export interface CurrentLine {
  code: string;
  quantity: number;
  /** What the customer pays now, per unit per year (may be a negotiated price). */
  unitAmount: number;
}

/** What is being renewed: the current term of one contract. */
export interface RenewalContext {
  currency: string;
  /** Last day of the current term (inclusive). */
  termEnd: string;
  segment: Segment;
  /** The current plan; quantity is seats. */
  plan: CurrentLine;
  addOns: readonly CurrentLine[];
  /** Active seats in the latest usage snapshot; null when there is no usage data. */
  seatsInUse: number | null;
  /** The save offer is once per contract: true when it was already taken. */
  saveOfferUsed?: boolean;
}

export interface AddOnChoice {
  code: string;
  /**
   * Flat add-ons: how many units (sandboxes, terabytes); 1 when left out.
   * Per-seat add-ons always cover the plan's seats (help centre: "per-seat
   * add-ons follow the same seat count"), so a quantity sent for one is ignored.
   */
  quantity?: number;
}

/** What the customer chose. Never prices: the engine prices from the catalogue. */
export interface QuoteOptions {
  termYears: TermYears;
  planCode: string;
  seats: number;
  addOns: readonly AddOnChoice[];
  /** Only on the "I don't plan to renew" path, and only for a 1-year renewal. */
  saveOffer?: boolean;
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

export interface ProductLineDetail {
  pricingModel: "per_seat" | "flat";
  tier: number | null;
  /** The line covers every year of the term: amount = unitAmount × quantity × termYears. */
  termYears: number;
  /** unitAmount × quantity: what one year of this line costs. */
  annualAmount: number;
  /** The same product on the current term, for "was / now" (null: new on this renewal). */
  previousQuantity: number | null;
  previousUnitAmount: number | null;
}

export interface DiscountLineDetail {
  /** Rate as a percentage for display (bps / 100, e.g. 7.5). */
  percent: number;
  bps: number;
  /** The amount the rate was applied to (the subtotal, or what remained). */
  base: number;
  ruleId: string;
  /** multi_year: the term it rewards. */
  termYears?: number;
  /** early_renewal: days from the pricing date to the term end, and the window's threshold. */
  days?: number;
  minDaysBeforeEnd?: number;
}

export interface BonusLineDetail {
  months: number;
  feature: string | null;
  ruleId: string;
  source: IncentiveRule["kind"];
}

export type PricedLine =
  | {
      kind: "product";
      /** The product code (starter, analytics, …): catalog:products.<code>.name labels it. */
      code: string;
      productId: string;
      quantity: number;
      /** List price per unit per year. */
      unitAmount: number;
      amount: number;
      detail: ProductLineDetail;
    }
  | {
      kind: "discount";
      code: "multi_year" | "early_renewal" | "save_offer";
      productId: null;
      quantity: 1;
      /** Equal to amount: a discount is one negative line. */
      unitAmount: number;
      /** Zero or negative. */
      amount: number;
      detail: DiscountLineDetail;
    }
  | {
      kind: "bonus";
      code: "early_renewal_bonus" | "multi_year_bonus" | "save_offer_bonus";
      productId: null;
      /** Bonus months (0 when the bonus is only a feature). */
      quantity: number;
      unitAmount: 0;
      amount: 0;
      detail: BonusLineDetail;
    };

/** The early-renewal incentive a rule gives on some day. */
export interface AppliedIncentive {
  ruleId: string;
  minDaysBeforeEnd: number;
  discountBps: number;
  bonusMonths: number;
  bonusFeature: string | null;
}

/**
 * One stretch of days with the same early-renewal incentive. The schedule
 * starts on the pricing date; `until` is the last day (inclusive), null for
 * the open-ended stretch after the term's end.
 */
export interface IncentiveStep {
  from: string;
  until: string | null;
  incentive: AppliedIncentive | null;
}

/**
 * An i18n key in the `pricing` namespace with its interpolation values, e.g.
 * `t("pricing:" + message.code, message.values)`. Date values are ISO dates:
 * format them for the reader before interpolating.
 */
export interface PricingMessage {
  code: string;
  values?: Record<string, string | number>;
}

export interface PricingError extends PricingMessage {
  /** The option at fault: termYears, planCode, seats, addOns.<code>, saveOffer, or contract. */
  field: string;
}

/** Policy terms: early ≥ 30 days before the end, on time in the last 30 days, late in grace. */
export type RenewalTiming = "early" | "on_time" | "late";

export interface PricedQuote {
  /** The options as priced: add-ons in catalogue order with the quantities used, saveOffer explicit. Store these. */
  options: QuoteOptions;
  currency: string;
  termYears: TermYears;
  planCode: string;
  seats: number;
  /** Product lines (plan, then add-ons), then discount lines, then bonus lines. */
  lines: PricedLine[];
  /** Sum of product lines. */
  subtotal: number;
  /** Sum of discounts, as a positive number. */
  discountTotal: number;
  /** subtotal − discountTotal, which is also the sum of every line's amount. */
  total: number;
  /** The pricing date ("today"). */
  pricedOn: string;
  /** Days from the pricing date to the current term's end (negative in grace). */
  daysBeforeEnd: number;
  timing: RenewalTiming;
  /** The day after the current term ends. */
  newTermStart: string;
  /** Last day of the new term (inclusive), bonus months included. */
  newTermEnd: string;
  bonusMonths: number;
  /** The early-renewal incentive priced in (null: none today). */
  incentive: AppliedIncentive | null;
  /** Last day today's incentive is offered on new quotes (null: no incentive today). */
  incentiveExpiresOn: string | null;
  incentiveSchedule: IncentiveStep[];
  /** Last day a quote priced today holds its price (product policy: 30 days or the term end). */
  priceLockedUntil: string;
  warnings: PricingMessage[];
}

export type QuoteResult = { ok: true; quote: PricedQuote } | { ok: false; errors: PricingError[] };
