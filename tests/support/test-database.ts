import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";

import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";

import { fixedClock, type Clock } from "../../app/lib/clock";
import { openDatabase, type Database, type DatabaseHandle } from "../../app/lib/db.server";
import { parseEnv } from "../../app/lib/env.server";
import { createBoss, setBoss } from "../../app/lib/jobs/queue.server";
import { setServices, type Services } from "../../app/lib/services.server";

export interface TestDatabase {
  handle: DatabaseHandle;
  db: Database;
  /** Postgres only: the throwaway database's URL (for a second connection). */
  url?: string;
  /** Closes the handle (if still open) and drops the throwaway database. */
  dispose(): Promise<void>;
}

/**
 * Creates this test file's own database: a clone of the migrated template on
 * TEST_DATABASE_URL's server (dropped afterwards), or a PGlite loaded from the
 * migrated dump. Nothing depends on data left by another file or run.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject("pgTemplate");
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (template && baseUrl) {
    const name = `c365_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    try {
      await admin.query(`create database "${name}" template "${template}"`);
    } finally {
      await admin.end();
    }
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ url: url.toString(), poolSize: 5 });
    let closed = false;
    const close = handle.close;
    handle.close = async () => {
      if (closed) return;
      closed = true;
      await close();
    };
    const dispose = async () => {
      await handle.close();
      const admin2 = new pg.Client({ connectionString: baseUrl });
      await admin2.connect();
      try {
        await admin2.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await admin2.end();
      }
    };
    return { handle, db: handle.db, url: url.toString(), dispose };
  }
  const dump = inject("pgliteDump");
  if (!dump) throw new Error("No test database template was provided (global setup did not run)");
  const handle = await openDatabase({ loadDataDir: new Blob([readFileSync(dump)]) });
  return { handle, db: handle.db, dispose: () => handle.close() };
}

/**
 * For a test file: a fresh database before all tests, installed as the app's
 * services (with a fixed clock), closed and dropped after.
 */
export function useTestDatabase(options: { today?: string; clock?: Clock } = {}) {
  const state = {} as { database: TestDatabase; services: Services; boss: ReturnType<typeof createBoss> };
  beforeAll(async () => {
    state.database = await createTestDatabase();
    const clock = options.clock ?? fixedClock(options.today ?? "2026-11-25");
    state.services = {
      env: parseEnv({ NODE_ENV: "test" }),
      database: state.database.handle,
      db: state.database.db,
      clock,
    };
    setServices(state.services);
    // A queue that only sends: jobs enqueued by the code under test wait in
    // the database, where tests can find them (see tests/support/jobs.ts).
    state.boss = createBoss(state.database.handle, state.database.url, false);
    await state.boss.start();
    setBoss(state.boss);
  });
  afterAll(async () => {
    setBoss(undefined);
    await state.boss?.stop({ graceful: false, close: true });
    setServices(undefined);
    await state.database?.dispose();
  });
  return {
    get db() {
      return state.database.db;
    },
    get database() {
      return state.database;
    },
    get services() {
      return state.services;
    },
    get boss() {
      return state.boss;
    },
  };
}
