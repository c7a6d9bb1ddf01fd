/**
 * npm run bench:explain [-- --pglite] — EXPLAIN (ANALYZE, BUFFERS) of the
 * queries the benchmarked pages stand on, against the seeded bench database,
 * to see why a number moved (a lost index, a plan flip, a cold cache).
 *
 * The pages' model functions do not exist yet, so these are the shapes they
 * will need (the heavy account's 50 contracts with totals, a year of usage, a
 * renewal's lines and incentive rules, KB search hit and miss, the staff
 * pipeline). When a model lands, replace its entry with a call that compiles
 * the model's own query, so this file explains what the page really runs.
 */
import { sql, type Compilable, type Kysely } from "kysely";

import type { DB } from "../db/schema";
import { parseSeedArgs, SEED_USAGE, UsageError } from "./lib/args";
import { loadBenchContext, type BenchContext } from "./lib/context";
import { benchDatabase, isReusable, openBench, readDataset } from "./lib/database";

type Ctx = Omit<BenchContext, "baseUrl">;

const queries: { name: string; build: (db: Kysely<DB>, ctx: Ctx) => Compilable }[] = [
  {
    name: "account home: the heavy account's contracts with yearly totals",
    build: (db, ctx) =>
      db
        .selectFrom("contracts as c")
        .leftJoin("contractLines as l", "l.contractId", "c.id")
        .select(["c.id", "c.number", "c.termStart", "c.termEnd", "c.status", "c.currency"])
        .select(sql<number>`coalesce(sum(l.quantity * l.unit_amount), 0)`.as("yearlyTotal"))
        .where("c.accountId", "=", ctx.heavyAccount.id)
        .groupBy("c.id")
        .orderBy("c.termEnd", "desc"),
  },
  {
    name: "contract page: the last 12 months of usage",
    build: (db, ctx) =>
      db
        .selectFrom("usageSnapshots")
        .select(["periodStart", "seatsActive", "logins", "coreActions", "recordsProcessed", "featureUsage"])
        .where("contractId", "=", ctx.heavyAccount.renewalContractId)
        .orderBy("periodStart", "desc")
        .limit(12),
  },
  {
    name: "renewal page: lines at today's list price",
    build: (db, ctx) =>
      db
        .selectFrom("contractLines as l")
        .innerJoin("contracts as c", "c.id", "l.contractId")
        .innerJoin("products as p", "p.id", "l.productId")
        .innerJoin("productPrices as pp", (join) => join.onRef("pp.productId", "=", "p.id").onRef("pp.currency", "=", "c.currency"))
        .select(["p.code", "p.pricingModel", "l.quantity", "l.unitAmount", "pp.unitAmount as listAmount"])
        .where("c.id", "=", ctx.heavyAccount.renewalContractId)
        .orderBy("l.position"),
  },
  {
    name: "renewal page: incentive rules in force today",
    build: (db, ctx) =>
      db
        .selectFrom("incentiveRules")
        .selectAll()
        .where("active", "=", true)
        .where("effectiveFrom", "<=", ctx.dataset.today)
        .where((eb) => eb.or([eb("effectiveTo", "is", null), eb("effectiveTo", ">=", ctx.dataset.today)])),
  },
  kbFullTextSearch("hit"),
  kbFullTextSearch("miss"),
  {
    name: "kb search (hit, zh-Hans, substring: no index serves it)",
    build: (db, ctx) =>
      db
        .selectFrom("kbArticles")
        .select(["id", "slug", "title"])
        .where("locale", "=", "zh-Hans")
        .where("published", "=", true)
        .where((eb) => eb.or([eb("title", "like", `%${ctx.kbQueries["zh-Hans"].hit}%`), eb("bodyMd", "like", `%${ctx.kbQueries["zh-Hans"].hit}%`)]))
        .limit(20),
  },
  {
    name: "staff pipeline: the CSM's active contracts ending in the next 120 days",
    build: (db, ctx) =>
      db
        .selectFrom("contracts as c")
        .innerJoin("accounts as a", "a.id", "c.accountId")
        .select(["c.id", "c.number", "c.termEnd", "a.name", "a.segment"])
        .where("a.ownerStaffId", "=", ctx.staff.id)
        .where("c.status", "=", "active")
        .where("c.termEnd", ">=", ctx.dataset.today)
        .where("c.termEnd", "<=", sql<string>`${ctx.dataset.today}::date + 120`)
        .orderBy("c.termEnd")
        .limit(50),
  },
];

function kbFullTextSearch(kind: "hit" | "miss") {
  return {
    name: `kb search (${kind}, en, full text)`,
    build: (db: Kysely<DB>, ctx: Ctx) => {
      const query = sql`websearch_to_tsquery('english', ${ctx.kbQueries.en[kind]})`;
      return db
        .selectFrom("kbArticles")
        .select(["id", "slug", "title"])
        .select(sql<number>`ts_rank(search_vector, ${query})`.as("rank"))
        .where("locale", "=", "en")
        .where("published", "=", true)
        .where(sql<boolean>`search_vector @@ ${query}`)
        .orderBy("rank", "desc")
        .limit(20);
    },
  };
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseSeedArgs(process.argv.slice(2).filter((arg) => arg === "--pglite" || arg === "--help" || arg === "-h"));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (!args) {
    console.log(`Usage: npm run bench:explain [-- --pglite]\n\nExplains the key queries on the bench database seeded by:\n${SEED_USAGE}`);
    return 0;
  }
  const target = benchDatabase({ pglite: args.pglite });
  const handle = await openBench(target, 1);
  try {
    const dataset = await readDataset(handle.db).catch(() => undefined);
    if (!dataset || !isReusable(dataset, dataset.scale)) {
      console.error(`${target.kind} ${target.name} holds no finished data set: run \`npm run bench\` or \`tsx bench/seed-scale.ts\` first.`);
      return 1;
    }
    const ctx = await loadBenchContext(handle.db, dataset);
    console.log(`${target.kind} ${target.name}, scale ${dataset.scale}, seeded for ${dataset.today}\n`);
    for (const query of queries) {
      const compiled = query.build(handle.db, ctx).compile();
      const plan = await handle.db.executeQuery<{ "QUERY PLAN": string }>({
        ...compiled,
        sql: `explain (analyze, buffers) ${compiled.sql}`,
      });
      console.log(`== ${query.name}\n${plan.rows.map((row) => Object.values(row)[0]).join("\n")}\n`);
    }
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`explain failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
