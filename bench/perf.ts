/**
 * npm run perf — web vitals and weight of the pages customers land on.
 *
 *   1. builds (skip with --no-build) and seeds the demo data into a fresh
 *      PGlite directory (bench/.work/perf-pglite), signs Amelia in there;
 *   2. starts the production server on it (bench/lib/server.ts);
 *   3. runs Lighthouse (mobile preset, the machine's Chromium via CHROME_PATH,
 *      nothing from the network) on the home page, the account home (the
 *      session cookie through --extra-headers), a renewal page and a help
 *      article, and reports Performance, Accessibility and Best Practices;
 *   4. weighs the client JS of every route from the build manifest (gzip);
 *   5. prints both tables and writes bench/perf-results.json.
 *
 * A page whose route is not in app/routes yet is listed and skipped with a
 * note. Exit code 1 when a page cannot be measured, or (with --check) when a
 * target is missed. It is never part of `npm test`: a Lighthouse score on a
 * shared 2-core machine moves with the neighbours' load.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { openDatabase, migrateToLatest } from "../app/lib/db.server";
import { systemClock } from "../app/lib/clock";
import { seedAll } from "../db/seed/all";
import { DEMO_CONTACTS } from "../db/seed/identities";
import { mintSessionCookie } from "./auth";
import { BENCH_WORK_DIR } from "./lib/database";
import { renderTable } from "./lib/format";
import { startServer } from "./lib/server";
import { isCustomerRoute, isPageRoute, readAssetManifest, weighRoutes } from "./lib/weight";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const resultsPath = path.join(repoRoot, "bench/perf-results.json");
const appDir = path.join(repoRoot, "app");
const dataDir = path.join(BENCH_WORK_DIR, "perf-pglite");

/** The issue's targets. */
export const TARGETS = { performance: 95, accessibility: 100, bestPractices: 95, customerJsGzipKb: 110 };

interface Page {
  name: string;
  /** The route module it needs (relative to app/routes). */
  route: string;
  /** The manifest id of that route, for its JS weight. */
  routeId: string;
  path: (ctx: Context) => string | null;
  auth?: boolean;
}

interface Context {
  contractId: string;
  articleSlug: string | null;
}

const PAGES: Page[] = [
  { name: "home", route: "_index.tsx", routeId: "routes/_index", path: () => "/" },
  { name: "account home", route: "account._index.tsx", routeId: "routes/account._index", path: () => "/account", auth: true },
  { name: "renewal", route: "renew.$contractId._index.tsx", routeId: "routes/renew.$contractId._index", path: (c) => `/renew/${c.contractId}`, auth: true },
  {
    name: "kb article",
    route: "help.articles.$slug.tsx",
    routeId: "routes/help.articles.$slug",
    path: (c) => (c.articleSlug ? `/help/articles/${c.articleSlug}` : null),
  },
];

const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

interface LighthouseResult {
  page: string;
  url: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  metrics: Record<string, number | null>;
  /** Audits that lost points in accessibility or best practices, and the performance opportunities. */
  findings: string[];
  stripeRequests: string[];
}

function routeExists(file: string) {
  return existsSync(path.join(repoRoot, "app/routes", file));
}

async function prepareData(): Promise<{ ctx: Context; cookie: string }> {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const handle = await openDatabase({ dataDir });
  try {
    await migrateToLatest(handle.db);
    await seedAll(handle.db, systemClock);
    const amelia = await handle.db
      .selectFrom("contacts")
      .select(["id", "accountId"])
      .where("email", "=", DEMO_CONTACTS.amelia.email)
      .executeTakeFirstOrThrow();
    // Her Professional contract 95 days from its end: the renewal with the biggest incentive.
    const contract = await handle.db.selectFrom("contracts").select("id").where("number", "=", "C365-10001").executeTakeFirstOrThrow();
    const article = await handle.db
      .selectFrom("kbArticles")
      .select("slug")
      .where("locale", "=", "en")
      .where("published", "=", true)
      .orderBy("slug")
      .executeTakeFirst();
    const cookie = await mintSessionCookie(handle.db, { kind: "contact", contactId: amelia.id, accountId: amelia.accountId });
    return { ctx: { contractId: contract.id, articleSlug: article?.slug ?? null }, cookie };
  } finally {
    await handle.close();
  }
}

function runLighthouse(url: string, cookie: string | undefined, outputPath: string): Promise<void> {
  const bin = path.join(repoRoot, "node_modules/.bin/lighthouse");
  const args = [
    url,
    "--output=json",
    `--output-path=${outputPath}`,
    "--only-categories=performance,accessibility,best-practices",
    `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
    "--quiet",
    // Offline: nothing outside the loopback server is fetched.
    "--disable-full-page-screenshot",
  ];
  if (cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      cwd: repoRoot,
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited with ${code}:\n${stderr}`))));
  });
}

interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { id: string; title: string; score: number | null; scoreDisplayMode: string; numericValue?: number; displayValue?: string; details?: { type?: string; items?: { url?: string }[] } }>;
}

function readLhr(file: string, page: string, url: string): LighthouseResult {
  const lhr = JSON.parse(readFileSync(file, "utf8")) as Lhr;
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? null;
  const findings: string[] = [];
  for (const category of ["accessibility", "best-practices"]) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "informative" && audit.scoreDisplayMode !== "notApplicable") {
        findings.push(`${category}: ${audit.title}`);
      }
    }
  }
  for (const ref of lhr.categories.performance?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (audit && audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === "metricSavings") {
      findings.push(`performance: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
    }
  }
  const requests = (lhr.audits["network-requests"]?.details?.items ?? []).map((i) => i.url ?? "");
  return {
    page,
    url,
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    metrics: {
      fcpMs: metric("first-contentful-paint"),
      lcpMs: metric("largest-contentful-paint"),
      tbtMs: metric("total-blocking-time"),
      cls: metric("cumulative-layout-shift"),
      speedIndexMs: metric("speed-index"),
    },
    findings,
    stripeRequests: requests.filter((u) => /(^|\/\/)js\.stripe\.com\//.test(u)),
  };
}

const mark = (ok: boolean) => (ok ? "✓" : "✗");
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const unknown = argv.filter((a) => !["--no-build", "--check", "--help"].includes(a));
  if (argv.includes("--help") || unknown.length > 0) {
    console.log("Usage: npm run perf -- [--no-build] [--check]");
    return unknown.length > 0 ? 2 : 0;
  }
  if (!argv.includes("--no-build")) {
    console.log("== build");
    const built = spawnSync("npm", ["run", "build"], { cwd: repoRoot, stdio: "inherit" });
    if (built.status !== 0) return 1;
  }

  console.log("== data: demo story on a fresh PGlite");
  const { ctx, cookie } = await prepareData();
  const server = await startServer({ kind: "pglite", dataDir, name: path.relative(repoRoot, dataDir) });
  const results: LighthouseResult[] = [];
  const skipped: { page: string; reason: string }[] = [];
  const problems: string[] = [];
  try {
    const tmp = path.join(BENCH_WORK_DIR, "lighthouse");
    mkdirSync(tmp, { recursive: true });
    for (const page of PAGES) {
      if (!routeExists(page.route)) {
        skipped.push({ page: page.name, reason: `app/routes/${page.route} is not on this branch yet; it is measured once it is merged` });
        continue;
      }
      const pagePath = page.path(ctx);
      if (!pagePath) {
        skipped.push({ page: page.name, reason: "no published article in the demo data" });
        continue;
      }
      const url = `${server.baseUrl}${pagePath}`;
      // A redirect to sign-in or a 404 would score the wrong page.
      const probe = await fetch(url, { headers: page.auth ? { Cookie: cookie } : {}, redirect: "manual" });
      const html = await probe.text();
      if (probe.status !== 200) {
        problems.push(`${page.name}: GET ${pagePath} answered ${probe.status}`);
        continue;
      }
      if (/js\.stripe\.com/.test(html)) problems.push(`${page.name}: the page references js.stripe.com`);
      console.log(`== lighthouse: ${page.name} (${pagePath})`);
      const out = path.join(tmp, `${page.name.replace(/\W+/g, "-")}.json`);
      await runLighthouse(url, page.auth ? cookie : undefined, out);
      results.push(readLhr(out, page.name, pagePath));
    }
  } finally {
    await server.stop();
  }

  const manifest = readAssetManifest(path.join(repoRoot, "public/build"));
  const weights = weighRoutes(manifest, (publicPath) => readFileSync(path.join(repoRoot, "public", publicPath)));

  console.log("\nLighthouse (mobile preset, simulated throttling)");
  console.log(
    renderTable(
      ["page", "perf", "a11y", "best pr.", "FCP ms", "LCP ms", "TBT ms", "CLS", "stripe.js"],
      results.map((r) => [
        r.page,
        `${r.performance} ${mark(r.performance >= TARGETS.performance)}`,
        `${r.accessibility} ${mark(r.accessibility >= TARGETS.accessibility)}`,
        `${r.bestPractices} ${mark(r.bestPractices >= TARGETS.bestPractices)}`,
        String(Math.round(r.metrics.fcpMs ?? 0)),
        String(Math.round(r.metrics.lcpMs ?? 0)),
        String(Math.round(r.metrics.tbtMs ?? 0)),
        (r.metrics.cls ?? 0).toFixed(3),
        r.stripeRequests.length === 0 ? "none ✓" : `${r.stripeRequests.length} ✗`,
      ]),
      ["left", "right", "right", "right", "right", "right", "right", "right", "left"],
    ),
  );
  for (const s of skipped) console.log(`  skipped ${s.page}: ${s.reason}`);
  for (const r of results) for (const f of r.findings) console.log(`  ${r.page} — ${f}`);

  console.log(`\nInitial client JS per route (entry + root + route chain + imports; gzip; target ≤ ${TARGETS.customerJsGzipKb} kB on customer pages)`);
  console.log(
    renderTable(
      ["route", "files", "raw kB", "gzip kB", ""],
      weights.map((w) => [
        w.routeId,
        String(w.files.length),
        kb(w.rawBytes),
        kb(w.gzipBytes),
        !isPageRoute(w.routeId, appDir)
          ? "(resource)"
          : isCustomerRoute(w.routeId)
            ? mark(w.gzipBytes / 1024 <= TARGETS.customerJsGzipKb)
            : "(staff/dev)",
      ]),
      ["left", "right", "right", "right", "left"],
    ),
  );
  for (const p of problems) console.log(`  problem: ${p}`);

  const missed = [
    ...results.flatMap((r) => [
      r.performance < TARGETS.performance ? `${r.page}: performance ${r.performance}` : null,
      r.accessibility < TARGETS.accessibility ? `${r.page}: accessibility ${r.accessibility}` : null,
      r.bestPractices < TARGETS.bestPractices ? `${r.page}: best practices ${r.bestPractices}` : null,
      r.stripeRequests.length > 0 ? `${r.page}: loads Stripe.js` : null,
    ]),
    ...weights.map((w) =>
      isCustomerRoute(w.routeId) && isPageRoute(w.routeId, appDir) && w.gzipBytes / 1024 > TARGETS.customerJsGzipKb
        ? `${w.routeId}: ${kb(w.gzipBytes)} kB gzip`
        : null,
    ),
  ].filter((m): m is string => m !== null);

  const cpus = os.cpus();
  writeFileSync(
    resultsPath,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: {
          cores: cpus.length,
          cpu: cpus[0]?.model.trim() ?? "unknown",
          memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
          loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
          node: process.version,
          chromium: spawnSync(process.env.CHROME_PATH ?? "/usr/bin/chromium", ["--version"], { encoding: "utf8" }).stdout.trim(),
          database: "PGlite (demo data)",
        },
        targets: TARGETS,
        lighthouse: results,
        skipped,
        weights: weights.map((w) => ({ ...w, customer: isCustomerRoute(w.routeId) })),
        missed,
        problems,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${path.relative(process.cwd(), resultsPath)}`);
  if (missed.length > 0) console.log(`missed targets:\n  ${missed.join("\n  ")}`);
  if (problems.length > 0) return 1;
  return argv.includes("--check") && missed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  },
);
