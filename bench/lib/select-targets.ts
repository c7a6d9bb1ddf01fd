import type { BenchTarget } from "../targets";
import { UsageError } from "./args";
import type { BenchContext } from "./context";

/**
 * Checks the target list (unique names, exactly one baseline, sane goals) and
 * applies --only. The baseline always runs, first: every ratio needs it, and
 * measuring it first keeps it from inheriting another page's warm caches.
 */
export function selectTargets(all: readonly BenchTarget[], only?: readonly string[]): BenchTarget[] {
  const names = new Set<string>();
  for (const target of all) {
    if (!target.name.trim()) throw new UsageError("bench/targets.ts: a target has an empty name");
    if (names.has(target.name)) throw new UsageError(`bench/targets.ts: two targets are named "${target.name}"`);
    names.add(target.name);
    if (target.targetRatio !== undefined && !(target.targetRatio > 0)) {
      throw new UsageError(`bench/targets.ts: "${target.name}" has targetRatio ${target.targetRatio}; use a fraction above 0 such as 0.6`);
    }
    if (target.maxP95Ms !== undefined && !(target.maxP95Ms > 0)) {
      throw new UsageError(`bench/targets.ts: "${target.name}" has maxP95Ms ${target.maxP95Ms}; use milliseconds above 0`);
    }
  }
  const baselines = all.filter((target) => target.baseline);
  if (baselines.length !== 1) {
    throw new UsageError(`bench/targets.ts must mark exactly one target as baseline, found ${baselines.length}`);
  }
  const baseline = baselines[0]!;
  if (baseline.auth) throw new UsageError("bench/targets.ts: the baseline must be a public page (no auth)");

  const unknown = (only ?? []).filter((name) => !names.has(name));
  if (unknown.length) {
    throw new UsageError(`--only: no target named ${unknown.map((n) => `"${n}"`).join(", ")}; targets are ${[...names].map((n) => `"${n}"`).join(", ")}`);
  }
  const wanted = only ? new Set(only) : undefined;
  return [baseline, ...all.filter((target) => !target.baseline && (!wanted || wanted.has(target.name)))];
}

/** The request path of a target; must be a path on the server, not another host. */
export function resolvePath(target: BenchTarget, ctx: BenchContext): string {
  const value = typeof target.path === "function" ? target.path(ctx) : target.path;
  if (!value.startsWith("/") || value.startsWith("//")) {
    throw new UsageError(`bench/targets.ts: "${target.name}" must resolve to a path starting with "/", got "${value}"`);
  }
  return value;
}
