import { mkdirSync } from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { CamelCasePlugin, Kysely, PostgresDialect } from "kysely";
import { Migrator, type MigrationResultSet } from "kysely/migration";
import pg from "pg";

import { migrations } from "../../db/migrations";
import type { DB } from "../../db/schema";
import { PGliteDialect } from "./pglite-dialect.server";
import { namePreparedStatements } from "./prepared-query.server";

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  /** The embedded instance, when kind is "pglite" (pg-boss needs it). */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

// int8 (20) as number: ids and money stay far below 2^53. date (1082) stays
// the ISO string Postgres sends, so no time zone ever shifts a contract date.
const INT8 = 20;
const DATE = 1082;
const parseInt8 = (value: string) => Number.parseInt(value, 10);
const keepDate = (value: string) => value;

export interface OpenOptions {
  /** A postgres:// URL; without it the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; "memory://" or undefined for in-memory. */
  dataDir?: string;
  /** A PGlite data-dir dump to start from (tests clone a migrated template). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  const plugins = [new CamelCasePlugin()];
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: {
        getTypeParser(oid: number, format?: "text" | "binary") {
          if (oid === INT8) return parseInt8;
          if (oid === DATE) return keepDate;
          return pg.types.getTypeParser(oid, format);
        },
      },
    });
    // An idle client losing its server (Postgres restart) must not crash the app.
    pool.on("error", () => {});
    pool.on("connect", namePreparedStatements);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, kind: "postgres", pool, close: () => db.destroy() };
  }

  const dataDir = options.dataDir && options.dataDir !== "memory://" ? path.resolve(options.dataDir) : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm },
    parsers: { [INT8]: parseInt8, [DATE]: keepDate },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), plugins });
  return {
    db,
    kind: "pglite",
    pglite,
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are typed Kysely<any> by design
export function migrator(db: Kysely<any>) {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
}

/** Runs every pending migration; throws (with the failing one named) on error. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see migrator()
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    const what = failed ? `Migration ${failed.migrationName} failed` : "Could not reach the database to migrate it";
    throw new Error(`${what}: ${cause}`, { cause: result.error });
  }
  return result;
}
