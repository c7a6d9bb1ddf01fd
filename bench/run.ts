/**
 * npm run bench — seeds (or reuses) the scale data set, builds and starts the
 * production server on it, loads every target in bench/targets.ts with
 * autocannon and prints one table; writes bench/results.json. Exits non-zero
 * when any target returned errors (and, with --check, when one missed its
 * goal). Flags: see RUN_USAGE in bench/lib/args.ts or `npm run bench -- --help`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { sql } from "kysely";

import { authenticate, mintSessions } from "./auth";
import { parseRunArgs, RUN_USAGE, UsageError } from "./lib/args";
import { loadBenchContext, type BenchContext } from "./lib/context";
import { benchDatabase, openBench, prepareBenchDatabase } from "./lib/database";
import { formatInteger } from "./lib/format";
import { measure, measureAgainstBaseline, type LoadOptions } from "./lib/load";
import { compare, renderResults, summarise, type Measurement } from "./lib/report";
import { printSeedPlan, printSeedReport, printStep, printStepStart } from "./lib/seed-output";
import { resolvePath, selectTargets } from "./lib/select-targets";
import { residentSetSize, startServer, type RunningServer } from "./lib/server";
import { targets as allTargets } from "./targets";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const resultsPath = path.join(repoRoot, "bench/results.json");

async function main(): Promise<number> {
  let args;
  let selected;
  try {
    args = parseRunArgs(process.argv.slice(2));
    if (!args) {
      console.log(RUN_USAGE);
      return 0;
    }
    selected = selectTargets(allTargets, args.only);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${RUN_USAGE}`);
      return 2;
    }
    throw error;
  }

  const target = benchDatabase({ pglite: args.pglite });
  console.log("== data");
  printSeedPlan(args.scale, target);
  const prepared = await prepareBenchDatabase({
    target,
    scale: args.scale,
    today: args.today,
    fresh: args.fresh,
    log: (line) => console.log(line),
    onStart: printStepStart,
    onStep: printStep,
  });
  if (prepared.report) printSeedReport(prepared.report);

  const handle = await openBench(target, 1);
  let context: Omit<BenchContext, "baseUrl">;
  let databaseVersion: string;
  try {
    context = await loadBenchContext(handle.db, prepared.dataset);
    await mintSessions(handle.db, context);
    const version = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(handle.db);
    databaseVersion = version.rows[0]?.v ?? "unknown";
  } finally {
    await handle.close();
  }

  if (args.build) {
    console.log("\n== build");
    const build = spawnSync("npm", ["run", "build"], { cwd: repoRoot, stdio: "inherit" });
    if (build.status !== 0) throw new Error("npm run build failed");
  }

  console.log(`\n== load: ${args.connections} connections, ${args.warmup} s warm-up + ${args.duration} s per target`);
  const server = await startServer(target);
  const measurements: Measurement[] = [];
  try {
    const ctx: BenchContext = { ...context, baseUrl: server.baseUrl };
    let baselineLoad: LoadOptions | undefined;
    for (const entry of selected) {
      const prepared = await prepareTarget(entry, ctx, server, args);
      if (entry.baseline && "load" in prepared) baselineLoad = prepared.load;
      // Compared targets run in slices alternating with the baseline's.
      const besideBaseline = !entry.baseline && entry.connections === undefined ? baselineLoad : undefined;
      const measurement =
        "failure" in prepared
          ? prepared.failure
          : besideBaseline
            ? await measureAgainstBaseline(prepared.load, besideBaseline)
            : await measure(prepared.load);
      measurements.push(measurement);
      const served = measurement.statuses[String(measurement.expectStatus)] ?? 0;
      console.log(
        `  ${entry.name}: ${measurement.failure ?? `${formatInteger(served / Math.max(measurement.seconds, 0.001))} req/s`}`,
      );
    }
  } finally {
    await server.stop();
  }

  const baseline = selected.find((entry) => entry.baseline)!;
  const results = compare(
    measurements.map((m) => summarise(m, selected.find((entry) => entry.name === m.name)!)),
    baseline.name,
  );
  console.log(`\n${renderResults(results)}\n`);

  const withErrors = results.filter((result) => result.errors.total > 0);
  const missed = results.filter((result) => result.meetsTarget === false);
  const ok = withErrors.length === 0 && (!args.check || missed.length === 0);
  const cpus = os.cpus();
  const report = {
    date: new Date().toISOString(),
    ok,
    machine: {
      cores: cpus.length,
      cpu: cpus[0]?.model.trim() ?? "unknown",
      memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      node: process.version,
      os: `${os.type()} ${os.release()}`,
    },
    database: {
      kind: target.kind,
      name: target.name,
      version: databaseVersion,
      scale: prepared.dataset.scale,
      seededFor: prepared.dataset.today,
      rows: prepared.dataset.report?.rows,
      seedSeconds: prepared.dataset.report ? prepared.dataset.report.totalMs / 1000 : undefined,
    },
    settings: { connections: args.connections, warmupSeconds: args.warmup, durationSeconds: args.duration },
    commit: gitCommit(),
    targets: results.map(roundResult),
  };
  writeFileSync(resultsPath, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), resultsPath)}`);

  for (const result of withErrors) {
    const detail = result.failure ?? `statuses ${JSON.stringify(result.errors.statuses)}, ${result.errors.connection} connection errors, ${result.errors.timeouts} timeouts`;
    console.error(`✗ ${result.name}: ${formatInteger(result.errors.total)} errors (${detail})`);
  }
  if (args.check) for (const result of missed) console.error(`✗ ${result.name} missed its goal`);
  return ok ? 0 : 1;
}

/** The target's load options, after one probe request; or why it cannot be measured. */
async function prepareTarget(
  entry: (typeof allTargets)[number],
  ctx: BenchContext,
  server: RunningServer,
  args: NonNullable<ReturnType<typeof parseRunArgs>>,
): Promise<{ load: LoadOptions } | { failure: Measurement }> {
  const expectStatus = entry.expectStatus ?? 200;
  const failed = (pathname: string, failure: string) => ({
    failure: {
      name: entry.name,
      path: pathname,
      expectStatus,
      seconds: 0,
      statuses: {},
      connectionErrors: 0,
      timeouts: 0,
      latenciesMs: [],
      rssBytes: residentSetSize(server.pid),
      failure,
    },
  });

  let pathname = typeof entry.path === "string" ? entry.path : "(computed)";
  const headers: Record<string, string> = { ...entry.headers };
  try {
    pathname = resolvePath(entry, ctx);
    if (entry.auth) headers.cookie = (await authenticate(entry.auth, ctx)).cookie;
  } catch (error) {
    return failed(pathname, error instanceof Error ? error.message : String(error));
  }

  // One request first: a page that redirects to sign-in or fails would
  // otherwise be "measured" at error-page speed.
  const url = `${server.baseUrl}${pathname}`;
  const probe = await fetch(url, { headers, redirect: "manual" }).catch((error: unknown) => error as Error);
  if (probe instanceof Error) return failed(pathname, `request failed: ${probe.message}`);
  await probe.arrayBuffer();
  if (probe.status !== expectStatus) {
    const where = probe.headers.get("location");
    const logs = server.stderrTail();
    return failed(pathname, `expected ${expectStatus}, got ${probe.status}${where ? ` → ${where}` : ""}${logs ? `\nserver log:\n${logs}` : ""}`);
  }

  return {
    load: {
      name: entry.name,
      url,
      path: pathname,
      expectStatus,
      headers,
      connections: entry.connections ?? args.connections,
      warmupSeconds: args.warmup,
      durationSeconds: args.duration,
      sampleRss: () => residentSetSize(server.pid),
    },
  };
}

function roundResult(result: ReturnType<typeof compare>[number]) {
  const r2 = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * 100) / 100);
  return {
    ...result,
    reqPerSec: r2(result.reqPerSec),
    latencyMs: Object.fromEntries(Object.entries(result.latencyMs).map(([key, value]) => [key, r2(value)])),
    ratio: r2(result.ratio),
    rssMb: r2(result.rssMb),
  };
}

function gitCommit(): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
