/**
 * Drives one target with autocannon: a warm-up run that is thrown away, then
 * the measured run. Status codes and latencies are recorded per response
 * here, so a 404 page can count as success and any percentile (p95 included,
 * which autocannon's own summary lacks) can be computed.
 *
 * A target compared with the baseline is measured in slices that alternate
 * with slices of the baseline (measureAgainstBaseline): on a shared machine
 * the speed available drifts from minute to minute, and a baseline measured
 * once at the start would compare with a target measured minutes later under
 * other conditions.
 */
import autocannon from "autocannon";

import type { Measurement } from "./report";

export interface LoadOptions {
  name: string;
  url: string;
  path: string;
  expectStatus: number;
  headers: Record<string, string>;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Called after the measured run, before the next target: the server's RSS. */
  sampleRss: () => number | undefined;
}

interface RunOutcome {
  seconds: number;
  statuses: Record<string, number>;
  latenciesMs: number[];
  connectionErrors: number;
  timeouts: number;
}

function run(options: LoadOptions, seconds: number): Promise<RunOutcome> {
  return new Promise((resolve, reject) => {
    const statuses: Record<string, number> = {};
    const latenciesMs: number[] = [];
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: seconds,
        headers: options.headers,
        // A request that takes this long is an error, not a latency sample.
        timeout: 10,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          seconds: result.duration,
          statuses,
          latenciesMs,
          // autocannon counts timeouts among errors too.
          connectionErrors: result.errors - result.timeouts,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on("response", (_client, statusCode: number, _bytes: number, responseTime: number) => {
      const key = String(statusCode);
      statuses[key] = (statuses[key] ?? 0) + 1;
      if (statusCode === options.expectStatus) latenciesMs.push(responseTime);
    });
  });
}

/** The measurement of a target's measured run(s), with the server's RSS right after. */
function measurementOf(options: LoadOptions, outcome: RunOutcome): Measurement {
  return { name: options.name, path: options.path, expectStatus: options.expectStatus, ...outcome, rssBytes: options.sampleRss() };
}

export async function measure(options: LoadOptions): Promise<Measurement> {
  if (options.warmupSeconds > 0) await run(options, options.warmupSeconds);
  return measurementOf(options, await run(options, options.durationSeconds));
}

/** How many baseline/target slice pairs a compared target's measured run is cut into. */
export const SLICES = 5;

function merge(outcomes: RunOutcome[]): RunOutcome {
  const statuses: Record<string, number> = {};
  for (const outcome of outcomes) {
    for (const [status, count] of Object.entries(outcome.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
  }
  return {
    seconds: outcomes.reduce((sum, outcome) => sum + outcome.seconds, 0),
    statuses,
    latenciesMs: outcomes.flatMap((outcome) => outcome.latenciesMs),
    connectionErrors: outcomes.reduce((sum, outcome) => sum + outcome.connectionErrors, 0),
    timeouts: outcomes.reduce((sum, outcome) => sum + outcome.timeouts, 0),
  };
}

/**
 * Measures `options` in SLICES slices of durationSeconds / SLICES, each
 * right after a slice of `baseline` as long: the target's figures come from
 * its slices, and its ratio from the baseline slices run beside them.
 */
export async function measureAgainstBaseline(options: LoadOptions, baseline: LoadOptions, slices = SLICES): Promise<Measurement> {
  if (options.warmupSeconds > 0) {
    await run(baseline, options.warmupSeconds);
    await run(options, options.warmupSeconds);
  }
  const sliceSeconds = options.durationSeconds / slices;
  const targetSlices: RunOutcome[] = [];
  const baselineSlices: RunOutcome[] = [];
  for (let slice = 0; slice < slices; slice++) {
    baselineSlices.push(await run(baseline, sliceSeconds));
    targetSlices.push(await run(options, sliceSeconds));
  }
  const beside = merge(baselineSlices);
  return {
    ...measurementOf(options, merge(targetSlices)),
    pairedBaseline: { seconds: beside.seconds, served: beside.statuses[String(baseline.expectStatus)] ?? 0 },
  };
}
