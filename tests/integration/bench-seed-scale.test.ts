import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../app/lib/db.server";
import { loadBenchContext } from "../../bench/lib/context";
import { readDataset } from "../../bench/lib/database";
import { GENERATOR_VERSION } from "../../bench/lib/scale";
import { seedScaleData, type ScaleSeedReport } from "../../bench/lib/seed";
import { BENCH_KB_QUERIES, BENCH_LOCALES } from "../../bench/lib/vocabulary";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The scale data set at its smallest scale (100 accounts, ~1,000 contracts):
 * the shapes the benchmarks rely on, the schema intact afterwards, and the
 * same rows on a second run. Runs on PostgreSQL with TEST_DATABASE_URL, on
 * PGlite otherwise, like every integration test.
 */
const TODAY = "2026-11-25";
const SCALE = 0.001;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let database: TestDatabase;
let db: Database;
let report: ScaleSeedReport;
let schemaBefore: string[];

/** Every constraint and index of the public schema, by name and definition. */
async function schemaShape(target: Database): Promise<string[]> {
  const constraints = await sql<{ d: string }>`
    select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as d
    from pg_constraint where connamespace = 'public'::regnamespace`.execute(target);
  const indexes = await sql<{ d: string }>`
    select indexdef as d from pg_indexes where schemaname = 'public'`.execute(target);
  return [...constraints.rows, ...indexes.rows].map((row) => row.d).sort();
}

/** A digest of what the seed wrote, to compare two runs. */
async function fingerprint(target: Database) {
  const result = await sql<{ contracts: string; lines: string; usage: string; kb: string; accounts: string }>`
    select
      (select md5(string_agg(concat_ws('|', id, number, term_end, status, previous_contract_id, renewed_at), ',' order by id)) from contracts) as contracts,
      (select md5(string_agg(concat_ws('|', id, contract_id, product_id, quantity, unit_amount), ',' order by id)) from contract_lines) as lines,
      (select md5(string_agg(concat_ws('|', contract_id, period_start, seats_active, logins, records_processed, feature_usage), ',' order by contract_id, period_start)) from usage_snapshots) as usage,
      (select md5(string_agg(concat_ws('|', id, title, body_md, published), ',' order by id)) from kb_articles) as kb,
      (select md5(string_agg(concat_ws('|', id, name, segment, currency, owner_staff_id), ',' order by id)) from accounts) as accounts
  `.execute(target);
  return result.rows[0];
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  schemaBefore = await schemaShape(db);
  report = await seedScaleData(db, { scale: SCALE, today: TODAY });
}, 120_000);

afterAll(async () => {
  await database?.handle.close();
});

describe("seedScaleData", () => {
  it("loads the bulk on top of the demo story and reports every table", async () => {
    const accounts = await sql<{ bulk: number; all: number }>`
      select count(*) filter (where exists (
          select 1 from contracts c where c.account_id = a.id and c.number like 'BENCH-%'))::integer as bulk,
        count(*)::integer as all
      from accounts a`.execute(db);
    expect(accounts.rows[0]!.bulk).toBe(100);
    expect(accounts.rows[0]!.all).toBeGreaterThan(100);
    // The demo identities are still there for benchmarks that want them.
    const amelia = await db.selectFrom("contacts").select("email").where("email", "=", "amelia.hart@northwind.example").executeTakeFirst();
    expect(amelia).toBeDefined();

    const steps = Object.fromEntries(report.steps.map((step) => [step.name, step.rows]));
    expect(steps.accounts).toBe(100);
    expect(steps.contracts).toBeGreaterThan(700);
    expect(steps.usage_snapshots).toBeGreaterThan(3 * steps.contracts!);
    expect(steps.kb_articles).toBe(80);
    // The report's row counts are the tables' real counts, demo rows included.
    expect(report.rows.accounts).toBe(accounts.rows[0]!.all);
    expect(report.rows.contracts).toBeGreaterThan(steps.contracts!);
  });

  it("gives every 100th account exactly 50 contracts in renewal chains", async () => {
    const heavy = await sql<{ n: number }>`
      select count(*)::integer as n from contracts where account_id = bench.uuid('account-100')`.execute(db);
    expect(heavy.rows[0]?.n).toBe(50);

    const perAccount = await sql<{ min: number; max: number; avg: number }>`
      select min(n)::integer as min, max(n)::integer as max, avg(n)::float8 as avg from (
        select count(*) as n from contracts where number like 'BENCH-%' group by account_id) t`.execute(db);
    expect(perAccount.rows[0]).toMatchObject({ min: 1, max: 50 });
    expect(perAccount.rows[0]!.avg).toBeGreaterThan(6);
    expect(perAccount.rows[0]!.avg).toBeLessThan(14);

    // Every renewed term has exactly one successor that starts the day after it ends.
    const chains = await sql<{ renewed: number; linked: number; gaps: number }>`
      select count(*)::integer as renewed,
        count(next.id)::integer as linked,
        count(*) filter (where next.term_start <> old.term_end + 1)::integer as gaps
      from contracts old left join contracts next on next.previous_contract_id = old.id
      where old.status = 'renewed' and old.number like 'BENCH-%'`.execute(db);
    expect(chains.rows[0]!.renewed).toBeGreaterThan(100);
    expect(chains.rows[0]).toMatchObject({ linked: chains.rows[0]!.renewed, gaps: 0 });

    const statuses = await sql<{ status: string }>`select distinct status from contracts where number like 'BENCH-%' order by 1`.execute(db);
    expect(statuses.rows.map((row) => row.status)).toEqual(expect.arrayContaining(["active", "renewed"]));
  });

  it("prices lines from the catalogue in the account's currency, in whole major units", async () => {
    // Result columns come back camelCased (the app's CamelCasePlugin).
    const lines = await sql<{ badCurrency: number; notWhole: number; noPlan: number; lines: number; contracts: number }>`
      select
        count(*) filter (where c.currency <> a.currency)::integer as bad_currency,
        count(*) filter (where l.unit_amount % 100 <> 0 or l.unit_amount <= 0)::integer as not_whole,
        (select count(*)::integer from contracts c2 where c2.number like 'BENCH-%' and not exists (
          select 1 from contract_lines l2 join products p2 on p2.id = l2.product_id
          where l2.contract_id = c2.id and l2.position = 0 and p2.kind = 'plan')) as no_plan,
        count(*)::integer as lines,
        count(distinct c.id)::integer as contracts
      from contract_lines l join contracts c on c.id = l.contract_id join accounts a on a.id = c.account_id
      where c.number like 'BENCH-%'`.execute(db);
    expect(lines.rows[0]).toMatchObject({ badCurrency: 0, notWhole: 0, noPlan: 0 });
    expect(lines.rows[0]!.lines / lines.rows[0]!.contracts).toBeGreaterThan(1.5);
  });

  it("writes monthly usage inside each term, never after today", async () => {
    const usage = await sql<{ outside: number; future: number; contractsWithout: number }>`
      select
        count(*) filter (where u.period_start < date_trunc('month', c.term_start) or u.period_start > c.term_end)::integer as outside,
        count(*) filter (where u.period_start > ${TODAY}::date)::integer as future,
        (select count(*)::integer from contracts c2 where c2.number like 'BENCH-%'
          and not exists (select 1 from usage_snapshots u2 where u2.contract_id = c2.id)) as contracts_without
      from usage_snapshots u join contracts c on c.id = u.contract_id
      where c.number like 'BENCH-%'`.execute(db);
    expect(usage.rows[0]).toMatchObject({ outside: 0, future: 0, contractsWithout: 0 });
  });

  it("uses version-4 uuids, which pass the same validation as real ids", async () => {
    const ids = await sql<{ id: string }>`
      (select id::text from accounts order by id limit 20) union all
      (select id::text from contracts order by id limit 20) union all
      (select id::text from kb_articles order by id limit 20)`.execute(db);
    for (const { id } of ids.rows) expect(id).toMatch(UUID_V4);
  });

  it("writes KB articles in four languages that full-text and substring search can hit and miss", async () => {
    const perLocale = await sql<{ locale: string; n: number; placeholders: number }>`
      select locale, count(*)::integer as n,
        count(*) filter (where title like '%{%' or body_md like '%{%')::integer as placeholders
      from kb_articles group by locale order by locale`.execute(db);
    expect(perLocale.rows).toEqual(BENCH_LOCALES.map((locale) => ({ locale, n: 20, placeholders: 0 })).sort((a, b) => a.locale.localeCompare(b.locale)));

    const english = await sql<{ hits: number; misses: number; common: number }>`
      select
        count(*) filter (where search_vector @@ websearch_to_tsquery('english', ${BENCH_KB_QUERIES.en.hit}))::integer as hits,
        count(*) filter (where search_vector @@ websearch_to_tsquery('english', ${BENCH_KB_QUERIES.en.miss}))::integer as misses,
        count(*) filter (where search_vector @@ websearch_to_tsquery('english', 'invoice'))::integer as common
      from kb_articles where locale = 'en' and published`.execute(db);
    // min(36, 20 / 4) hit articles per locale at this scale.
    expect(english.rows[0]).toMatchObject({ hits: 5, misses: 0 });
    expect(english.rows[0]!.common).toBeGreaterThan(5);

    for (const locale of ["ms", "zh-Hans", "zh-Hant"] as const) {
      const { hit, miss } = BENCH_KB_QUERIES[locale];
      const found = await sql<{ hits: number; misses: number }>`
        select count(*) filter (where body_md like ${`%${hit}%`})::integer as hits,
          count(*) filter (where body_md like ${`%${miss}%`} or title like ${`%${miss}%`})::integer as misses
        from kb_articles where locale = ${locale} and published`.execute(db);
      expect(found.rows[0], locale).toEqual({ hits: 5, misses: 0 });
    }

    const article = await db.selectFrom("kbArticles").select(["bodyMd", "bodyHtml", "title"]).where("locale", "=", "zh-Hant").where("slug", "=", "kb-000004").executeTakeFirstOrThrow();
    expect(article.bodyMd).toMatch(/^## \S/);
    expect(article.bodyHtml).toMatch(/^<h2>[^<]+<\/h2>\n<p>/);
    expect(article.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it("leaves every constraint and index of the schema as the migrations made them", async () => {
    expect(await schemaShape(db)).toEqual(schemaBefore);
  });

  it("records the finished data set, which the bench reads to reuse it", async () => {
    const dataset = await readDataset(db);
    expect(dataset).toMatchObject({ scale: SCALE, generator: GENERATOR_VERSION, today: TODAY });
    expect(dataset?.completedAt).toBeInstanceOf(Date);
    expect(dataset?.report?.rows.kb_articles).toBe(80);
  });

  it("gives the bench a 50-contract account, its admin and a contract up for renewal", async () => {
    const ctx = await loadBenchContext(db, { scale: SCALE, today: TODAY });
    expect(ctx.heavyAccount).toMatchObject({ contractCount: 50, admin: { email: "contact1@account100.bench.example" } });
    const contract = await db.selectFrom("contracts").select(["accountId", "status", "termEnd"]).where("id", "=", ctx.heavyAccount.renewalContractId).executeTakeFirstOrThrow();
    expect(contract).toMatchObject({ accountId: ctx.heavyAccount.id, status: "active" });
    expect(contract.termEnd >= TODAY).toBe(true);
    expect(ctx.staff.email).toMatch(/@bench\.customer365\.example$/);
  });

  it("refuses a database that already has data, and changes nothing", async () => {
    const before = await fingerprint(db);
    const datasetBefore = await readDataset(db);
    await expect(seedScaleData(db, { scale: SCALE, today: TODAY })).rejects.toThrow(/already has accounts/);
    expect(await fingerprint(db)).toEqual(before);
    expect(await readDataset(db)).toEqual(datasetBefore);
  });

  it("writes the same rows, ids included, on another database", async () => {
    const second = await createTestDatabase();
    try {
      await seedScaleData(second.db, { scale: SCALE, today: TODAY });
      expect(await fingerprint(second.db)).toEqual(await fingerprint(db));
    } finally {
      await second.handle.close();
    }
  }, 120_000);
});
