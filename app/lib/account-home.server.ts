import { buildAccountHome, type AccountHomeView } from "~/domain/subscriptions";
import type { Database } from "~/lib/db.server";
import { loadAccountHome } from "~/models/contracts.server";

import type { CustomerIdentity } from "./auth/guards.server";
import { incentiveStepsFrom } from "./incentive-steps.server";
import { services } from "./services.server";
import { VersionedCache } from "./versioned-cache.server";

/** One cache per database (tests and tools may open several in one process). */
const caches = new WeakMap<Database, VersionedCache<AccountHomeView>>();

function cacheFor(db: Database): VersionedCache<AccountHomeView> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new VersionedCache(services().env.ACCOUNT_HOME_CACHE_ENTRIES);
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The account home of the customer's account on `today`.
 *
 * Kept in memory under the account's data version, which the session lookup
 * has just read (triggers move it whenever a contract, line, usage snapshot,
 * the account's segment, a product or an incentive rule changes: migration
 * 2026_12_06_1600). So a repeat visit costs no query, and any change shows
 * on the next request, on every instance of the app. A new day is a new key
 * (days to the end, badges and incentive steps move with the date).
 */
export function accountHomeView(db: Database, customer: CustomerIdentity, today: string): Promise<AccountHomeView> {
  return cacheFor(db).get(customer.accountId, `${customer.dataVersion}|${today}`, async () => {
    const { rows, incentiveRules } = await loadAccountHome(db, customer.accountId, today);
    return buildAccountHome(rows, today, incentiveStepsFrom(incentiveRules));
  });
}
