import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import type { TestProject } from "vitest/node";

import { migrateToLatest, openDatabase, type DatabaseHandle } from "../../app/lib/db.server";
import { createBoss, installQueues } from "../../app/lib/jobs/queue.server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Name of the migrated template database on TEST_DATABASE_URL's server. */
    pgTemplate: string | null;
    /** Path of a migrated PGlite data-dir dump, when there is no TEST_DATABASE_URL. */
    pgliteDump: string | null;
  }
}

/** A hash of the migration sources: a changed migration makes a new template. */
function migrationsHash(): string {
  const dir = path.resolve("db/migrations");
  const hash = createHash("sha256");
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(path.join(dir, file)));
  hash.update(readFileSync(path.resolve("app/lib/jobs/queue.server.ts")));
  return hash.digest("hex").slice(0, 12);
}

/** Our migrations, then pg-boss's own schema and our queues. */
async function prepare(handle: DatabaseHandle, url?: string) {
  await migrateToLatest(handle.db);
  const boss = createBoss(handle, url, false);
  await boss.start();
  await installQueues(boss);
  await boss.stop({ graceful: false, close: true });
}

/**
 * Runs once per test run: migrates a template (Postgres) or a data-dir dump
 * (PGlite) that every integration test file clones into its own database.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  const hash = migrationsHash();
  if (url) {
    const template = `c365_tpl_${hash}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // Serialise concurrent test runs that would build the same template.
      await admin.query("select pg_advisory_lock(365365)");
      const exists = await admin.query("select 1 from pg_database where datname = $1", [template]);
      if (exists.rowCount === 0) {
        const building = `${template}_build_${process.pid}`;
        await admin.query(`drop database if exists "${building}" with (force)`);
        await admin.query(`create database "${building}"`);
        const target = new URL(url);
        target.pathname = `/${building}`;
        const handle = await openDatabase({ url: target.toString(), poolSize: 1 });
        try {
          await prepare(handle, target.toString());
        } finally {
          await handle.close();
        }
        await admin.query(`alter database "${building}" rename to "${template}"`);
      }
    } finally {
      await admin.query("select pg_advisory_unlock(365365)");
      await admin.end();
    }
    project.provide("pgTemplate", template);
    project.provide("pgliteDump", null);
    return;
  }

  const dir = path.join(tmpdir(), "customer365-tests");
  mkdirSync(dir, { recursive: true });
  const dumpPath = path.join(dir, `pglite-${hash}-${process.pid}.tar.gz`);
  const handle = await openDatabase({});
  try {
    await prepare(handle);
    const dump = await handle.pglite!.dumpDataDir("gzip");
    writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await handle.close();
  }
  project.provide("pgTemplate", null);
  project.provide("pgliteDump", dumpPath);
}
