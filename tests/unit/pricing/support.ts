/**
 * Inputs for the pricing tests, built from the same price list and incentive
 * policy the demo seed uses (db/seed/factories.ts), so the hand-computed
 * examples are the amounts a demo customer sees.
 */
import type { Catalogue, CatalogueProduct, IncentiveRule, RenewalContext } from "~/domain/pricing";
import { sortCatalogue } from "~/domain/pricing";

import { CATALOGUE, makeIncentiveRules, type CurrencyCode } from "../../../db/seed/factories";
import { createRng } from "../../../db/seed/random";

export function catalogueIn(currency: CurrencyCode, overrides: Partial<Record<string, Partial<CatalogueProduct>>> = {}): Catalogue {
  const products = CATALOGUE.map((entry) => ({
    id: `product-${entry.code}`,
    code: entry.code,
    kind: entry.kind,
    tier: entry.tier,
    pricingModel: entry.pricingModel,
    minQuantity: entry.minQuantity,
    maxQuantity: entry.maxQuantity,
    unitAmount: entry.prices[currency] as number | null,
    ...overrides[entry.code],
  }));
  return { currency, products: sortCatalogue(products) };
}

/** The seeded rules (policy table), effective from `effectiveFrom`, open-ended. */
export function seededRules(effectiveFrom = "2025-11-25"): IncentiveRule[] {
  return makeIncentiveRules({ effectiveFrom }, createRng("pricing-unit-tests")).map((row) => ({
    id: row.id,
    kind: row.kind,
    segment: row.segment ?? null,
    minDaysBeforeEnd: row.minDaysBeforeEnd ?? null,
    termYears: row.termYears ?? null,
    discountBps: row.discountBps ?? 0,
    bonusMonths: row.bonusMonths ?? 0,
    bonusFeature: row.bonusFeature ?? null,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo ?? null,
    active: true,
  }));
}

let ruleCounter = 0;
/** One hand-made rule; ids sort after the seeded ones' only by chance, so tests never rely on id order. */
export function rule(input: Partial<IncentiveRule> & Pick<IncentiveRule, "kind">): IncentiveRule {
  ruleCounter += 1;
  return {
    id: `rule-${ruleCounter}`,
    segment: null,
    minDaysBeforeEnd: null,
    termYears: null,
    discountBps: 0,
    bonusMonths: 0,
    bonusFeature: null,
    effectiveFrom: "2020-01-01",
    effectiveTo: null,
    active: true,
    ...input,
  };
}

/**
 * Northwind's Professional contract as the seed makes it on 2026-11-25
 * (Amelia Hart's C365-10001): 120 seats, Advanced Analytics for every seat
 * and Premium Support, at list price, ending in 95 days.
 */
export const TODAY = "2026-11-25";
export function northwindContext(overrides: Partial<RenewalContext> = {}): RenewalContext {
  return {
    currency: "USD",
    termEnd: "2027-02-28",
    segment: "enterprise",
    plan: { code: "professional", quantity: 120, unitAmount: 24_000 },
    addOns: [
      { code: "analytics", quantity: 120, unitAmount: 3_600 },
      { code: "premium_support", quantity: 1, unitAmount: 450_000 },
    ],
    seatsInUse: 104,
    ...overrides,
  };
}

/** A quote's lines as [kind, code, amount]: what a reader checks first. */
export function amounts(lines: ReadonlyArray<{ kind: string; code: string; amount: number }>) {
  return lines.map((line) => [line.kind, line.code, line.amount]);
}
