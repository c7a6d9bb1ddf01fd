/**
 * Command-line flags of `npm run bench` (bench/run.ts) and bench/seed-scale.ts.
 * Pure: argv in, options out, or a UsageError whose message says what is wrong.
 */
import { parseArgs } from "node:util";

import { isIsoDate, todayIso } from "../../app/lib/dates";
import { systemClock } from "../../app/lib/clock";
import { parseScale, ScaleError } from "./scale";

export class UsageError extends Error {
  override name = "UsageError";
}

export interface SeedArgs {
  scale: number;
  pglite: boolean;
  fresh: boolean;
  /** ISO date the data set is anchored on. */
  today: string;
}

export interface RunArgs extends SeedArgs {
  /** Seconds of measured load per target. */
  duration: number;
  /** Seconds of unmeasured load per target first (JIT, caches, pool). */
  warmup: number;
  connections: number;
  /** Target names to run (the baseline always runs); undefined = all. */
  only: string[] | undefined;
  /** Run `npm run build` first (default); --no-build reuses build/. */
  build: boolean;
  /** Exit non-zero when a target misses its targetRatio too, not only on errors. */
  check: boolean;
}

const common = {
  scale: { type: "string" },
  pglite: { type: "boolean", default: false },
  fresh: { type: "boolean", default: false },
  today: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

export const SEED_USAGE = `Usage: tsx bench/seed-scale.ts [--scale N] [--pglite] [--fresh] [--today YYYY-MM-DD]

  --scale N     size of the data set; 1 = 100k accounts, ~1M contracts, ~5M usage
                snapshots, 20k KB articles per locale (default 1, on PGlite too)
  --pglite      seed the embedded PGlite in bench/.work/pglite instead of PostgreSQL
                (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/customer365_bench)
  --fresh       rebuild even if the database already holds this scale
  --today DATE  the date the data is anchored on (default: today, UTC)`;

export const RUN_USAGE = `Usage: npm run bench -- [--scale N] [--pglite] [--fresh] [--duration S] [--warmup S]
                        [--connections N] [--only name,name] [--no-build] [--check]

  --scale N        data set size (default 1); reused when already seeded at that scale
  --pglite         serve from the embedded PGlite instead of PostgreSQL
  --fresh          reseed the bench database even if it matches
  --duration S     measured seconds per target (default 10)
  --warmup S       unmeasured seconds per target before measuring (default 2)
  --connections N  concurrent connections (default 10)
  --only a,b       run only these targets (and the baseline)
  --no-build       skip \`npm run build\` and serve the existing build/
  --check          also exit non-zero when a target misses its ratio to the baseline
  --today DATE     anchor date when (re)seeding (default: today, UTC)`;

function number(raw: string | undefined, name: string, fallback: number, min: number, max: number, integer: boolean): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new UsageError(`--${name} must be ${integer ? "a whole number" : "a number"} from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function seedArgs(values: { scale?: string; pglite?: boolean; fresh?: boolean; today?: string }): SeedArgs {
  const pglite = values.pglite ?? false;
  let scale: number;
  try {
    // PGlite loads and serves the full data set too (measured: README, Benchmarks), so one default for both.
    scale = parseScale(values.scale, 1);
  } catch (error) {
    if (error instanceof ScaleError) throw new UsageError(error.message);
    throw error;
  }
  if (values.today !== undefined && !isIsoDate(values.today)) {
    throw new UsageError(`--today must be a date like 2026-11-25, got "${values.today}"`);
  }
  return { scale, pglite, fresh: values.fresh ?? false, today: values.today ?? todayIso(systemClock) };
}

function parse<T extends Record<string, { type: "string" | "boolean"; short?: string; default?: string | boolean }>>(
  argv: string[],
  options: T,
) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false, allowNegative: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Returns undefined when help was asked for. */
export function parseSeedArgs(argv: string[]): SeedArgs | undefined {
  const { values } = parse(argv, common);
  if (values.help) return undefined;
  return seedArgs(values);
}

export function parseRunArgs(argv: string[]): RunArgs | undefined {
  const { values } = parse(argv, {
    ...common,
    duration: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string" },
    only: { type: "string" },
    build: { type: "boolean", default: true },
    check: { type: "boolean", default: false },
  });
  if (values.help) return undefined;
  const only = values.only
    ?.split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  return {
    ...seedArgs(values),
    duration: number(values.duration, "duration", 10, 1, 600, false),
    warmup: number(values.warmup, "warmup", 2, 0, 120, false),
    connections: number(values.connections, "connections", 10, 1, 1000, true),
    only: only && only.length > 0 ? only : undefined,
    build: values.build,
    check: values.check,
  };
}
