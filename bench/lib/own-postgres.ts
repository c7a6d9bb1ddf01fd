/**
 * A PostgreSQL cluster of the load test's own: initdb into a temporary
 * directory, its own port and socket directory, so stopping and restarting it
 * disturbs nobody (the shared cluster on 5432 is never touched). Removed at
 * the end of the run.
 */
import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export interface OwnPostgres {
  port: number;
  dataDir: string;
  /** postgres://… of database `name` on this cluster. */
  url(name: string): string;
  start(): void;
  stop(): void;
  /** Stops the cluster (if running) and deletes its directory. */
  destroy(): void;
}

/** initdb refuses to run as root: as root, the cluster belongs to the `postgres` user. */
function run(bin: string, args: string[]) {
  const asRoot = process.getuid?.() === 0;
  const [command, commandArgs] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(PG_BIN, bin), ...args]] : [path.join(PG_BIN, bin), args];
  return execFileSync(command, commandArgs, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
}

export function createOwnPostgres(port: number): OwnPostgres {
  const dataDir = mkdtempSync(path.join(tmpdir(), "c365-load-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dataDir, uid, gid);
  }
  run("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  let running = false;
  const options = `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off`;
  return {
    port,
    dataDir,
    url: (name) => `postgres://postgres@127.0.0.1:${port}/${name}`,
    start() {
      run("pg_ctl", ["-D", dataDir, "-o", options, "-l", path.join(dataDir, "server.log"), "-w", "-t", "60", "start"]);
      running = true;
    },
    stop() {
      if (!running) return;
      run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop"]);
      running = false;
    },
    destroy() {
      try {
        this.stop();
      } catch {
        // already down
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
