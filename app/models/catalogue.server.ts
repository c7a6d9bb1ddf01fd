/**
 * The pricing engine's inputs from the database: the catalogue in one
 * currency and the incentive rules that can matter for a segment.
 */
import type { Expression, InferResult } from "kysely";

import { sortCatalogue, type Catalogue, type IncentiveRule, type Segment } from "~/domain/pricing";
import type { Database } from "~/lib/db.server";
import { preparedQuery } from "~/lib/prepared-query.server";

/**
 * The active products with their list price in `currency` (null where a
 * product has no price in it, so the engine can say "not available in your
 * currency" rather than "unknown"). Plans by tier, then add-ons by code:
 * the order quote lines and option lists follow (sorted here, not in SQL, so
 * no database collation can change it). One query.
 */
export async function loadCatalogue(db: Database, currency: string): Promise<Catalogue> {
  return toCatalogue(currency, await selectCatalogue(db, currency).execute());
}

/** The select behind loadCatalogue; `currency` is a value or a column of an outer query. */
export function selectCatalogue(db: Database, currency: string | Expression<string>) {
  return db
    .selectFrom("products")
    .leftJoin("productPrices", (join) =>
      join.onRef("productPrices.productId", "=", "products.id").on("productPrices.currency", "=", currency),
    )
    .select([
      "products.id",
      "products.code",
      "products.kind",
      "products.tier",
      "products.pricingModel",
      "products.minQuantity",
      "products.maxQuantity",
      "productPrices.unitAmount",
    ])
    .where("products.active", "=", true);
}

export function toCatalogue(currency: string, rows: InferResult<ReturnType<typeof selectCatalogue>>): Catalogue {
  return { currency, products: sortCatalogue(rows.map((row) => ({ ...row, unitAmount: row.unitAmount ?? null }))) };
}

/**
 * The active incentive rules for `segment` and the default set (segment NULL)
 * that have not expired by `today`. Rules that start later are included: the
 * engine's schedule shows when they begin, and it applies effective dates
 * itself. One query.
 */
export async function loadIncentiveRules(db: Database, segment: Segment, today: string): Promise<IncentiveRule[]> {
  return incentiveRulesQuery(db, segment, today);
}

/**
 * The select behind loadIncentiveRules, for pages that fetch the rules in
 * the same round trip as their other data (the account home): `segment` is a
 * value or a column of the outer query.
 */
export function selectIncentiveRules(db: Database, segment: Segment | Expression<Segment>, today: string) {
  return db
    .selectFrom("incentiveRules as r")
    .select([
      "r.id",
      "r.kind",
      "r.segment",
      "r.minDaysBeforeEnd",
      "r.termYears",
      "r.discountBps",
      "r.bonusMonths",
      "r.bonusFeature",
      "r.effectiveFrom",
      "r.effectiveTo",
      "r.active",
    ])
    .where("r.active", "=", true)
    .where((eb) => eb.or([eb("r.segment", "is", null), eb("r.segment", "=", segment)]))
    .where((eb) => eb.or([eb("r.effectiveTo", "is", null), eb("r.effectiveTo", ">=", today)]))
    .orderBy("r.kind")
    .orderBy("r.id");
}

// Compiled once: the renewal page runs it on every request.
const incentiveRulesQuery = preparedQuery("incentive rules", (db: Database, segment: Segment, today: string) =>
  selectIncentiveRules(db, segment, today),
);
