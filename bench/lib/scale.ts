/**
 * How big the scale data set is at a given `--scale` (1 = the default
 * data set). Pure, so the sizes can be unit-tested and printed before seeding.
 */

/** Bump when the generator changes what it writes: a bench database seeded by an older generator is rebuilt. */
export const GENERATOR_VERSION = 1;

/** The smallest scale still has one account with exactly 50 contracts (1 in 100 accounts). */
export const MIN_SCALE = 0.001;
export const MAX_SCALE = 20;

/** Every HEAVY_ACCOUNT_EVERY-th account has exactly HEAVY_ACCOUNT_CONTRACTS contracts (the account-home benchmark). */
export const HEAVY_ACCOUNT_EVERY = 100;
export const HEAVY_ACCOUNT_CONTRACTS = 50;

/** Other accounts have 1..OTHER_MAX_CONTRACTS contracts (uniform): 9.5 on average, ~10 overall. */
export const OTHER_MAX_CONTRACTS = 18;
/** Contacts per account: 1..5, 3 on average. */
export const MAX_CONTACTS_PER_ACCOUNT = 5;
/** Lines per contract: the plan plus 0..2 add-ons, 2 on average. */
export const MAX_LINES_PER_CONTRACT = 3;
/** Monthly usage snapshots per contract: 1..10 of the months its term has run, ~5 on average. */
export const MAX_SNAPSHOTS_PER_CONTRACT = 10;

/** Distinct KB sentences per locale that articles are assembled from. */
export const KB_SENTENCES_PER_LOCALE = 4000;
/** Articles per locale containing the benchmark's "hit" term (capped at a quarter of the articles at tiny scales). */
export const BENCH_KB_HITS_PER_LOCALE = 36;

export interface ScaleCounts {
  scale: number;
  /** Bulk staff users (the demo story adds its own five). */
  staffUsers: number;
  accounts: number;
  heavyAccounts: number;
  kbArticlesPerLocale: number;
  kbHitsPerLocale: number;
  /** Expected, not exact: contracts, lines and snapshots per account are drawn per account. */
  approx: { contacts: number; contracts: number; contractLines: number; usageSnapshots: number };
}

export class ScaleError extends Error {
  override name = "ScaleError";
}

/** Parses a --scale value; throws a ScaleError with a readable message on bad input. */
export function parseScale(raw: string | number | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = typeof raw === "number" ? raw : Number(raw.trim());
  if (!Number.isFinite(value) || value < MIN_SCALE || value > MAX_SCALE) {
    throw new ScaleError(`--scale must be a number from ${MIN_SCALE} to ${MAX_SCALE} (1 = 100k accounts), got "${String(raw)}"`);
  }
  return value;
}

export function scaleCounts(scale: number): ScaleCounts {
  parseScale(scale, 1);
  const accounts = Math.max(HEAVY_ACCOUNT_EVERY, Math.round(100_000 * scale));
  const heavyAccounts = Math.floor(accounts / HEAVY_ACCOUNT_EVERY);
  const otherAccounts = accounts - heavyAccounts;
  const contracts = heavyAccounts * HEAVY_ACCOUNT_CONTRACTS + otherAccounts * ((1 + OTHER_MAX_CONTRACTS) / 2);
  const kbArticlesPerLocale = Math.max(20, Math.round(20_000 * scale));
  return {
    scale,
    staffUsers: Math.max(5, Math.round(200 * scale)),
    accounts,
    heavyAccounts,
    kbArticlesPerLocale,
    kbHitsPerLocale: Math.min(BENCH_KB_HITS_PER_LOCALE, Math.floor(kbArticlesPerLocale / 4)),
    approx: {
      contacts: accounts * ((1 + MAX_CONTACTS_PER_ACCOUNT) / 2),
      contracts: Math.round(contracts),
      contractLines: Math.round(contracts * ((1 + MAX_LINES_PER_CONTRACT) / 2)),
      // Current terms have run for fewer months than the draw asks for, so a bit under 5.5 per contract.
      usageSnapshots: Math.round(contracts * 5),
    },
  };
}
