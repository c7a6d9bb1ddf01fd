/**
 * Starts the production build (node build/server.js) on the bench database
 * and stops it again; reads its memory from /proc.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { BenchDatabase } from "./database";
import { BENCH_SESSION_SECRET } from "../auth";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Bench servers listen from here up, clear of the dev server (3000) and the e2e ports (33xx–34xx). */
export const FIRST_BENCH_PORT = 3500;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

export async function findFreePort(from = FIRST_BENCH_PORT, attempts = 100): Promise<number> {
  for (let port = from; port < from + attempts; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port in ${from}–${from + attempts - 1}`);
}

export interface RunningServer {
  pid: number;
  port: number;
  baseUrl: string;
  /** The last lines the server wrote to stderr (for failure messages). */
  stderrTail(): string;
  stop(): Promise<void>;
}

/**
 * The environment of a production server on the bench database: JOBS off
 * (background work would compete with the measured requests), warn-level logs
 * (a log line per request would measure the logger), a fixed session secret so
 * bench/auth.ts can sign cookies, never the demo seed.
 */
export function serverEnv(
  target: BenchDatabase,
  port: number,
  base: Record<string, string | undefined> = process.env,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: base.PATH,
    HOME: base.HOME,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: `http://127.0.0.1:${port}`,
    SESSION_SECRET: BENCH_SESSION_SECRET,
    // Production needs a payment provider. No benchmarked page calls Stripe,
    // so a test-mode key aimed at a closed local port is enough (and any
    // payment attempt would fail loudly instead of reaching anyone).
    STRIPE_SECRET_KEY: "sk_test_customer365_bench",
    STRIPE_WEBHOOK_SECRET: "whsec_customer365_bench",
    STRIPE_API_URL: "http://127.0.0.1:9",
    SEED_DEMO_DATA: "false",
    JOBS: "off",
    LOG_LEVEL: "warn",
    // e.g. BENCH_NODE_OPTIONS=--cpu-prof to profile the server under load.
    NODE_OPTIONS: base.BENCH_NODE_OPTIONS,
    // ACCOUNT_HOME_CACHE_ENTRIES=0 measures the account home without its
    // in-memory answer (every request runs the contracts query).
    ACCOUNT_HOME_CACHE_ENTRIES: base.ACCOUNT_HOME_CACHE_ENTRIES,
  };
  if (target.kind === "postgres") env.DATABASE_URL = target.url;
  else {
    env.DATABASE_URL = "";
    env.PGLITE_DATA_DIR = target.dataDir;
  }
  return env;
}

export async function startServer(
  target: BenchDatabase,
  options: { timeoutMs?: number; env?: Record<string, string>; port?: number } = {},
): Promise<RunningServer> {
  const entry = path.join(repoRoot, "build/server.js");
  if (!existsSync(entry)) throw new Error("build/server.js is missing: run without --no-build (or `npm run build`) first");
  const port = options.port ?? (await findFreePort());
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: repoRoot,
    // Overrides for other harnesses (npm run test:load runs jobs and trusts a proxy header).
    env: { ...serverEnv(target, port), ...options.env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let running = true;
  void exited.then(() => (running = false));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!running) return;
    child.kill("SIGTERM");
    const forced = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(forced);
  };

  // PGlite opens a large data directory in its own time: allow minutes.
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (!running) throw new Error(`the server exited before it was ready:\n${stderr.trim()}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) {
        return { pid: child.pid!, port, baseUrl, stderrTail: () => stderr.trim(), stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the server did not answer /healthz with 200 within ${Math.round((options.timeoutMs ?? 180_000) / 1000)} s:\n${stderr.trim()}`);
}

/** VmRSS of a process in bytes, or undefined where /proc is not available. */
export function residentSetSize(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
