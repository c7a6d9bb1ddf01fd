/**
 * Seeds the scale data set (issue 8) into a migrated, empty database, on
 * PostgreSQL or PGlite alike.
 *
 * - The demo story goes in first (seedDemoData: catalogue, incentive rules,
 *   success team, ~30 customers), so every benchmark can also use a demo
 *   identity; the bulk goes on top of it.
 * - Set-based: every bulk table is one INSERT … SELECT over generate_series;
 *   Node never builds a row. Only the word lists (a few hundred strings) are
 *   sent from Node, once.
 * - Deterministic: every "random" choice is an md5 of a stable key (the
 *   account number, the contract id…) through the bench.h / bench.u / bench.uuid
 *   helpers; random() is never called. The same scale and `today` give the
 *   same rows, ids included.
 * - Fast the way the PostgreSQL manual's "Populating a Database" says: keys,
 *   foreign keys and indexes of the bulk tables are dropped before the load and
 *   rebuilt after it (re-adding a foreign key validates it with one join, so the
 *   data is still checked), with a larger maintenance_work_mem for the session;
 *   then VACUUM (ANALYZE).
 *
 * The helpers live in their own `bench` schema (with the dataset record), so
 * the public schema stays exactly what the migrations make.
 */
import { sql, type Kysely, type RawBuilder } from "kysely";

import type { DB } from "../../db/schema";
import { seedDemoData } from "../../db/seed";
import {
  GENERATOR_VERSION,
  HEAVY_ACCOUNT_CONTRACTS,
  HEAVY_ACCOUNT_EVERY,
  KB_SENTENCES_PER_LOCALE,
  MAX_CONTACTS_PER_ACCOUNT,
  MAX_LINES_PER_CONTRACT,
  MAX_SNAPSHOTS_PER_CONTRACT,
  OTHER_MAX_CONTRACTS,
  scaleCounts,
  type ScaleCounts,
} from "./scale";
import { BENCH_LOCALES, KB_CATEGORIES, VOCABULARY } from "./vocabulary";

/** The tables the bulk load writes; their keys and indexes are rebuilt after it. */
export const BULK_TABLES = [
  "staff_users",
  "accounts",
  "contacts",
  "contracts",
  "contract_lines",
  "usage_snapshots",
  "kb_articles",
] as const;

export interface SeedStep {
  /** A table name, or a phase ("demo story", "rebuild 61 keys and indexes", "vacuum analyze"). */
  name: string;
  rows: number;
  ms: number;
}

export interface ScaleSeedReport {
  scale: number;
  today: string;
  generator: number;
  counts: ScaleCounts;
  steps: SeedStep[];
  /** Rows per bulk table after the load (demo rows included). */
  rows: Record<string, number>;
  totalMs: number;
}

export interface ScaleSeedOptions {
  scale: number;
  /** ISO date the data is anchored on (contract ends, usage months, article ages). */
  today: string;
  /** Called as each step finishes (the CLI prints it). */
  onStep?: (step: SeedStep) => void;
  /** Called before a long step starts. */
  onStart?: (name: string) => void;
  /** Session memory for index builds; PGlite runs in a WASM heap, so it gets less. */
  maintenanceWorkMem?: string;
}

/**
 * Seeds the scale data set into `db`, which must be migrated and hold no
 * accounts or catalogue yet (seedDemoData refuses otherwise). Runs every
 * statement on one connection, so the session settings apply throughout.
 */
export async function seedScaleData(db: Kysely<DB>, options: ScaleSeedOptions): Promise<ScaleSeedReport> {
  const counts = scaleCounts(options.scale);
  const started = Date.now();
  const steps: SeedStep[] = [];

  return db.connection().execute(async (conn) => {
    const step = async (name: string, run: () => Promise<number>) => {
      options.onStart?.(name);
      const t0 = Date.now();
      const rows = await run();
      const done = { name, rows, ms: Date.now() - t0 };
      steps.push(done);
      options.onStep?.(done);
      return rows;
    };
    const exec = async (query: RawBuilder<unknown>) => Number((await query.execute(conn)).numAffectedRows ?? 0);

    // Refuse before touching anything (helpers, the dataset record): a second
    // run on a seeded database must leave it exactly as it was.
    const existing = await conn.selectFrom("accounts").select("id").limit(1).executeTakeFirst();
    if (existing) throw new Error("seedScaleData: the database already has accounts; seed the scale data set into an empty, migrated database.");

    await sql`set synchronous_commit = off`.execute(conn);
    await sql`set work_mem = '64MB'`.execute(conn);
    const maintenanceWorkMem = options.maintenanceWorkMem ?? "512MB";
    // SET takes no bind parameters, so the value is spliced in: only a plain size.
    if (!/^\d+(kB|MB|GB)$/.test(maintenanceWorkMem)) throw new RangeError(`maintenanceWorkMem must look like 512MB, got ${maintenanceWorkMem}`);
    await sql.raw(`set maintenance_work_mem = '${maintenanceWorkMem}'`).execute(conn);

    await installHelpers(conn);
    await sql`delete from bench.dataset`.execute(conn);
    await sql`insert into bench.dataset (id, scale, generator, today) values (1, ${options.scale}, ${GENERATOR_VERSION}, ${options.today})`.execute(
      conn,
    );

    await step("demo story", async () => {
      const summary = await seedDemoData(conn, { today: options.today });
      return Object.values(summary).reduce((sum, n) => sum + n, 0);
    });

    const keys = await captureKeys(conn);
    const keyCount = keys.constraints.length + keys.indexes.length;
    await step(`drop ${keyCount} keys and indexes`, async () => {
      await dropKeys(conn, keys);
      return 0;
    });

    await step("plan accounts (helper)", () => planAccounts(conn, counts));
    await step("staff_users", () => exec(insertStaff(counts, options.today)));
    await step("accounts", () => exec(insertAccounts(options.today)));
    await step("contacts", () => exec(insertContacts(options.today)));
    await step("contracts", () => exec(insertContracts(options.today)));
    await step("contract_lines", () => exec(insertContractLines()));
    await step("usage_snapshots", () => exec(insertUsage(options.today)));
    await step("kb sentences (helper)", async () => {
      await insertKbSentences().execute(conn);
      await sql`alter table bench.kb_sentences add primary key (locale, idx)`.execute(conn);
      await sql`analyze bench.kb_sentences`.execute(conn);
      const result = await sql<{ n: number }>`select count(*)::integer as n from bench.kb_sentences`.execute(conn);
      return result.rows[0]?.n ?? 0;
    });
    await step("kb_articles", () => exec(insertKbArticles(counts, options.today)));

    await step(`rebuild ${keyCount} keys and indexes`, async () => {
      await restoreKeys(conn, keys);
      return 0;
    });
    await sql`drop table bench.acct, bench.kb_sentences`.execute(conn);
    await step("vacuum analyze", async () => {
      await sql`vacuum (analyze)`.execute(conn);
      return 0;
    });

    const rows = await countRows(conn);
    const report: ScaleSeedReport = {
      scale: options.scale,
      today: options.today,
      generator: GENERATOR_VERSION,
      counts,
      steps,
      rows,
      totalMs: Date.now() - started,
    };
    await sql`update bench.dataset set completed_at = now(), report = ${JSON.stringify(report)}::jsonb where id = 1`.execute(conn);
    return report;
  });
}

// ---------------------------------------------------------------------------
// Helpers in the bench schema
// ---------------------------------------------------------------------------

/**
 * bench.h(key): a 28-bit non-negative integer from md5(key); bench.u: the same
 * in [0, 1); bench.uuid: an RFC 4122 version-4-shaped uuid from md5(key), so
 * ids pass the same uuid validation as real ones. bench.part(m, i) and
 * bench.hex_uuid(m) take an md5 computed once (in a LATERAL … OFFSET 0) and
 * cut up to four independent 28-bit values or a uuid out of it: md5 is the
 * main cost per row, so the big tables hash once per row, not once per value.
 *
 * They are single-expression SQL functions, so the planner inlines them;
 * that needs an IMMUTABLE body, hence `::text` before every `||` (text || uuid
 * is the STABLE textanycat, which would stop the inlining).
 */
async function installHelpers(db: Kysely<DB>) {
  const statements = [
    `create schema if not exists bench`,
    `create table if not exists bench.dataset (
      id integer primary key check (id = 1),
      scale double precision not null,
      generator integer not null,
      today date not null,
      started_at timestamptz not null default now(),
      completed_at timestamptz,
      report jsonb
    )`,
    `create or replace function bench.h(key text) returns integer language sql immutable
      as $$ select ('x' || substr(md5(key), 1, 7))::bit(28)::integer $$`,
    `create or replace function bench.u(key text) returns double precision language sql immutable
      as $$ select ('x' || substr(md5(key), 1, 7))::bit(28)::integer::double precision / 268435456 $$`,
    `create or replace function bench.part(m text, i integer) returns integer language sql immutable
      as $$ select ('x' || substr(m, 1 + 7 * i, 7))::bit(28)::integer $$`,
    `create or replace function bench.hex_uuid(m text) returns uuid language sql immutable
      as $$ select (substr(m, 1, 12) || '4' || substr(m, 14, 3)
        || translate(substr(m, 17, 1), '0123456789abcdef', '89ab89ab89ab89ab') || substr(m, 18, 15))::uuid $$`,
    `create or replace function bench.uuid(key text) returns uuid language sql immutable
      as $$ select bench.hex_uuid(md5(key)) $$`,
    `create or replace function bench.pick(items text[], key text) returns text language sql immutable
      as $$ select items[1 + bench.h(key) % array_length(items, 1)] $$`,
    // Earlier entries come up more often (u²), so some words are common and
    // some rare, as in real text: search selectivity then varies by term.
    `create or replace function bench.pick_skewed(items text[], key text) returns text language sql immutable
      as $$ select items[1 + floor(array_length(items, 1) * bench.u(key) * bench.u(key || '*'))::integer] $$`,
    `create or replace function bench.contract_seats(base_seats integer, contract_id uuid) returns integer language sql immutable
      as $$ select greatest(1, round(base_seats * (0.6 + 0.8 * bench.u('seats' || contract_id::text))))::integer $$`,
    `drop table if exists bench.vocab, bench.acct, bench.kb_sentences`,
    `create unlogged table bench.vocab (
      locale text primary key, ord integer not null, joiner text not null, list_sep text not null,
      sentence_tpl text not null, title_tpls text[] not null, subjects text[] not null, modals text[] not null,
      verbs text[] not null, objects text[] not null, places text[] not null, tails text[] not null,
      headings text[] not null, hit_sentence text not null, hit_title text not null,
      company_tpl text not null, company_a text[] not null, company_b text[] not null, company_c text[] not null,
      person_tpl text not null, person_first text[] not null, person_last text[] not null, job_titles text[] not null
    )`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);

  // Sent as one JSON document: arrays as bind parameters serialise
  // differently on pg and PGlite, JSON text does not.
  const vocab = BENCH_LOCALES.map((locale, ord) => ({ locale, ord, ...VOCABULARY[locale] }));
  const arr = (field: string) => sql.raw(`array(select jsonb_array_elements_text(v.value -> '${field}'))`);
  const txt = (field: string) => sql.raw(`v.value ->> '${field}'`);
  await sql`
    insert into bench.vocab
    select ${txt("locale")}, (${txt("ord")})::integer, ${txt("joiner")}, ${txt("listSeparator")},
      ${txt("sentenceTemplate")}, ${arr("titleTemplates")}, ${arr("subjects")}, ${arr("modals")},
      ${arr("verbs")}, ${arr("objects")}, ${arr("places")}, ${arr("tails")},
      ${arr("headings")}, ${txt("hitSentence")}, ${txt("hitTitle")},
      ${txt("companyTemplate")}, ${arr("companyA")}, ${arr("companyB")}, ${arr("companyC")},
      ${txt("personTemplate")}, ${arr("personFirst")}, ${arr("personLast")}, ${arr("jobTitles")}
    from jsonb_array_elements(${JSON.stringify(vocab)}::jsonb) v
  `.execute(db);
}

// ---------------------------------------------------------------------------
// Keys and indexes: dropped before the load, rebuilt after it
// ---------------------------------------------------------------------------

interface SavedKeys {
  constraints: { name: string; table: string; type: "p" | "u" | "f"; definition: string }[];
  indexes: { name: string; definition: string }[];
}

const bulkTableList = () => sql.join(BULK_TABLES.map((table) => sql.lit(table)));

/** Read from the catalogue, so whatever later migrations add is rebuilt too. */
async function captureKeys(db: Kysely<DB>): Promise<SavedKeys> {
  const constraints = await sql<SavedKeys["constraints"][number]>`
    select c.conname as name, c.conrelid::regclass::text as table, c.contype as type,
      pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
    where c.connamespace = 'public'::regnamespace
      and (
        (c.contype in ('p', 'u', 'f') and c.conrelid::regclass::text in (${bulkTableList()}))
        or (c.contype = 'f' and c.confrelid::regclass::text in (${bulkTableList()}))
      )
    order by c.conname
  `.execute(db);
  const indexes = await sql<SavedKeys["indexes"][number]>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i
    where i.indrelid::regclass::text in (${bulkTableList()})
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)
    order by 1
  `.execute(db);
  return { constraints: constraints.rows, indexes: indexes.rows };
}

async function dropKeys(db: Kysely<DB>, keys: SavedKeys) {
  // Foreign keys first: a primary key cannot go while one still points at it.
  const order = { f: 0, u: 1, p: 2 } as const;
  for (const c of [...keys.constraints].sort((a, b) => order[a.type] - order[b.type])) {
    await sql.raw(`alter table ${c.table} drop constraint ${c.name}`).execute(db);
  }
  for (const index of keys.indexes) await sql.raw(`drop index ${index.name}`).execute(db);
}

async function restoreKeys(db: Kysely<DB>, keys: SavedKeys) {
  const order = { p: 0, u: 1, f: 2 } as const;
  const constraints = [...keys.constraints].sort((a, b) => order[a.type] - order[b.type]);
  for (const c of constraints.filter((c) => c.type !== "f")) {
    await sql.raw(`alter table ${c.table} add constraint ${c.name} ${c.definition}`).execute(db);
  }
  for (const index of keys.indexes) await sql.raw(index.definition).execute(db);
  for (const c of constraints.filter((c) => c.type === "f")) {
    await sql.raw(`alter table ${c.table} add constraint ${c.name} ${c.definition}`).execute(db);
  }
}

// ---------------------------------------------------------------------------
// The bulk tables
// ---------------------------------------------------------------------------

/**
 * One helper row per bulk account with everything later inserts derive from
 * it (locale, currency, segment, seat base, how many contracts and contacts).
 * Account number i is 1-based; every HEAVY_ACCOUNT_EVERY-th is a heavy one.
 */
async function planAccounts(db: Kysely<DB>, counts: ScaleCounts): Promise<number> {
  await sql`
    create unlogged table bench.acct as
    select i, bench.uuid('account-' || i) as id, geo.country, geo.currency, geo.locale, seg.segment,
      case seg.segment
        when 'smb' then 5 + bench.h('seats' || i) % 26
        when 'mid_market' then 30 + bench.h('seats' || i) % 171
        when 'enterprise' then 200 + bench.h('seats' || i) % 1801
        else 50 + bench.h('seats' || i) % 451
      end as base_seats,
      k.contracts,
      -- Contracts run in parallel "lanes" (subscriptions) of up to five renewal generations each.
      (k.contracts + 4) / 5 as lanes,
      1 + bench.h('contacts' || i) % ${MAX_CONTACTS_PER_ACCOUNT} as contacts,
      1 + bench.h('owner' || i) % ${counts.staffUsers} as owner_n
    from generate_series(1, ${counts.accounts}) i
    cross join lateral (select bench.h('geo' || i) % 100 as b, bench.h('segment' || i) % 100 as s offset 0) g
    cross join lateral (select
        case when g.b < 25 then 'US' when g.b < 35 then 'GB' when g.b < 45 then 'AU'
             when g.b < 70 then 'MY' when g.b < 85 then 'CN' else 'TW' end as country,
        case when g.b < 45 then 'USD' when g.b < 70 then 'MYR' when g.b < 85 then 'CNY' else 'TWD' end as currency,
        case when g.b < 45 then 'en' when g.b < 70 then 'ms' when g.b < 85 then 'zh-Hans' else 'zh-Hant' end as locale
      ) geo
    cross join lateral (select case
        when g.s < 50 then 'smb' when g.s < 80 then 'mid_market' when g.s < 95 then 'enterprise'
        else 'public_sector' end as segment offset 0) seg
    cross join lateral (select case when i % ${HEAVY_ACCOUNT_EVERY} = 0 then ${HEAVY_ACCOUNT_CONTRACTS}
        else 1 + bench.h('contracts' || i) % ${OTHER_MAX_CONTRACTS} end as contracts) k
  `.execute(db);
  return counts.accounts;
}

function insertStaff(counts: ScaleCounts, today: string) {
  return sql`
    insert into staff_users (id, email, name, role, locale, created_at)
    select bench.uuid('staff-' || n),
      'staff' || lpad(n::text, 5, '0') || '@bench.customer365.example',
      replace(replace(v.person_tpl, '{f}', bench.pick(v.person_first, 'sf' || n)), '{l}', bench.pick(v.person_last, 'sl' || n)),
      case when n % 20 = 0 then 'admin' when n % 6 = 0 then 'renewals' else 'csm' end,
      v.locale,
      ${today}::timestamptz - make_interval(days => 30 + bench.h('staff-since' || n) % 2000)
    from generate_series(1, ${counts.staffUsers}) n
    join bench.vocab v on v.ord = n % 4
  `;
}

function insertAccounts(today: string) {
  return sql`
    insert into accounts (id, name, segment, country, currency, locale, owner_staff_id, created_at)
    select a.id,
      replace(replace(replace(v.company_tpl,
        '{a}', bench.pick(v.company_a, 'ca' || a.i)),
        '{b}', bench.pick(v.company_b, 'cb' || a.i)),
        '{c}', bench.pick(v.company_c, 'cc' || a.i)),
      a.segment, a.country, a.currency, a.locale, bench.uuid('staff-' || a.owner_n),
      ${today}::timestamptz - make_interval(days => 400 + bench.h('account-since' || a.i) % 3000)
    from bench.acct a
    join bench.vocab v on v.locale = a.locale
  `;
}

/** Contact 1 of every account is its admin (the one a benchmark signs in as), 2 an approver, 3 a buyer. */
function insertContacts(today: string) {
  return sql`
    insert into contacts (id, account_id, email, name, job_title, phone, role, locale, created_at)
    select bench.uuid('contact-' || a.i || '-' || c), a.id,
      'contact' || c || '@account' || a.i || '.bench.example',
      replace(replace(v.person_tpl,
        '{f}', bench.pick(v.person_first, 'pf' || a.i || '-' || c)),
        '{l}', bench.pick(v.person_last, 'pl' || a.i || '-' || c)),
      bench.pick(v.job_titles, 'pj' || a.i || '-' || c),
      null,
      case c when 1 then 'admin' when 2 then 'approver' when 3 then 'buyer' else 'user' end,
      a.locale,
      ${today}::timestamptz - make_interval(days => bench.h('contact-since' || a.i || '-' || c) % 1500)
    from bench.acct a
    join bench.vocab v on v.locale = a.locale
    cross join generate_series(1, a.contacts) c
  `;
}

/**
 * Contract j of account i sits in lane (j-1) % lanes, generation (j-1) / lanes.
 * The last generation of a lane is the current term (ending between 40 days
 * ago and a year from now: active, in grace, a few ended or cancelled); the
 * earlier ones were renewed, each succeeded by the next, one year per term.
 */
function insertContracts(today: string) {
  return sql`
    insert into contracts (id, number, account_id, previous_contract_id, term_start, term_end, status,
      auto_renew, currency, renewed_at, cancelled_at, created_at)
    select bench.hex_uuid(x.m),
      'BENCH-' || lpad(a.i::text, 7, '0') || '-' || lpad(j::text, 2, '0'),
      a.id,
      case when j > a.lanes then bench.uuid('contract-' || a.i || '-' || (j - a.lanes)) end,
      (t.term_end - interval '1 year' + interval '1 day')::date,
      t.term_end,
      s.status,
      bench.part(x.m, 0) % 5 = 0,
      a.currency,
      case when s.status = 'renewed'
        then (t.term_end - bench.part(x.m, 1) % 120 + time '10:00') at time zone 'UTC' end,
      case when s.status = 'cancelled'
        then (${today}::date - bench.part(x.m, 2) % 60 + time '11:00') at time zone 'UTC' end,
      (t.term_end - interval '1 year' - make_interval(days => 1 + bench.part(x.m, 3) % 60)) at time zone 'UTC'
    from bench.acct a
    cross join generate_series(1, a.contracts) j
    -- OFFSET 0 keeps each LATERAL a separate step: flattened, every reference
    -- to its columns would recompute them (md5s and all).
    cross join lateral (select md5('contract-' || a.i || '-' || j) as m, (j - 1) % a.lanes as lane,
      (j - 1) / a.lanes as gen, (a.contracts - 1 - (j - 1) % a.lanes) / a.lanes as last_gen offset 0) x
    cross join lateral (select ((${today}::date + (-40 + bench.h('end' || a.i || '-' || x.lane) % 406))
      - make_interval(years => x.last_gen - x.gen))::date as term_end offset 0) t
    cross join lateral (select case
        when x.gen < x.last_gen then 'renewed'
        when t.term_end < ${today}::date - 30 then 'ended'
        when (bench.part(x.m, 0) / 5) % 40 = 0 then 'cancelled'
        else 'active' end as status offset 0) s
  `;
}

/**
 * The plan first, then 0..2 distinct add-ons; list price in the contract's
 * currency less a negotiated 0–10 % for enterprise and public sector, in
 * whole major units (integer arithmetic on minor units: TWD stays whole).
 */
function insertContractLines() {
  return sql`
    insert into contract_lines (id, contract_id, product_id, quantity, unit_amount, position)
    select bench.hex_uuid(l.m), c.id, p.id,
      case when p.pricing_model = 'per_seat' then x.seats
           else least(p.max_quantity, 1 + bench.part(l.m, 0) % 3) end,
      (pp.unit_amount * (1000 - s.discount_permille) / 100000) * 100,
      n
    from contracts c
    join bench.acct a on a.id = c.account_id
    cross join (select
        array_agg(id order by tier) filter (where kind = 'plan') as plans,
        array_agg(id order by code) filter (where kind = 'addon') as addons
      from products) cat
    cross join lateral (select md5('lines' || c.id::text) as m, bench.contract_seats(a.base_seats, c.id) as seats offset 0) x
    cross join lateral (select
        1 + bench.part(x.m, 0) % ${MAX_LINES_PER_CONTRACT} as lines,
        bench.part(x.m, 1) % array_length(cat.plans, 1) as plan,
        bench.part(x.m, 2) % array_length(cat.addons, 1) as addon1,
        bench.part(x.m, 3) % (array_length(cat.addons, 1) - 1) as addon2,
        case when a.segment in ('enterprise', 'public_sector') then bench.h('discount' || c.id::text) % 101 else 0 end
          as discount_permille offset 0) s
    cross join generate_series(0, s.lines - 1) n
    cross join lateral (select md5('line-' || c.id::text || '-' || n) as m offset 0) l
    join products p on p.id = case n
        when 0 then cat.plans[1 + s.plan]
        when 1 then cat.addons[1 + s.addon1]
        else cat.addons[1 + (s.addon1 + 1 + s.addon2) % array_length(cat.addons, 1)] end
    join product_prices pp on pp.product_id = p.id and pp.currency = c.currency
    where c.number like 'BENCH-%'
  `;
}

/** The last 1..10 months of each term up to today (never before the term started). */
function insertUsage(today: string) {
  return sql`
    insert into usage_snapshots (contract_id, period_start, seats_active, logins, core_actions, records_processed, feature_usage)
    select c.id, (x.last_month - make_interval(months => k))::date,
      u.seats_active, v.logins, v.core_actions,
      v.core_actions::bigint * (10 + bench.part(r.m, 3) % 80),
      jsonb_build_object(
        'workflows', v.core_actions * 6 / 100,
        'reports', u.seats_active * 14 / 10,
        'dashboards', u.seats_active * 35 / 100,
        'automations', case when bench.part(x.m, 1) % 3 = 0 then v.core_actions / 40 else 0 end)
    from contracts c
    join bench.acct a on a.id = c.account_id
    cross join lateral (select md5('usage' || c.id::text) as m, bench.contract_seats(a.base_seats, c.id) as seats,
      date_trunc('month', least(c.term_end, ${today}::date)::timestamp)::date as last_month,
      date_trunc('month', c.term_start::timestamp)::date as first_month offset 0) x
    cross join lateral (select least(1 + bench.part(x.m, 0) % ${MAX_SNAPSHOTS_PER_CONTRACT},
      (extract(year from x.last_month)::integer - extract(year from x.first_month)::integer) * 12
        + extract(month from x.last_month)::integer - extract(month from x.first_month)::integer + 1) as months offset 0) s
    cross join generate_series(0, s.months - 1) k
    cross join lateral (select md5(x.m || k::text) as m offset 0) r
    cross join lateral (select round(x.seats * (0.4 + 0.65 * bench.part(r.m, 0)::double precision / 268435456))::integer
      as seats_active offset 0) u
    cross join lateral (select u.seats_active * (8 + bench.part(r.m, 1) % 20) as logins,
      u.seats_active * (20 + bench.part(r.m, 2) % 60) as core_actions offset 0) v
    where c.number like 'BENCH-%'
  `;
}

/**
 * KB_SENTENCES_PER_LOCALE sentences per locale; sentence n picks the same
 * slots in every locale, so it is the same sentence in four languages.
 */
function insertKbSentences() {
  return sql`
    create unlogged table bench.kb_sentences as
    select v.locale, idx,
      replace(replace(replace(replace(replace(replace(v.sentence_tpl,
        '{s}', bench.pick(v.subjects, 'subject' || idx)),
        '{m}', bench.pick(v.modals, 'modal' || idx)),
        '{v}', bench.pick_skewed(v.verbs, 'verb' || idx)),
        '{o}', bench.pick_skewed(v.objects, 'object' || idx)),
        '{p}', bench.pick(v.places, 'place' || idx)),
        '{t}', case when bench.h('has-tail' || idx) % 3 = 0 then bench.pick(v.tails, 'tail' || idx) else '' end) as text
    from bench.vocab v
    cross join generate_series(0, ${KB_SENTENCES_PER_LOCALE - 1}) idx
  `;
}

/**
 * Article n (same slug in every locale): a title from one of five shapes, a
 * summary sentence, 2–4 sections of 3–6 sentences, three keywords. Every
 * `stride`-th article, up to kbHitsPerLocale of them, carries the hit sentence
 * (and every third of those the hit title); hit articles are always published.
 */
function insertKbArticles(counts: ScaleCounts, today: string) {
  const stride = Math.floor(counts.kbArticlesPerLocale / counts.kbHitsPerLocale);
  const sentences = KB_SENTENCES_PER_LOCALE;
  const categories = sql.join(KB_CATEGORIES.map((category) => sql.lit(category)));
  return sql`
    insert into kb_articles (id, slug, locale, category, title, summary, body_md, body_html, keywords,
      published, views, created_at, updated_at)
    select bench.uuid('kb-' || v.locale || '-' || n),
      'kb-' || lpad(n::text, 6, '0'),
      v.locale,
      (array[${categories}])[1 + bench.h('category' || n) % ${KB_CATEGORIES.length}],
      case when h.hit and (n / ${stride}) % 3 = 1 then v.hit_title
        else replace(replace(replace(v.title_tpls[1 + bench.h('title' || n) % array_length(v.title_tpls, 1)],
          '{v}', bench.pick_skewed(v.verbs, 'title-verb' || n)),
          '{o}', bench.pick_skewed(v.objects, 'title-object' || n)),
          '{p}', bench.pick(v.places, 'title-place' || n)) end,
      summary.text,
      body.md,
      body.html,
      bench.pick(v.objects, 'keyword1' || n) || v.list_sep || bench.pick(v.objects, 'keyword2' || n)
        || v.list_sep || bench.pick(v.objects, 'keyword3' || n),
      h.hit or bench.h('published' || n) % 25 <> 0,
      bench.h('views' || n) % 5000,
      t.created_at,
      t.created_at + make_interval(days => bench.h('edited' || n) % 120)
    from bench.vocab v
    cross join generate_series(1, ${counts.kbArticlesPerLocale}) n
    cross join lateral (select n % ${stride} = 0 and n / ${stride} <= ${counts.kbHitsPerLocale} as hit offset 0) h
    cross join lateral (select ${today}::timestamptz - make_interval(days => 130 + bench.h('written' || n) % 900) as created_at offset 0) t
    join bench.kb_sentences summary on summary.locale = v.locale and summary.idx = bench.h('summary' || n) % ${sentences}
    cross join lateral (
      select
        string_agg('## ' || sec.heading || E'\n\n' || sec.para, E'\n\n' order by sec.k) as md,
        string_agg('<h2>' || sec.heading || E'</h2>\n<p>' || sec.para || '</p>', E'\n' order by sec.k) as html
      from (
        select k,
          v.headings[1 + (bench.h('headings' || n) + k) % array_length(v.headings, 1)] as heading,
          -- Constant generate_series bounds and a filter, not computed
          -- bounds: the planner then expects a handful of rows and looks
          -- sentences up by index instead of hashing all of them each time.
          (select string_agg(s.text, v.joiner order by q)
             from generate_series(1, 6) q
             join bench.kb_sentences s on s.locale = v.locale
               and s.idx = bench.h('sentence' || n || '-' || k || '-' || q) % ${sentences}
             where q <= 3 + bench.h('sentences' || n || '-' || k) % 4)
            || case when k = 1 and h.hit then v.joiner || v.hit_sentence else '' end as para
        from generate_series(1, 4) k
        where k <= 2 + bench.h('sections' || n) % 3
      ) sec
    ) body
  `;
}

async function countRows(db: Kysely<DB>): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const table of BULK_TABLES) {
    const result = await sql<{ n: number }>`select count(*)::integer as n from ${sql.table(table)}`.execute(db);
    rows[table] = result.rows[0]?.n ?? 0;
  }
  return rows;
}
