import { CamelCasePlugin, Kysely, PostgresDialect } from "kysely";

import type { Database } from "../../app/lib/db.server";
import { PGliteDialect } from "../../app/lib/pglite-dialect.server";
import type { DB } from "../../db/schema";
import type { TestDatabase } from "./test-database";

export interface QueryLog {
  /** A second Kysely instance over the same database whose every query is logged. */
  db: Database;
  /** SQL of the queries run since the last `reset()`, in order. */
  readonly queries: string[];
  reset(): void;
}

/**
 * Counts the SQL statements a piece of code really sends, through Kysely's
 * `log` callback (called once per executed query) on a second instance that
 * shares the test database's pool or PGlite, type parsers included. Never
 * destroy it: that would close the shared pool.
 */
export function createQueryLog(database: TestDatabase): QueryLog {
  const queries: string[] = [];
  const { handle } = database;
  const dialect = handle.pool
    ? new PostgresDialect({ pool: handle.pool })
    : new PGliteDialect(handle.pglite!);
  const db = new Kysely<DB>({
    dialect,
    plugins: [new CamelCasePlugin()],
    log(event) {
      queries.push(event.query.sql);
    },
  });
  return {
    db,
    queries,
    reset() {
      queries.length = 0;
    },
  };
}
