import { fromKysely, fromPglite, PgBoss } from "pg-boss";
import type { Kysely, Transaction } from "kysely";

import type { DB } from "../../../db/schema";
import type { DatabaseHandle } from "../db.server";
import { errorFields, log } from "../log.server";

/**
 * Background work runs on pg-boss, in the same database as the app: on
 * Postgres through its own small pool, on the embedded PGlite through the
 * same instance. Jobs are enqueued inside the transaction of the change that
 * causes them (`enqueue(trx, …)`), so a rolled-back change sends nothing and
 * a committed one is never lost. pg-boss hands each job to one worker, so
 * several app instances never run the same job twice.
 */
export interface QueueSpec {
  name: string;
  /** Retries with exponential backoff: an email server down for a while is retried, not lost. */
  retryLimit: number;
  retryDelay: number;
  expireInSeconds?: number;
  /**
   * Workers refresh a claimed job this often (seconds, at least 10); a job
   * whose worker stops refreshing (its instance was killed) is failed by the
   * supervisor of any surviving instance and retried there, instead of
   * waiting out expireInSeconds.
   */
  heartbeatSeconds?: number;
}

export const QUEUES = {
  sendEmail: { name: "email-send", retryLimit: 8, retryDelay: 15, heartbeatSeconds: 30 },
  maintenance: { name: "maintenance", retryLimit: 2, retryDelay: 60 },
  // Fulfils paid checkout sessions whose webhook never came; the next run
  // (ten minutes later) is the retry, so a failed run is not retried.
  reconcilePayments: { name: "payments-reconcile", retryLimit: 0, retryDelay: 60, expireInSeconds: 540 },
} satisfies Record<string, QueueSpec>;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]["name"];

export type JobHandler = (data: Record<string, unknown>, meta: { id: string; retryCount: number }) => Promise<void>;

let boss: PgBoss | undefined;

/**
 * `background: false` gives a queue that only sends (tests, scripts): no
 * supervisor or cron timers running behind the caller's back.
 */
export function createBoss(handle: DatabaseHandle, connectionString?: string, background = true): PgBoss {
  const common = { schema: "pgboss", supervise: background, schedule: background, migrate: true } as const;
  return handle.kind === "pglite" && handle.pglite
    ? new PgBoss({ ...common, db: fromPglite(handle.pglite), backend: "pglite" })
    : new PgBoss({ ...common, connectionString, max: 3, application_name: "customer365-jobs" });
}

/** Installs or upgrades pg-boss's schema and our queues; used at start-up and by test templates. */
export async function installQueues(instance: PgBoss): Promise<void> {
  for (const spec of Object.values(QUEUES) as QueueSpec[]) {
    const existing = await instance.getQueue(spec.name);
    if (!existing) {
      await instance.createQueue(spec.name, {
        retryLimit: spec.retryLimit,
        retryDelay: spec.retryDelay,
        retryBackoff: true,
        retryDelayMax: 3600,
        expireInSeconds: spec.expireInSeconds ?? 300,
        ...(spec.heartbeatSeconds ? { heartbeatSeconds: spec.heartbeatSeconds } : {}),
      });
    } else if ((existing.heartbeatSeconds ?? null) !== (spec.heartbeatSeconds ?? null)) {
      // A database created before the setting existed gets it on the next start.
      await instance.updateQueue(spec.name, { heartbeatSeconds: spec.heartbeatSeconds ?? null });
    }
  }
}

export interface StartJobsOptions {
  connectionString?: string;
  /** Run workers (and the maintenance schedule) in this process. */
  work: boolean;
  handlers: Partial<Record<QueueName, JobHandler>>;
}

export async function startJobs(handle: DatabaseHandle, options: StartJobsOptions): Promise<PgBoss> {
  const instance = createBoss(handle, options.connectionString);
  instance.on("error", (error: unknown) => log.error("job queue error", errorFields(error)));
  await instance.start();
  await installQueues(instance);
  if (options.work) {
    for (const [name, handler] of Object.entries(options.handlers)) {
      if (!handler) continue;
      // Up to 10 jobs a fetch, fetching again at once while fetches come back
      // full: one job per poll capped delivery at one email a second per
      // instance, and a burst of sign-in links waited minutes (measured by
      // npm run test:load). A failure fails the whole batch, so every job of it
      // is retried; handlers are idempotent (an email already sent is skipped).
      await instance.work<Record<string, unknown>>(
        name,
        { batchSize: 10, burstWhenBatchFull: true, pollingIntervalSeconds: 1 },
        async (jobs) => {
          let failed: unknown;
          for (const job of jobs) {
            try {
              await handler(job.data, { id: job.id, retryCount: job.retryCount });
            } catch (error) {
              log.warn("job failed; it will be retried", { queue: name, jobId: job.id, retry: job.retryCount, ...errorFields(error) });
              failed ??= error;
            }
          }
          if (failed) throw failed;
        },
      );
    }
    await instance.schedule(QUEUES.maintenance.name, "17 * * * *", {});
    await instance.schedule(QUEUES.reconcilePayments.name, "*/10 * * * *", {});
  }
  boss = instance;
  return instance;
}

export function setBoss(instance: PgBoss | undefined) {
  boss = instance;
}

export function jobQueue(): PgBoss {
  if (!boss) throw new Error("The job queue is not started");
  return boss;
}

export async function stopJobs(): Promise<void> {
  const running = boss;
  boss = undefined;
  await running?.stop({ graceful: true, timeout: 10_000, close: true });
}

/** Enqueues a job inside `trx`: it exists only if the transaction commits. */
export async function enqueue(
  trx: Transaction<DB> | Kysely<DB>,
  queue: QueueName,
  data: Record<string, unknown>,
  options: { startAfter?: Date; singletonKey?: string } = {},
): Promise<void> {
  await jobQueue().send(queue, data, { ...options, db: fromKysely(trx) });
}
