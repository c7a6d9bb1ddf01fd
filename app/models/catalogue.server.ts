/**
 * The pricing engine's inputs from the database: the catalogue in one
 * currency and the incentive rules that can matter for a segment.
 */
import { sortCatalogue, type Catalogue, type IncentiveRule, type Segment } from "~/domain/pricing";
import type { Database } from "~/lib/db.server";

/**
 * The active products with their list price in `currency` (null where a
 * product has no price in it, so the engine can say "not available in your
 * currency" rather than "unknown"). Plans by tier, then add-ons by code:
 * the order quote lines and option lists follow (sorted here, not in SQL, so
 * no database collation can change it). One query.
 */
export async function loadCatalogue(db: Database, currency: string): Promise<Catalogue> {
  const rows = await db
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
    .where("products.active", "=", true)
    .execute();
  return { currency, products: sortCatalogue(rows.map((row) => ({ ...row, unitAmount: row.unitAmount ?? null }))) };
}

/**
 * The active incentive rules for `segment` and the default set (segment NULL)
 * that have not expired by `today`. Rules that start later are included: the
 * engine's schedule shows when they begin, and it applies effective dates
 * itself. One query.
 */
export async function loadIncentiveRules(db: Database, segment: Segment, today: string): Promise<IncentiveRule[]> {
  return db
    .selectFrom("incentiveRules")
    .select([
      "id",
      "kind",
      "segment",
      "minDaysBeforeEnd",
      "termYears",
      "discountBps",
      "bonusMonths",
      "bonusFeature",
      "effectiveFrom",
      "effectiveTo",
      "active",
    ])
    .where("active", "=", true)
    .where((eb) => eb.or([eb("segment", "is", null), eb("segment", "=", segment)]))
    .where((eb) => eb.or([eb("effectiveTo", "is", null), eb("effectiveTo", ">=", today)]))
    .orderBy("kind")
    .orderBy("id")
    .execute();
}
