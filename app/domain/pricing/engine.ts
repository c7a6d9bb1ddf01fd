/**
 * The pricing engine: contract + catalogue + incentive rules + options + a
 * date in, a fully itemised quote (or the reasons there is none) out. Pure
 * and deterministic; docs/pricing.md is the reader's version of this file.
 *
 * Order of operations (docs/product-policies.md):
 *   1. each product line at list price: unit × quantity × term years;
 *   2. multi-year discount on the subtotal;
 *   3. early-renewal discount on what remains;
 *   4. the save offer, when asked for, on what remains after that;
 *   each discount its own line, rounded half away from zero to the currency's
 *   step (TWD: whole dollars), never more than what remains.
 */
import { addDays, addMonths, daysBetween, isIsoDate } from "~/lib/dates";

import { earlyRenewalRuleOn, incentiveSchedule, multiYearRuleOn, saveOfferRuleOn, toApplied } from "./incentives";
import { bpsToPercent, percentOf, roundToStep, roundingStep } from "./money";
import {
  OFFERED_TERM_YEARS,
  type Catalogue,
  type CatalogueProduct,
  type IncentiveRule,
  type PricedLine,
  type PricingError,
  type PricingMessage,
  type QuoteOptions,
  type QuoteResult,
  type RenewalContext,
  type RenewalTiming,
  type TermYears,
} from "./types";

/** After the term ends the service keeps running this long and a late renewal is still possible. */
export const GRACE_DAYS = 30;
/** Renewals confirmed at least this many days before the end are "early". */
export const EARLY_RENEWAL_DAYS = 30;
/** A quote holds its price this many days (or until the term ends, if sooner). */
export const PRICE_LOCK_DAYS = 30;

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value);

export function isOfferedTerm(value: unknown): value is TermYears {
  return (OFFERED_TERM_YEARS as readonly unknown[]).includes(value);
}

export function renewalTiming(daysBeforeEnd: number): RenewalTiming {
  if (daysBeforeEnd >= EARLY_RENEWAL_DAYS) return "early";
  return daysBeforeEnd >= 0 ? "on_time" : "late";
}

/** The first day of the new term: early renewals keep the days they already paid for. */
export function newTermStartFor(termEnd: string): string {
  return addDays(termEnd, 1);
}

/**
 * Last day of a new term: it ends where the old one did, `years` later (plus
 * bonus months). A term starting on the 1st ends on a month's last day, so
 * 2027-03-01 for a year ends 2028-02-29. Any other term ends on the
 * day-of-month before its start, clamped to shorter months, so 2028-02-29 for
 * a year ends 2029-02-28: a full 365 days, where "start + 1 year − 1 day"
 * would clamp to 2029-02-27.
 */
export function newTermEndFor(newTermStart: string, years: number, bonusMonths = 0): string {
  const months = years * 12 + bonusMonths;
  if (newTermStart.endsWith("-01")) return addDays(addMonths(newTermStart, months), -1);
  return addMonths(addDays(newTermStart, -1), months);
}

/**
 * Last day a quote priced on `today` holds its price: 30 days, but not past
 * the current term's end; during grace, not past the end of grace.
 */
export function priceLockedUntilFor(today: string, termEnd: string): string {
  const limit = today <= termEnd ? termEnd : addDays(termEnd, GRACE_DAYS);
  const lock = addDays(today, PRICE_LOCK_DAYS);
  return lock < limit ? lock : limit;
}

function validate(
  context: RenewalContext,
  catalogue: Catalogue,
  rules: readonly IncentiveRule[],
  options: QuoteOptions,
  today: string,
): PricingError[] {
  const errors: PricingError[] = [];
  const byCode = new Map(catalogue.products.map((product) => [product.code, product]));

  if (!isIsoDate(today) || !isIsoDate(context.termEnd)) {
    errors.push({ field: "contract", code: "errors.invalidDate" });
    return errors;
  }
  if (catalogue.currency !== context.currency) {
    errors.push({ field: "contract", code: "errors.currencyMismatch", values: { currency: context.currency } });
    return errors;
  }
  if (daysBetween(context.termEnd, today) > GRACE_DAYS) {
    errors.push({ field: "contract", code: "errors.renewalClosed", values: { graceDays: GRACE_DAYS } });
    return errors;
  }

  if (!isOfferedTerm(options.termYears)) {
    errors.push({ field: "termYears", code: "errors.termNotOffered", values: { terms: OFFERED_TERM_YEARS.join(", ") } });
  }

  const plan = typeof options.planCode === "string" ? byCode.get(options.planCode) : undefined;
  if (!plan || plan.kind !== "plan") {
    errors.push({ field: "planCode", code: "errors.planUnknown" });
  } else if (plan.unitAmount === null) {
    errors.push({ field: "planCode", code: "errors.planUnavailableInCurrency", values: { currency: catalogue.currency } });
  }

  if (!isCount(options.seats)) {
    errors.push({ field: "seats", code: "errors.seatsNotWhole" });
  } else if (plan && plan.kind === "plan") {
    if (options.seats < plan.minQuantity) {
      errors.push({ field: "seats", code: "errors.seatsBelowMinimum", values: { min: plan.minQuantity } });
    } else if (options.seats > plan.maxQuantity) {
      errors.push({ field: "seats", code: "errors.seatsAboveMaximum", values: { max: plan.maxQuantity } });
    }
  }

  if (!Array.isArray(options.addOns)) {
    errors.push({ field: "addOns", code: "errors.addOnsInvalid" });
  } else {
    const seen = new Set<string>();
    for (const choice of options.addOns) {
      const code = typeof choice?.code === "string" ? choice.code : "";
      const field = `addOns.${code}`;
      const product = byCode.get(code);
      if (!product || product.kind !== "addon") {
        errors.push({ field, code: "errors.addOnUnknown" });
        continue;
      }
      if (seen.has(code)) {
        errors.push({ field, code: "errors.addOnDuplicate" });
        continue;
      }
      seen.add(code);
      if (product.unitAmount === null) {
        errors.push({ field, code: "errors.addOnUnavailableInCurrency", values: { currency: catalogue.currency } });
        continue;
      }
      // Per-seat add-ons take the plan's seat count, validated above.
      if (product.pricingModel === "per_seat") continue;
      const quantity = choice.quantity ?? 1;
      if (!isCount(quantity)) {
        errors.push({ field, code: "errors.addOnQuantityNotWhole" });
      } else if (quantity < product.minQuantity || quantity > product.maxQuantity) {
        errors.push({
          field,
          code: "errors.addOnQuantityOutOfRange",
          values: { min: product.minQuantity, max: product.maxQuantity },
        });
      }
    }
  }

  if (options.saveOffer === true) {
    if (context.saveOfferUsed) {
      errors.push({ field: "saveOffer", code: "errors.saveOfferUsed" });
    } else if (options.termYears !== 1) {
      errors.push({ field: "saveOffer", code: "errors.saveOfferOneYearOnly" });
    } else if (!saveOfferRuleOn(rules, context.segment, today)) {
      errors.push({ field: "saveOffer", code: "errors.saveOfferUnavailable" });
    }
  }
  return errors;
}

function productLine(
  product: CatalogueProduct,
  quantity: number,
  termYears: number,
  step: number,
  previous: { quantity: number; unitAmount: number } | undefined,
): PricedLine {
  // Catalogue prices are already whole for TWD; rounding here keeps the
  // promise even if an admin enters one that is not.
  const unitAmount = roundToStep(product.unitAmount ?? 0, step);
  const annualAmount = unitAmount * quantity;
  return {
    kind: "product",
    code: product.code,
    productId: product.id,
    quantity,
    unitAmount,
    amount: annualAmount * termYears,
    detail: {
      pricingModel: product.pricingModel,
      tier: product.tier,
      termYears,
      annualAmount,
      previousQuantity: previous?.quantity ?? null,
      previousUnitAmount: previous?.unitAmount ?? null,
    },
  };
}

/**
 * Prices a renewal. Returns every problem with the options at once (so a form
 * can show them all), each as an i18n key in the `pricing` namespace.
 */
export function computeQuote(
  context: RenewalContext,
  catalogue: Catalogue,
  rules: readonly IncentiveRule[],
  options: QuoteOptions,
  today: string,
): QuoteResult {
  const errors = validate(context, catalogue, rules, options, today);
  if (errors.length > 0) return { ok: false, errors };

  const step = roundingStep(context.currency);
  const termYears = options.termYears;
  const byCode = new Map(catalogue.products.map((product) => [product.code, product]));
  const plan = byCode.get(options.planCode) as CatalogueProduct;
  const current = new Map([context.plan, ...context.addOns].map((line) => [line.code, line]));

  // Product lines: the plan, then add-ons in catalogue order, whatever order they were chosen in.
  const order = new Map(catalogue.products.map((product, index) => [product.code, index]));
  const addOns = options.addOns
    .map((choice) => {
      const product = byCode.get(choice.code) as CatalogueProduct;
      return { product, quantity: product.pricingModel === "per_seat" ? options.seats : (choice.quantity ?? 1) };
    })
    .sort((a, b) => (order.get(a.product.code) ?? 0) - (order.get(b.product.code) ?? 0));
  const lines: PricedLine[] = [productLine(plan, options.seats, termYears, step, current.get(plan.code))];
  for (const { product, quantity } of addOns) {
    lines.push(productLine(product, quantity, termYears, step, current.get(product.code)));
  }
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);

  // Discounts, in policy order, each on what the previous ones left.
  const daysBeforeEnd = daysBetween(today, context.termEnd);
  const multiYear = termYears > 1 ? multiYearRuleOn(rules, context.segment, termYears, today) : null;
  const early = earlyRenewalRuleOn(rules, context.segment, context.termEnd, today);
  const saveOffer = options.saveOffer === true ? saveOfferRuleOn(rules, context.segment, today) : null;

  let remaining = subtotal;
  const discount = (rule: IncentiveRule | null, code: "multi_year" | "early_renewal" | "save_offer") => {
    if (!rule || rule.discountBps <= 0) return;
    const base = remaining;
    const amount = Math.min(percentOf(base, rule.discountBps, step), base);
    remaining -= amount;
    lines.push({
      kind: "discount",
      code,
      productId: null,
      quantity: 1,
      // -0 would survive JSON as 0 but not Object.is; keep zero positive.
      unitAmount: amount === 0 ? 0 : -amount,
      amount: amount === 0 ? 0 : -amount,
      detail: {
        percent: bpsToPercent(rule.discountBps),
        bps: rule.discountBps,
        base,
        ruleId: rule.id,
        ...(code === "multi_year" ? { termYears } : {}),
        ...(code === "early_renewal" ? { days: daysBeforeEnd, minDaysBeforeEnd: rule.minDaysBeforeEnd ?? 0 } : {}),
      },
    });
  };
  discount(multiYear, "multi_year");
  discount(early, "early_renewal");
  discount(saveOffer, "save_offer");

  // Bonuses: zero-amount lines; their months lengthen the new term.
  let bonusMonths = 0;
  const bonus = (rule: IncentiveRule | null, code: "multi_year_bonus" | "early_renewal_bonus" | "save_offer_bonus") => {
    if (!rule || (rule.bonusMonths <= 0 && rule.bonusFeature === null)) return;
    bonusMonths += rule.bonusMonths;
    lines.push({
      kind: "bonus",
      code,
      productId: null,
      quantity: rule.bonusMonths,
      unitAmount: 0,
      amount: 0,
      detail: { months: rule.bonusMonths, feature: rule.bonusFeature, ruleId: rule.id, source: rule.kind },
    });
  };
  bonus(multiYear, "multi_year_bonus");
  bonus(early, "early_renewal_bonus");
  bonus(saveOffer, "save_offer_bonus");

  const warnings: PricingMessage[] = [];
  if (context.seatsInUse !== null && options.seats < context.seatsInUse) {
    warnings.push({ code: "warnings.seatsBelowInUse", values: { seats: options.seats, inUse: context.seatsInUse } });
  }
  const currentPlan = byCode.get(context.plan.code);
  if (currentPlan?.tier != null && plan.tier !== null && plan.tier < currentPlan.tier) {
    warnings.push({ code: "warnings.planDowngrade", values: { from: currentPlan.code, to: plan.code } });
  }
  if (daysBeforeEnd < 0) {
    warnings.push({ code: "warnings.lateRenewal", values: { termEnd: context.termEnd, daysLate: -daysBeforeEnd } });
  }

  const newTermStart = newTermStartFor(context.termEnd);
  const schedule = incentiveSchedule(rules, context.segment, context.termEnd, today);
  const incentive = toApplied(early);
  const discountTotal = subtotal - remaining;
  return {
    ok: true,
    quote: {
      options: {
        termYears,
        planCode: plan.code,
        seats: options.seats,
        addOns: addOns.map(({ product, quantity }) => ({ code: product.code, quantity })),
        saveOffer: options.saveOffer === true,
      },
      currency: context.currency,
      termYears,
      planCode: plan.code,
      seats: options.seats,
      lines,
      subtotal,
      discountTotal,
      total: subtotal - discountTotal,
      pricedOn: today,
      daysBeforeEnd,
      timing: renewalTiming(daysBeforeEnd),
      newTermStart,
      newTermEnd: newTermEndFor(newTermStart, termYears, bonusMonths),
      bonusMonths,
      incentive,
      incentiveExpiresOn: incentive ? (schedule[0]?.until ?? null) : null,
      incentiveSchedule: schedule,
      priceLockedUntil: priceLockedUntilFor(today, context.termEnd),
      warnings,
    },
  };
}

/** Catalogue display order: plans by tier, then add-ons by code. */
export function sortCatalogue<T extends Pick<CatalogueProduct, "kind" | "tier" | "code">>(products: readonly T[]): T[] {
  const rank = (product: T) => (product.kind === "plan" ? 0 : 1);
  return [...products].sort(
    (a, b) =>
      rank(a) - rank(b) || (a.tier ?? 0) - (b.tier ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/**
 * The quote the renewal page opens with: the same plan and add-ons for one
 * year, with as many seats as are in use (never fewer than the plan's
 * minimum, nor more than its maximum; the current seats when there is no
 * usage data). Per-seat add-ons follow the seats; flat ones keep their
 * quantity. Add-ons no longer sold in the currency are left out, so the
 * recommendation always prices. The early-renewal incentive needs no option:
 * it applies whenever today is inside a window.
 */
export function recommendedOptions(context: RenewalContext, catalogue: Catalogue): QuoteOptions {
  const byCode = new Map(catalogue.products.map((product) => [product.code, product]));
  const plan = byCode.get(context.plan.code);
  const wanted = context.seatsInUse ?? context.plan.quantity;
  const seats = plan ? Math.min(Math.max(wanted, plan.minQuantity), plan.maxQuantity) : wanted;

  const addOns = context.addOns.flatMap((line) => {
    const product = byCode.get(line.code);
    if (!product || product.kind !== "addon" || product.unitAmount === null) return [];
    const quantity =
      product.pricingModel === "per_seat"
        ? seats
        : Math.min(Math.max(line.quantity, product.minQuantity), product.maxQuantity);
    return [{ code: line.code, quantity }];
  });
  return { termYears: 1, planCode: context.plan.code, seats, addOns, saveOffer: false };
}
