/**
 * Starts the built server (build/server.js) for the end-to-end run on a brand
 * new database: a fresh Postgres database when TEST_DATABASE_URL is set, else
 * a fresh embedded PGlite directory. The server seeds the demo data itself.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import pg from "pg";

const base = process.env.TEST_DATABASE_URL;
if (base) {
  const name = `c365_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  // Databases of earlier runs whose server is gone (it is killed at the end
  // of a run) are dropped first; a concurrent run's database is left alone.
  const stale = await admin.query<{ datname: string }>(
    "select datname from pg_database where datname like 'c365_e2e_%'",
  );
  for (const row of stale.rows) {
    const pid = Number(row.datname.slice("c365_e2e_".length));
    if (!isAlive(pid)) await admin.query(`drop database if exists "${row.datname}" with (force)`);
  }
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.SEED_DEMO_DATA = "true";
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "c365-e2e-"));
  process.env.PGLITE_DATA_DIR = dir;
  process.env.DATABASE_URL = "";
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
}

await import(pathToFileURL(path.resolve("build/server.js")).href);

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
