/**
 * Turns measurements into the results table and bench/results.json. Pure, so
 * the arithmetic (errors, ratios, ✓/✗) is unit-tested without a server.
 */
import type { BenchTarget } from "../targets";
import { formatFixed, formatInteger, renderTable } from "./format";

/** One target's measured run. */
export interface Measurement {
  name: string;
  path: string;
  expectStatus: number;
  /** Measured seconds (warm-up excluded). */
  seconds: number;
  /** Responses received during the measured run, by status code. */
  statuses: Record<string, number>;
  /** Connection errors and timeouts reported by the load generator. */
  connectionErrors: number;
  timeouts: number;
  /** Latencies in ms of the responses with the expected status. */
  latenciesMs: number[];
  /** Server resident set size after the run, in bytes (undefined where /proc is missing). */
  rssBytes: number | undefined;
  /** Set when the target could not be measured at all (e.g. its first request failed). */
  failure?: string;
  /** The baseline's slices measured alternately with this target's (see measureAgainstBaseline). */
  pairedBaseline?: { seconds: number; served: number };
}

export interface TargetResult {
  name: string;
  path: string;
  requests: number;
  reqPerSec: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  errors: { total: number; unexpectedStatus: number; connection: number; timeouts: number; statuses: Record<string, number> };
  /** req/s divided by the baseline's req/s (its slices beside this target's, when it was measured so). */
  ratio: number | undefined;
  /** The baseline's req/s in the slices run beside this target's. */
  pairedBaselineReqPerSec?: number;
  targetRatio: number | undefined;
  maxP95Ms: number | undefined;
  /** false when a targetRatio or maxP95Ms is set and missed; undefined when the target sets neither. */
  meetsTarget: boolean | undefined;
  /** Set when the target ran with its own number of connections (no throughput ratio then). */
  ownConnections?: number;
  rssMb: number | undefined;
  failure?: string;
}

/** The p-th percentile (0–100) by nearest rank; 0 for no samples. */
export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[Math.min(sortedAscending.length - 1, Math.max(0, rank - 1))] ?? 0;
}

export function summarise(
  measurement: Measurement,
  target: Pick<BenchTarget, "targetRatio" | "maxP95Ms" | "connections">,
): Omit<TargetResult, "ratio" | "meetsTarget"> {
  const sorted = [...measurement.latenciesMs].sort((a, b) => a - b);
  const responses = Object.values(measurement.statuses).reduce((sum, n) => sum + n, 0);
  const expected = measurement.statuses[String(measurement.expectStatus)] ?? 0;
  const unexpectedStatus = responses - expected;
  const failed = measurement.failure ? 1 : 0;
  return {
    name: measurement.name,
    path: measurement.path,
    requests: expected,
    // Only answers with the expected status count as served: a fast error page is not throughput.
    reqPerSec: measurement.seconds > 0 ? expected / measurement.seconds : 0,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? 0,
      mean: sorted.length ? sorted.reduce((sum, v) => sum + v, 0) / sorted.length : 0,
    },
    errors: {
      total: unexpectedStatus + measurement.connectionErrors + measurement.timeouts + failed,
      unexpectedStatus,
      connection: measurement.connectionErrors,
      timeouts: measurement.timeouts,
      statuses: measurement.statuses,
    },
    targetRatio: target.targetRatio,
    maxP95Ms: target.maxP95Ms,
    ownConnections: target.connections,
    rssMb: measurement.rssBytes === undefined ? undefined : measurement.rssBytes / (1024 * 1024),
    ...(measurement.failure ? { failure: measurement.failure } : {}),
    ...(measurement.pairedBaseline && measurement.pairedBaseline.seconds > 0
      ? { pairedBaselineReqPerSec: measurement.pairedBaseline.served / measurement.pairedBaseline.seconds }
      : {}),
  };
}

/** Adds ratios to the baseline and the ✓/✗ verdicts. */
export function compare(results: Omit<TargetResult, "ratio" | "meetsTarget">[], baselineName: string): TargetResult[] {
  const baseline = results.find((result) => result.name === baselineName);
  const baseRate = baseline && baseline.reqPerSec > 0 ? baseline.reqPerSec : undefined;
  return results.map((result) => {
    // A ratio only compares like with like: the same number of connections,
    // and the baseline as fast as it was while this target ran when it was
    // measured beside it.
    const besideRate = result.pairedBaselineReqPerSec !== undefined && result.pairedBaselineReqPerSec > 0 ? result.pairedBaselineReqPerSec : baseRate;
    const ratio = besideRate === undefined || result.ownConnections !== undefined ? undefined : result.reqPerSec / besideRate;
    const checks: boolean[] = [];
    if (result.targetRatio !== undefined) checks.push(ratio !== undefined && ratio >= result.targetRatio);
    if (result.maxP95Ms !== undefined) checks.push(result.requests > 0 && result.latencyMs.p95 <= result.maxP95Ms);
    return { ...result, ratio, meetsTarget: checks.length ? checks.every(Boolean) : undefined };
  });
}

const ms = (value: number) => formatFixed(value, value < 10 ? 1 : 0);

export function renderResults(results: TargetResult[]): string {
  const rows = results.map((result) => {
    // A target that served nothing has no latency to speak of.
    const latency = (value: number) => (result.requests > 0 ? ms(value) : "—");
    const verdict = result.meetsTarget === undefined ? "" : result.meetsTarget ? " ✓" : " ✗";
    const goals = [
      result.targetRatio !== undefined ? `≥${formatFixed(result.targetRatio, 2)}` : "",
      result.maxP95Ms !== undefined ? `p95≤${result.maxP95Ms}` : "",
    ].filter(Boolean);
    const ratio =
      result.ownConnections !== undefined
        ? `${result.ownConnections} conn`
        : result.ratio === undefined
          ? "—"
          : formatFixed(result.ratio, 2);
    return [
      result.name,
      formatInteger(result.reqPerSec),
      latency(result.latencyMs.p50),
      latency(result.latencyMs.p95),
      latency(result.latencyMs.p99),
      formatInteger(result.errors.total),
      `${ratio}${goals.length ? ` (${goals.join(", ")})` : ""}${verdict}`,
      result.rssMb === undefined ? "—" : formatInteger(result.rssMb),
    ];
  });
  return renderTable(
    ["target", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "× baseline", "RSS MB"],
    rows,
    ["left", "right", "right", "right", "right", "right", "left", "right"],
  );
}
