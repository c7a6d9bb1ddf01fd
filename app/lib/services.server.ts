import { sql } from "kysely";

import { pinnedDateClock, systemClock, type Clock } from "./clock";
import { migrateToLatest, openDatabase, type Database, type DatabaseHandle } from "./db.server";
import type { Env } from "./env.server";
import { startJobs, stopJobs } from "./jobs/queue.server";
import { log } from "./log.server";

/**
 * The process-wide services: one database handle (pool or PGlite), one clock.
 * server/index.ts starts them once; loaders and actions read them through
 * `services()` / `db()`; tests install their own with `setServices`.
 */
export interface Services {
  env: Env;
  database: DatabaseHandle;
  db: Database;
  clock: Clock;
}

let current: Services | undefined;

export function services(): Services {
  if (!current) throw new Error("Services are not started (call startServices first)");
  return current;
}

export function db(): Database {
  return services().db;
}

export function clock(): Clock {
  return services().clock;
}

export function setServices(next: Services | undefined) {
  current = next;
}

export function clockFromEnv(env: Env): Clock {
  return env.APP_TODAY ? pinnedDateClock(env.APP_TODAY) : systemClock;
}

/**
 * Opens the database, migrates it (always on the embedded default; with
 * DATABASE_URL too, so a fresh Postgres works out of the box) and seeds the
 * demo data into an empty database when asked to.
 */
export async function startServices(env: Env): Promise<Services> {
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.PGLITE_DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
  });
  const clock = clockFromEnv(env);
  const started = Date.now();
  await migrateToLatest(database.db);
  log.info("database ready", { kind: database.kind, ms: Date.now() - started });

  const wantSeed = env.SEED_DEMO_DATA === "true" || (env.SEED_DEMO_DATA === "auto" && database.kind === "pglite");
  if (wantSeed && env.NODE_ENV !== "production" && (await isEmpty(database.db))) {
    const { seedAll } = await import("../../db/seed/all");
    const summary = await seedAll(database.db, clock);
    log.info("demo data seeded", summary as unknown as Record<string, unknown>);
  }
  current = { env, database, db: database.db, clock };
  // The queue is always there (enqueueing needs it); workers only with JOBS=on.
  const { jobHandlers } = await import("./jobs/handlers.server");
  await startJobs(database, { connectionString: env.DATABASE_URL, work: env.JOBS === "on", handlers: jobHandlers() });
  return current;
}

async function isEmpty(db: Database): Promise<boolean> {
  const row = await db.selectFrom("accounts").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  return row.n === 0;
}

export async function stopServices(): Promise<void> {
  const running = current;
  await stopJobs();
  current = undefined;
  await running?.database.close();
}

/** For /healthz: does the database answer within `timeoutMs`? */
export async function databaseIsUp(timeoutMs = 2000): Promise<boolean> {
  if (!current) return false;
  const probe = sql`select 1`.execute(current.db).then(
    () => true,
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return Promise.race([probe, timeout]);
}
