/** What the seeder prints, shared by bench/seed-scale.ts and bench/run.ts. */
import type { BenchDatabase } from "./database";
import { formatInteger, formatRate, formatSeconds, renderTable } from "./format";
import { scaleCounts } from "./scale";
import type { ScaleSeedReport, SeedStep } from "./seed";

export function printSeedPlan(scale: number, target: BenchDatabase) {
  const counts = scaleCounts(scale);
  console.log(
    `scale ${scale} on ${target.kind} (${target.name}): ${formatInteger(counts.accounts)} accounts, ` +
      `~${formatInteger(counts.approx.contracts)} contracts, ~${formatInteger(counts.approx.usageSnapshots)} usage snapshots, ` +
      `${formatInteger(counts.kbArticlesPerLocale)} KB articles per locale`,
  );
}

/** On a terminal, "… step" shows while a step runs and is overwritten by its result. */
export function printStepStart(name: string) {
  if (process.stdout.isTTY) process.stdout.write(`  … ${name}`);
}

export function printStep(step: SeedStep) {
  if (process.stdout.isTTY) process.stdout.write("\r\x1b[2K");
  const rows = step.rows ? `${formatInteger(step.rows).padStart(11)} rows` : " ".repeat(16);
  console.log(`  ${step.name.padEnd(24)}${rows}  ${formatSeconds(step.ms).padStart(9)}  ${formatRate(step.rows, step.ms).padStart(12)}`);
}

/** One row per bulk table (and phase): rows inserted, time, rows/s; then the totals. */
export function printSeedReport(report: ScaleSeedReport) {
  const rows = report.steps.map((step) => [step.name, formatInteger(step.rows), formatSeconds(step.ms), formatRate(step.rows, step.ms)]);
  const loaded = report.steps.filter((step) => step.name in report.rows);
  const loadedRows = loaded.reduce((sum, step) => sum + step.rows, 0);
  const loadedMs = loaded.reduce((sum, step) => sum + step.ms, 0);
  rows.push(["bulk tables (sum)", formatInteger(loadedRows), formatSeconds(loadedMs), formatRate(loadedRows, loadedMs)]);
  rows.push(["total (all phases)", "", formatSeconds(report.totalMs), formatRate(loadedRows, report.totalMs)]);
  console.log(`\n${renderTable(["step", "rows", "time", "rows/s"], rows, ["left", "right", "right", "right"])}`);
  console.log(
    `\nrows now: ${Object.entries(report.rows)
      .map(([table, n]) => `${table} ${formatInteger(n)}`)
      .join(", ")}`,
  );
}
