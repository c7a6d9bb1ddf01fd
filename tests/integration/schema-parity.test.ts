import { randomBytes } from "node:crypto";

import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrateToLatest, openDatabase, type DatabaseHandle } from "~/lib/db.server";

/**
 * The same migrations must give the same schema on PostgreSQL (the server in
 * TEST_DATABASE_URL, 15 here) and on the embedded PGlite (PostgreSQL 18).
 * Without TEST_DATABASE_URL there is nothing to compare against, so the
 * comparison runs only where a server is configured (as in CI).
 */
const serverUrl = process.env.TEST_DATABASE_URL;

async function describeSchema(handle: DatabaseHandle) {
  const columns = await sql<Record<string, string>>`
    select table_name, column_name, data_type, is_nullable, column_default, is_generated,
           regexp_replace(coalesce(generation_expression, ''), '\s+', ' ', 'g') as generation_expression
    from information_schema.columns
    where table_schema = 'public'
    order by table_name, column_name`.execute(handle.db);
  const constraints = await sql<Record<string, string>>`
    select rel.relname as table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) as definition
    from pg_constraint con
    join pg_class rel on rel.oid = con.conrelid
    join pg_namespace ns on ns.oid = rel.relnamespace
    where ns.nspname = 'public' and con.contype <> 'n'
    order by rel.relname, con.conname`.execute(handle.db);
  const indexes = await sql<Record<string, string>>`
    select tablename, indexname, indexdef from pg_indexes
    where schemaname = 'public' order by tablename, indexname`.execute(handle.db);
  return { columns: columns.rows, constraints: constraints.rows, indexes: indexes.rows };
}

describe.runIf(serverUrl)("schema parity between PostgreSQL and PGlite", () => {
  let server: DatabaseHandle;
  let embedded: DatabaseHandle;
  const name = `c365_parity_${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    server = await openDatabase({ url: url.toString(), poolSize: 1 });
    embedded = await openDatabase({});
    await migrateToLatest(server.db);
    await migrateToLatest(embedded.db);
  });

  afterAll(async () => {
    await embedded?.close();
    await server?.close();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it("has the same tables and columns", async () => {
    const [a, b] = await Promise.all([describeSchema(server), describeSchema(embedded)]);
    expect(a.columns.length).toBeGreaterThan(200);
    expect(b.columns).toEqual(a.columns);
  });

  it("has the same constraints", async () => {
    const [a, b] = await Promise.all([describeSchema(server), describeSchema(embedded)]);
    expect(a.constraints.length).toBeGreaterThan(100);
    expect(b.constraints).toEqual(a.constraints);
  });

  it("has the same indexes", async () => {
    const [a, b] = await Promise.all([describeSchema(server), describeSchema(embedded)]);
    expect(b.indexes).toEqual(a.indexes);
  });
});
