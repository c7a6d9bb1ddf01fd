import { sql } from "kysely";

import type { Database } from "~/lib/db.server";

export interface RateLimitResult {
  allowed: boolean;
  hits: number;
  /** Seconds until the current window ends. */
  retryAfter: number;
}

/**
 * Fixed-window counter in Postgres, so every app instance shares it. One
 * upsert per call; old windows are swept by the maintenance job.
 */
export async function hitRateLimit(
  db: Database,
  key: string,
  limit: number,
  windowSeconds: number,
  now: Date,
): Promise<RateLimitResult> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await db
    .insertInto("rateLimits")
    .values({ key, windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(["key", "windowStart"]).doUpdateSet({ hits: sql`rate_limits.hits + 1` }))
    .returning("hits")
    .executeTakeFirstOrThrow();
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: row.hits <= limit, hits: row.hits, retryAfter };
}

export async function sweepRateLimits(db: Database, olderThan: Date): Promise<number> {
  const result = await db.deleteFrom("rateLimits").where("windowStart", "<", olderThan).executeTakeFirst();
  return Number(result.numDeletedRows);
}
