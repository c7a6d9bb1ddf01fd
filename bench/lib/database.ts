/**
 * The benchmark's own database: a PostgreSQL database (BENCH_DATABASE_URL,
 * created if missing) or a PGlite data directory under bench/.work/. It is
 * seeded once per scale and reused while the dataset record in it matches.
 */
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { sql } from "kysely";
import pg from "pg";

import { migrateToLatest, openDatabase, type Database, type DatabaseHandle } from "../../app/lib/db.server";
import { GENERATOR_VERSION } from "./scale";
import { seedScaleData, type ScaleSeedOptions, type ScaleSeedReport } from "./seed";

export const DEFAULT_BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/customer365_bench";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Git-ignored; holds the PGlite data directory. */
export const BENCH_WORK_DIR = path.join(repoRoot, "bench/.work");
export const BENCH_PGLITE_DIR = path.join(BENCH_WORK_DIR, "pglite");

export type BenchDatabase =
  | { kind: "postgres"; url: string; name: string }
  | { kind: "pglite"; dataDir: string; name: string };

export function benchDatabase(options: { pglite: boolean; env?: Record<string, string | undefined> }): BenchDatabase {
  if (options.pglite) return { kind: "pglite", dataDir: BENCH_PGLITE_DIR, name: path.relative(repoRoot, BENCH_PGLITE_DIR) };
  const url = (options.env ?? process.env).BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  return { kind: "postgres", url, name: databaseName(url) };
}

function databaseName(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`BENCH_DATABASE_URL is not a URL: ${url}`);
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new Error(`BENCH_DATABASE_URL must be a postgres:// URL, got ${parsed.protocol}`);
  }
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  // The bench drops and recreates this database: never let it be one that
  // holds anything else.
  if (!/bench/i.test(name)) {
    throw new Error(`BENCH_DATABASE_URL must name a database whose name contains "bench" (it is dropped and rebuilt), got "${name}"`);
  }
  return name;
}

/** The URL of the same server's maintenance database, for CREATE/DROP DATABASE. */
function adminUrl(url: string): string {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return admin.toString();
}

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates the Postgres database if it is missing (PGlite creates its directory on open). */
export async function ensureDatabaseExists(target: BenchDatabase): Promise<void> {
  if (target.kind !== "postgres") return;
  await withAdmin(target.url, async (client) => {
    const found = await client.query("select 1 from pg_database where datname = $1", [target.name]);
    if (found.rowCount === 0) await client.query(`create database ${quoteIdent(target.name)}`);
  });
}

/** Drops and recreates the bench database (or deletes the PGlite directory). */
export async function resetDatabase(target: BenchDatabase): Promise<void> {
  if (target.kind === "pglite") {
    rmSync(target.dataDir, { recursive: true, force: true });
    return;
  }
  await withAdmin(target.url, async (client) => {
    await client.query(`drop database if exists ${quoteIdent(target.name)} with (force)`);
    await client.query(`create database ${quoteIdent(target.name)}`);
  });
}

export async function openBench(target: BenchDatabase, poolSize = 2): Promise<DatabaseHandle> {
  return target.kind === "postgres"
    ? openDatabase({ url: target.url, poolSize })
    : openDatabase({ dataDir: target.dataDir });
}

/** What the dataset record says about the data in a bench database. */
export interface Dataset {
  scale: number;
  generator: number;
  today: string;
  startedAt: Date;
  completedAt: Date | null;
  report: ScaleSeedReport | null;
}

export async function readDataset(db: Database): Promise<Dataset | undefined> {
  const exists = await sql<{ found: string | null }>`select to_regclass('bench.dataset')::text as found`.execute(db);
  if (!exists.rows[0]?.found) return undefined;
  // The report goes through as text: the app's CamelCasePlugin would rename
  // the keys inside it (kb_articles → kbArticles) on the way out.
  const result = await sql<Omit<Dataset, "report"> & { reportJson: string | null }>`
    select scale, generator, today::text as today, started_at, completed_at, report::text as report_json
    from bench.dataset where id = 1
  `.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  const { reportJson, ...dataset } = row;
  return { ...dataset, report: reportJson ? (JSON.parse(reportJson) as ScaleSeedReport) : null };
}

/** A dataset can be reused when it finished loading, at this scale, by this generator. */
export function isReusable(dataset: Dataset | undefined, scale: number): dataset is Dataset & { completedAt: Date } {
  return (
    dataset !== undefined &&
    dataset.completedAt !== null &&
    dataset.generator === GENERATOR_VERSION &&
    Math.abs(dataset.scale - scale) < 1e-9
  );
}

export interface PrepareOptions extends Omit<ScaleSeedOptions, "maintenanceWorkMem"> {
  target: BenchDatabase;
  /** Rebuild even if a matching dataset is there. */
  fresh: boolean;
  log?: (line: string) => void;
}

export interface Prepared {
  dataset: Dataset;
  reused: boolean;
  report?: ScaleSeedReport;
}

/**
 * Makes sure the bench database holds a complete dataset at `scale`: reuses a
 * matching one, otherwise wipes the database and seeds it from scratch (a
 * half-finished load is never reused: the record is completed last).
 */
export async function prepareBenchDatabase(options: PrepareOptions): Promise<Prepared> {
  const { target, log = () => {} } = options;
  if (!options.fresh) {
    const existing = await peekDataset(target);
    if (isReusable(existing, options.scale)) {
      log(`reusing ${target.kind} ${target.name}: scale ${existing.scale}, seeded for ${existing.today} (--fresh rebuilds it)`);
      return { dataset: existing, reused: true };
    }
    if (existing) {
      const why = existing.completedAt === null
        ? "an unfinished load"
        : existing.generator !== GENERATOR_VERSION
          ? `generator v${existing.generator} (now v${GENERATOR_VERSION})`
          : `scale ${existing.scale}`;
      log(`rebuilding ${target.kind} ${target.name}: it holds ${why}`);
    }
  }
  await resetDatabase(target);
  const handle = await openBench(target, 1);
  try {
    await migrateToLatest(handle.db);
    const report = await seedScaleData(handle.db, {
      scale: options.scale,
      today: options.today,
      onStep: options.onStep,
      onStart: options.onStart,
      // PGlite's heap is a WASM memory of a few GiB shared with the data it caches.
      maintenanceWorkMem: target.kind === "pglite" ? "128MB" : "512MB",
    });
    const dataset = await readDataset(handle.db);
    if (!dataset) throw new Error("the dataset record is missing after seeding");
    return { dataset, reused: false, report };
  } finally {
    await handle.close();
  }
}

async function peekDataset(target: BenchDatabase): Promise<Dataset | undefined> {
  if (target.kind === "pglite") {
    if (!existsSync(target.dataDir)) return undefined;
  } else {
    await ensureDatabaseExists(target);
  }
  const handle = await openBench(target, 1);
  try {
    return await readDataset(handle.db);
  } finally {
    await handle.close();
  }
}
