/**
 * Seeds the scale data set into the bench database (PostgreSQL on
 * BENCH_DATABASE_URL, or PGlite with --pglite) and reports rows/s per table.
 * `npm run bench` does this itself when needed; run this to seed on its own.
 *
 *   tsx bench/seed-scale.ts --scale 0.01
 */
import { benchDatabase, prepareBenchDatabase } from "./lib/database";
import { parseSeedArgs, SEED_USAGE, UsageError } from "./lib/args";
import { printSeedPlan, printSeedReport, printStep, printStepStart } from "./lib/seed-output";

let args;
try {
  args = parseSeedArgs(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${SEED_USAGE}`);
    process.exit(2);
  }
  throw error;
}
if (!args) {
  console.log(SEED_USAGE);
  process.exit(0);
}

try {
  const target = benchDatabase({ pglite: args.pglite });
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
} catch (error) {
  console.error(`seed-scale failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
