/**
 * The pages `npm run bench` measures. Adding a page is one entry here.
 *
 *   { name: "account home", path: "/account", auth: "customer", targetRatio: 0.6 },
 *   { name: "contract", path: (ctx) => `/account/contracts/${ctx.heavyAccount.renewalContractId}`, auth: "customer" },
 *   { name: "kb search (hit)", path: (ctx) => `/help/search?q=${encodeURIComponent(ctx.kbQueries.en.hit)}`, maxP95Ms: 30 },
 *
 * Only pages whose routes exist on this branch are listed: a target for a
 * missing route would measure the 404 page under another name.
 */
import type { AuthKind } from "./auth";
import type { BenchContext } from "./lib/context";

export interface BenchTarget {
  /** Unique; shown in the table and used by --only. */
  name: string;
  /** The path (with query) to request, or a function of the seeded context. */
  path: string | ((ctx: BenchContext) => string);
  /** Sign in as this kind of user first (bench/auth.ts) and send the session cookie. */
  auth?: AuthKind;
  /** The trivial page every other target's req/s is divided by. Exactly one target has it. */
  baseline?: true;
  /** Minimum req/s as a fraction of the baseline's (0.6 = at least 60 %); marked ✓/✗. */
  targetRatio?: number;
  /** Maximum 95th-percentile latency in ms; marked ✓/✗. */
  maxP95Ms?: number;
  /** The status every response must have (default 200); anything else counts as an error. */
  expectStatus?: number;
  /** Extra request headers (e.g. Accept-Language to measure another locale). */
  headers?: Record<string, string>;
  /**
   * Connections for this target instead of the run's (--connections). A
   * latency goal is about server time, so it is measured with one connection:
   * with ten on two cores, p95 would mostly be time spent waiting in line.
   * Such a target has no throughput ratio to the baseline.
   */
  connections?: number;
}

export const targets: BenchTarget[] = [
  { name: "home (baseline)", path: "/", baseline: true },
  // The not-found page renders through the root error boundary with the shell.
  { name: "404 page", path: "/bench-no-such-page", expectStatus: 404 },
  // The same trivial page for a signed-in customer: what being signed in costs
  // every page (cookie, session lookup, personalised shell), for reading the
  // signed-in pages' ratios.
  { name: "home (signed in)", path: "/", auth: "customer" },
  // The admin of an account with 50 contracts, in a database of 100k accounts.
  { name: "account home (50 contracts)", path: "/account", auth: "customer", targetRatio: 0.6 },
  { name: "contract page", path: (ctx) => `/account/contracts/${ctx.heavyAccount.renewalContractId}`, auth: "customer" },
  { name: "renewal page (quote)", path: (ctx) => `/renew/${ctx.heavyAccount.renewalContractId}`, auth: "customer", targetRatio: 0.5 },
  // Throughput of the search page, then its server time one request at a time.
  { name: "kb search hit (en)", path: (ctx) => `/help/search?q=${encodeURIComponent(ctx.kbQueries.en.hit)}` },
  ...(["en", "ms", "zh-Hans"] as const).flatMap((locale) => [
    {
      name: `kb search hit (${locale}), 1 conn`,
      path: (ctx: BenchContext) => `/help/search?q=${encodeURIComponent(ctx.kbQueries[locale].hit)}`,
      headers: { "Accept-Language": locale === "zh-Hans" ? "zh-CN" : locale },
      connections: 1,
      maxP95Ms: 30,
    },
    {
      name: `kb search miss (${locale}), 1 conn`,
      path: (ctx: BenchContext) => `/help/search?q=${encodeURIComponent(ctx.kbQueries[locale].miss)}`,
      headers: { "Accept-Language": locale === "zh-Hans" ? "zh-CN" : locale },
      connections: 1,
      maxP95Ms: 30,
    },
  ]),
  { name: "staff portal links", path: "/staff/portal-links", auth: "staff" },
];
