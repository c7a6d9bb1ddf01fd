import { describe, expect, it } from "vitest";

import { parseEnv } from "../../app/lib/env.server";
import { AuthNotAvailableError, authenticate } from "../../bench/auth";
import { parseRunArgs, parseSeedArgs, UsageError } from "../../bench/lib/args";
import type { BenchContext } from "../../bench/lib/context";
import { benchDatabase, isReusable, type Dataset } from "../../bench/lib/database";
import { compare, percentile, renderResults, summarise, type Measurement } from "../../bench/lib/report";
import { GENERATOR_VERSION, scaleCounts } from "../../bench/lib/scale";
import { resolvePath, selectTargets } from "../../bench/lib/select-targets";
import { serverEnv } from "../../bench/lib/server";
import { BENCH_KB_QUERIES, BENCH_LOCALES, PARALLEL_SLOTS, VOCABULARY } from "../../bench/lib/vocabulary";
import { targets, type BenchTarget } from "../../bench/targets";

const ctx: BenchContext = {
  baseUrl: "http://127.0.0.1:3500",
  dataset: { scale: 0.01, today: "2026-11-25" },
  heavyAccount: {
    id: "00000000-0000-4000-8000-000000000100",
    name: "Northgate Logistics Inc.",
    contractCount: 50,
    admin: { id: "00000000-0000-4000-8000-000000000001", email: "contact1@account100.bench.example" },
    renewalContractId: "00000000-0000-4000-8000-000000000002",
  },
  staff: { id: "00000000-0000-4000-8000-000000000003", email: "staff00007@bench.customer365.example" },
  kbQueries: BENCH_KB_QUERIES,
};

describe("bench command lines", () => {
  it("defaults to the issue's data set and a 10 s run with 10 connections", () => {
    const args = parseRunArgs([]);
    expect(args).toMatchObject({ scale: 1, pglite: false, fresh: false, duration: 10, warmup: 2, connections: 10, build: true, check: false });
    expect(args?.only).toBeUndefined();
    expect(args?.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("uses the same default scale on PGlite, unless a scale is given", () => {
    expect(parseRunArgs(["--pglite"])).toMatchObject({ pglite: true, scale: 1 });
    expect(parseSeedArgs(["--pglite", "--scale", "0.01"])).toMatchObject({ pglite: true, scale: 0.01 });
  });

  it("reads every flag", () => {
    const args = parseRunArgs(["--scale", "2", "--fresh", "--duration", "30", "--warmup", "0", "--connections", "50", "--only", "404 page, home (baseline)", "--no-build", "--check", "--today", "2027-01-31"]);
    expect(args).toMatchObject({
      scale: 2,
      fresh: true,
      duration: 30,
      warmup: 0,
      connections: 50,
      only: ["404 page", "home (baseline)"],
      build: false,
      check: true,
      today: "2027-01-31",
    });
  });

  it("returns undefined for --help so the caller prints the usage", () => {
    expect(parseRunArgs(["--help"])).toBeUndefined();
    expect(parseSeedArgs(["-h"])).toBeUndefined();
  });

  it.each([
    [["--scale", "0"], /--scale must be a number from 0.001 to 20/],
    [["--scale", "lots"], /--scale must be a number/],
    [["--scale", "21"], /--scale must be a number/],
    [["--duration", "0"], /--duration must be a number from 1 to 600, got "0"/],
    [["--connections", "2.5"], /--connections must be a whole number/],
    [["--today", "2026-02-30"], /--today must be a date like 2026-11-25/],
    [["--turbo"], /Unknown option '--turbo'/],
  ])("refuses %j with a message that names the flag", (argv, message) => {
    expect(() => parseRunArgs(argv)).toThrow(UsageError);
    expect(() => parseRunArgs(argv)).toThrow(message);
  });
});

describe("scale data set sizes", () => {
  it("matches the issue at scale 1", () => {
    const counts = scaleCounts(1);
    expect(counts.accounts).toBe(100_000);
    expect(counts.heavyAccounts).toBe(1_000);
    expect(counts.kbArticlesPerLocale).toBe(20_000);
    expect(counts.kbHitsPerLocale).toBe(36);
    expect(counts.approx.contracts).toBeGreaterThan(950_000);
    expect(counts.approx.contracts).toBeLessThan(1_050_000);
    expect(counts.approx.usageSnapshots).toBeGreaterThan(4_500_000);
    expect(counts.approx.contractLines).toBeGreaterThan(1_000_000);
  });

  it("shrinks and grows proportionally", () => {
    expect(scaleCounts(0.01)).toMatchObject({ accounts: 1_000, heavyAccounts: 10, kbArticlesPerLocale: 200, staffUsers: 5 });
    expect(scaleCounts(2)).toMatchObject({ accounts: 200_000, heavyAccounts: 2_000, kbArticlesPerLocale: 40_000, staffUsers: 400 });
  });

  it("keeps one 50-contract account and a quarter of the articles as hits at the smallest scale", () => {
    expect(scaleCounts(0.001)).toMatchObject({ accounts: 100, heavyAccounts: 1, kbArticlesPerLocale: 20, kbHitsPerLocale: 5 });
  });
});

describe("knowledge-base vocabulary", () => {
  it("has parallel lists, so article n is the same article in every locale", () => {
    for (const slot of PARALLEL_SLOTS) {
      const lengths = BENCH_LOCALES.map((locale) => VOCABULARY[locale][slot].length);
      expect(new Set(lengths), `${slot}: ${lengths.join(", ")}`).toEqual(new Set([lengths[0]]));
    }
  });

  it("puts each locale's hit term only in the hit sentence, and the miss term nowhere", () => {
    for (const locale of BENCH_LOCALES) {
      const vocabulary = VOCABULARY[locale];
      const { hit, miss } = BENCH_KB_QUERIES[locale];
      const everyWord = Object.entries(vocabulary)
        .filter(([key]) => key !== "hitSentence" && key !== "hitTitle")
        .flatMap(([, value]) => (Array.isArray(value) ? value : [String(value)]))
        .join("\n")
        .toLowerCase();
      expect(vocabulary.hitSentence.toLowerCase(), locale).toContain(hit);
      expect(vocabulary.hitTitle.toLowerCase(), locale).toContain(hit);
      expect(everyWord, `${locale} hit "${hit}"`).not.toContain(hit);
      expect(everyWord + vocabulary.hitSentence + vocabulary.hitTitle, `${locale} miss "${miss}"`).not.toContain(miss);
    }
  });

  it("has templates that use their slots", () => {
    for (const locale of BENCH_LOCALES) {
      for (const slot of ["{s}", "{m}", "{v}", "{o}", "{p}", "{t}"]) expect(VOCABULARY[locale].sentenceTemplate).toContain(slot);
      for (const template of VOCABULARY[locale].titleTemplates) expect(template).toMatch(/\{o\}/);
    }
  });
});

describe("bench targets", () => {
  it("lists a valid set with the home page as the baseline, measured first", () => {
    const selected = selectTargets(targets);
    expect(selected[0]).toMatchObject({ path: "/", baseline: true });
    expect(selected.map((t) => t.name)).toEqual([selected[0]!.name, ...targets.filter((t) => !t.baseline).map((t) => t.name)]);
    expect(new Set(selected.map((t) => t.name)).size).toBe(targets.length);
  });

  it("keeps the baseline when --only picks other targets", () => {
    expect(selectTargets(targets, ["404 page"]).map((t) => t.name)).toEqual(["home (baseline)", "404 page"]);
  });

  it.each<[string, BenchTarget[], string[] | undefined, RegExp]>([
    ["no baseline", [{ name: "a", path: "/" }], undefined, /exactly one target as baseline, found 0/],
    ["two baselines", [{ name: "a", path: "/", baseline: true }, { name: "b", path: "/x", baseline: true }], undefined, /found 2/],
    ["duplicate names", [{ name: "a", path: "/", baseline: true }, { name: "a", path: "/x" }], undefined, /two targets are named "a"/],
    ["a signed-in baseline", [{ name: "a", path: "/", baseline: true, auth: "customer" }], undefined, /baseline must be a public page/],
    ["a ratio of zero", [{ name: "a", path: "/", baseline: true }, { name: "b", path: "/x", targetRatio: 0 }], undefined, /targetRatio 0/],
    ["an unknown --only name", [{ name: "a", path: "/", baseline: true }], ["nope"], /no target named "nope"/],
  ])("rejects %s", (_label, list, only, message) => {
    expect(() => selectTargets(list, only)).toThrow(message);
  });

  it("builds paths from the seeded context and refuses anything but a local path", () => {
    const contract: BenchTarget = { name: "contract", path: (c) => `/account/contracts/${c.heavyAccount.renewalContractId}` };
    expect(resolvePath(contract, ctx)).toBe("/account/contracts/00000000-0000-4000-8000-000000000002");
    expect(() => resolvePath({ name: "x", path: "https://example.com/" }, ctx)).toThrow(/must resolve to a path starting with "\/"/);
    expect(() => resolvePath({ name: "x", path: "//example.com/" }, ctx)).toThrow(UsageError);
  });

  it("says clearly when no session was minted for a target that needs one", async () => {
    await expect(authenticate("customer", ctx)).rejects.toThrow(AuthNotAvailableError);
    await expect(authenticate("staff", ctx)).rejects.toThrow(/no staff session was minted/);
  });
});

describe("bench results", () => {
  const measurement = (overrides: Partial<Measurement>): Measurement => ({
    name: "home (baseline)",
    path: "/",
    expectStatus: 200,
    seconds: 10,
    statuses: { "200": 10_000 },
    connectionErrors: 0,
    timeouts: 0,
    latenciesMs: Array.from({ length: 100 }, (_, i) => i + 1),
    rssBytes: 200 * 1024 * 1024,
    ...overrides,
  });

  it("takes percentiles by nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([50, 95, 99, 100]);
    expect(percentile([], 50)).toBe(0);
    expect(percentile([7], 99)).toBe(7);
  });

  it("counts only answers with the expected status as served, and every other answer as an error", () => {
    const ok404 = summarise(measurement({ name: "404 page", expectStatus: 404, statuses: { "404": 5_000 } }), {});
    expect(ok404).toMatchObject({ reqPerSec: 500, errors: { total: 0 } });

    const broken = summarise(measurement({ statuses: { "200": 900, "500": 100 }, connectionErrors: 2, timeouts: 1 }), {});
    expect(broken.reqPerSec).toBe(90);
    expect(broken.errors).toMatchObject({ total: 103, unexpectedStatus: 100, connection: 2, timeouts: 1 });
    expect(broken.rssMb).toBe(200);
  });

  it("counts a target that could not be measured as failed", () => {
    const failed = summarise(measurement({ name: "account home", statuses: {}, latenciesMs: [], seconds: 0, failure: "expected 200, got 302" }), {});
    expect(failed).toMatchObject({ reqPerSec: 0, errors: { total: 1 }, failure: "expected 200, got 302" });
    const table = renderResults(compare([summarise(measurement({}), {}), failed], "home (baseline)"));
    expect(table).toMatch(/account home\s+0\s+—\s+—\s+—\s+1\s+0\.00/);
  });

  it("divides by the baseline and marks goals met ✓ or missed ✗", () => {
    const results = compare(
      [
        summarise(measurement({}), {}),
        summarise(measurement({ name: "account home", statuses: { "200": 6_500 } }), { targetRatio: 0.6 }),
        summarise(measurement({ name: "renewal", statuses: { "200": 4_000 } }), { targetRatio: 0.5 }),
        summarise(measurement({ name: "kb search", latenciesMs: [5, 10, 40] }), { maxP95Ms: 30 }),
      ],
      "home (baseline)",
    );
    expect(results.map((r) => [r.name, r.ratio, r.meetsTarget])).toEqual([
      ["home (baseline)", 1, undefined],
      ["account home", 0.65, true],
      ["renewal", 0.4, false],
      ["kb search", 1, false],
    ]);
    const table = renderResults(results);
    expect(table).toMatch(/account home\s+650\s.*0\.65 \(≥0\.60\) ✓/);
    expect(table).toMatch(/renewal\s+400\s.*0\.40 \(≥0\.50\) ✗/);
    expect(table).toMatch(/kb search.*p95≤30\) ✗/);
    expect(table.split("\n")[0]).toMatch(/^target\s+req\/s\s+p50 ms\s+p95 ms\s+p99 ms\s+errors\s+× baseline\s+RSS MB$/);
  });

  it("divides a target measured beside the baseline by the baseline's slices run beside it", () => {
    // The baseline ran at 1,000 req/s at the start, but at 500 while the account home ran: the machine slowed down.
    const results = compare(
      [
        summarise(measurement({}), {}),
        summarise(measurement({ name: "account home", statuses: { "200": 3_500 }, pairedBaseline: { seconds: 10, served: 5_000 } }), { targetRatio: 0.6 }),
        summarise(measurement({ name: "404 page", statuses: { "200": 9_000 }, pairedBaseline: { seconds: 0, served: 0 } }), {}),
      ],
      "home (baseline)",
    );
    expect(results.map((r) => [r.name, r.ratio, r.pairedBaselineReqPerSec, r.meetsTarget])).toEqual([
      ["home (baseline)", 1, undefined, undefined],
      ["account home", 0.7, 500, true],
      // No baseline slices to compare with: the run's baseline is used.
      ["404 page", 0.9, undefined, undefined],
    ]);
  });
});

describe("bench database and server settings", () => {
  it("only ever drops a database whose name says it is the bench's", () => {
    expect(benchDatabase({ pglite: false, env: {} })).toMatchObject({ kind: "postgres", name: "customer365_bench" });
    expect(() => benchDatabase({ pglite: false, env: { BENCH_DATABASE_URL: "postgres://postgres@127.0.0.1:5432/customer365" } })).toThrow(
      /must name a database whose name contains "bench"/,
    );
    expect(benchDatabase({ pglite: true })).toMatchObject({ kind: "pglite", name: "bench/.work/pglite" });
  });

  it("reuses a data set only when it finished, at the same scale, by the same generator", () => {
    const dataset: Dataset = { scale: 1, generator: GENERATOR_VERSION, today: "2026-11-25", startedAt: new Date(), completedAt: new Date(), report: null };
    expect(isReusable(dataset, 1)).toBe(true);
    expect(isReusable(dataset, 0.01)).toBe(false);
    expect(isReusable({ ...dataset, completedAt: null }, 1)).toBe(false);
    expect(isReusable({ ...dataset, generator: GENERATOR_VERSION - 1 }, 1)).toBe(false);
    expect(isReusable(undefined, 1)).toBe(false);
  });

  it("starts a production server the app's own configuration check accepts", () => {
    const postgres = serverEnv({ kind: "postgres", url: "postgres://postgres@127.0.0.1:5432/customer365_bench", name: "customer365_bench" }, 3501, {});
    expect(parseEnv(postgres)).toMatchObject({ NODE_ENV: "production", PORT: 3501, JOBS: "off", LOG_LEVEL: "warn", SEED_DEMO_DATA: "false" });
    expect(parseEnv(postgres).DATABASE_URL).toContain("customer365_bench");

    const pglite = serverEnv({ kind: "pglite", dataDir: "/tmp/bench-pglite", name: "bench/.work/pglite" }, 3502, {});
    expect(parseEnv(pglite)).toMatchObject({ DATABASE_URL: undefined, PGLITE_DATA_DIR: "/tmp/bench-pglite" });

    // The account home's cache is on by default and can be turned off for a cold measurement.
    expect(parseEnv(postgres).ACCOUNT_HOME_CACHE_ENTRIES).toBe(1_000);
    const cold = serverEnv({ kind: "postgres", url: "postgres://postgres@127.0.0.1:5432/customer365_bench", name: "customer365_bench" }, 3501, { ACCOUNT_HOME_CACHE_ENTRIES: "0" });
    expect(parseEnv(cold).ACCOUNT_HOME_CACHE_ENTRIES).toBe(0);
  });
});

describe("latency targets with their own connections", () => {
  it("are judged on p95 alone and get no throughput ratio", () => {
    const base = summarise(
      { name: "home (baseline)", path: "/", expectStatus: 200, seconds: 10, statuses: { "200": 5_000 }, connectionErrors: 0, timeouts: 0, latenciesMs: [5, 6, 7], rssBytes: undefined },
      {},
    );
    const search = summarise(
      { name: "kb search, 1 conn", path: "/help/search?q=x", expectStatus: 200, seconds: 10, statuses: { "200": 1_000 }, connectionErrors: 0, timeouts: 0, latenciesMs: Array.from({ length: 100 }, (_, i) => i / 2), rssBytes: undefined },
      { connections: 1, maxP95Ms: 30 },
    );
    const [, result] = compare([base, search], "home (baseline)");
    expect(result!.ratio).toBeUndefined();
    expect(result!.latencyMs.p95).toBe(47);
    expect(result!.meetsTarget).toBe(false);
    expect(renderResults([result!])).toContain("1 conn (p95≤30) ✗");
  });
});
