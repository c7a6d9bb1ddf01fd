import { sql, type Kysely } from "kysely";

/*
 * Data versions: a counter per account that moves whenever anything the
 * account home shows changes, and one for the catalogue every account shares.
 *
 * The account home's answer is kept in memory under the account's version
 * (app/lib/account-home.server.ts). The session lookup, which every signed-in
 * request runs anyway, reads both counters in the same query, so a page knows
 * whether its cached answer is still current without another round trip, and
 * a change is visible on the very next request, on every app instance.
 *
 * - accounts.data_version: bumped by statement-level triggers (one UPDATE per
 *   statement, however many rows it changed) on contracts, contract_lines and
 *   usage_snapshots, and by a row trigger when the account's segment (which
 *   picks its incentive rules) changes.
 * - data_versions('catalogue'): bumped on any change to products or
 *   incentive_rules, and on a TRUNCATE of the per-account tables (a truncate
 *   has no rows to name accounts by).
 *
 * PostgreSQL allows transition tables only on single-event triggers, hence
 * one trigger per event. A contract, line or snapshot never moves to another
 * contract or account, so an UPDATE names its accounts by its new rows.
 */

const ACCOUNT_TABLES = {
  contracts: "bump_account_data_version_by_account",
  contract_lines: "bump_account_data_version_by_contract",
  usage_snapshots: "bump_account_data_version_by_contract",
} as const;

const CATALOGUE_TABLES = ["products", "incentive_rules"] as const;

const EVENTS = [
  { event: "insert", rows: "new table as changed_rows" },
  { event: "update", rows: "new table as changed_rows" },
  { event: "delete", rows: "old table as changed_rows" },
] as const;

const statements = [
  `alter table accounts add column data_version bigint not null default 0`,
  `create table data_versions (
    name text primary key,
    version bigint not null default 0
  )`,
  `insert into data_versions (name, version) values ('catalogue', 0)`,

  `create function bump_account_data_version_by_account() returns trigger language plpgsql as $$
  begin
    update accounts a set data_version = a.data_version + 1
    where a.id in (select distinct r.account_id from changed_rows r);
    return null;
  end $$`,
  `create function bump_account_data_version_by_contract() returns trigger language plpgsql as $$
  begin
    update accounts a set data_version = a.data_version + 1
    where a.id in (
      select c.account_id from contracts c
      where c.id in (select distinct r.contract_id from changed_rows r)
    );
    return null;
  end $$`,
  `create function bump_catalogue_data_version() returns trigger language plpgsql as $$
  begin
    update data_versions set version = version + 1 where name = 'catalogue';
    return null;
  end $$`,
  `create function bump_own_account_data_version() returns trigger language plpgsql as $$
  begin
    new.data_version := old.data_version + 1;
    return new;
  end $$`,

  ...Object.entries(ACCOUNT_TABLES).flatMap(([table, fn]) => [
    ...EVENTS.map(
      ({ event, rows }) =>
        `create trigger ${table}_data_version_${event} after ${event} on ${table}
         referencing ${rows} for each statement execute function ${fn}()`,
    ),
    `create trigger ${table}_data_version_truncate after truncate on ${table}
     for each statement execute function bump_catalogue_data_version()`,
  ]),
  ...CATALOGUE_TABLES.map(
    (table) =>
      `create trigger ${table}_data_version after insert or update or delete or truncate on ${table}
       for each statement execute function bump_catalogue_data_version()`,
  ),
  `create trigger accounts_segment_data_version before update of segment on accounts
   for each row when (old.segment is distinct from new.segment) execute function bump_own_account_data_version()`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations never import app types
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations never import app types
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of Object.keys(ACCOUNT_TABLES)) {
    for (const { event } of EVENTS) await sql.raw(`drop trigger if exists ${table}_data_version_${event} on ${table}`).execute(db);
    await sql.raw(`drop trigger if exists ${table}_data_version_truncate on ${table}`).execute(db);
  }
  for (const table of CATALOGUE_TABLES) await sql.raw(`drop trigger if exists ${table}_data_version on ${table}`).execute(db);
  await sql.raw(`drop trigger if exists accounts_segment_data_version on accounts`).execute(db);
  for (const fn of [
    "bump_account_data_version_by_account",
    "bump_account_data_version_by_contract",
    "bump_catalogue_data_version",
    "bump_own_account_data_version",
  ]) {
    await sql.raw(`drop function if exists ${fn}()`).execute(db);
  }
  await sql.raw(`drop table if exists data_versions`).execute(db);
  await sql.raw(`alter table accounts drop column if exists data_version`).execute(db);
}
