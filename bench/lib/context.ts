/**
 * What a benchmark target may need to build its URL or sign in: the seeded
 * ids and emails, read from the bench database before the server starts
 * (PGlite allows one process at a time, and the server is that process).
 */
import { sql } from "kysely";

import type { Database } from "../../app/lib/db.server";
import type { Locale } from "../../db/schema";
import type { Dataset } from "./database";
import { HEAVY_ACCOUNT_EVERY } from "./scale";
import { BENCH_KB_QUERIES } from "./vocabulary";

export interface BenchContext {
  /** e.g. http://127.0.0.1:3500 (set once the server listens). */
  baseUrl: string;
  dataset: Pick<Dataset, "scale" | "today">;
  /** An account with exactly 50 contracts (the account-home benchmark), seen by its admin. */
  heavyAccount: {
    id: string;
    name: string;
    contractCount: number;
    admin: { id: string; email: string };
    /** Its active contract ending soonest: the one a renewal page would quote. */
    renewalContractId: string;
  };
  /** The success manager who owns the heavy account (for staff pages). */
  staff: { id: string; email: string };
  /** Search terms per locale that match a few dozen KB articles (`hit`) or none (`miss`). */
  kbQueries: Record<Locale, { hit: string; miss: string }>;
}

export async function loadBenchContext(db: Database, dataset: Pick<Dataset, "scale" | "today">): Promise<Omit<BenchContext, "baseUrl">> {
  // The first heavy account is account number HEAVY_ACCOUNT_EVERY; its id is
  // derived the same way the seeder derived it.
  const account = await sql<{ id: string; name: string; ownerStaffId: string | null }>`
    select id, name, owner_staff_id from accounts where id = bench.uuid(${`account-${HEAVY_ACCOUNT_EVERY}`})
  `.execute(db);
  const heavy = account.rows[0];
  if (!heavy) throw new Error("the bench database has no heavy account: reseed it with --fresh");

  const contracts = await db
    .selectFrom("contracts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("accountId", "=", heavy.id)
    .executeTakeFirstOrThrow();
  const admin = await db
    .selectFrom("contacts")
    .select(["id", "email"])
    .where("accountId", "=", heavy.id)
    .where("role", "=", "admin")
    .orderBy("email")
    .executeTakeFirstOrThrow();
  const renewal = await db
    .selectFrom("contracts")
    .select("id")
    .where("accountId", "=", heavy.id)
    .where("status", "=", "active")
    .where("termEnd", ">=", dataset.today)
    .orderBy("termEnd")
    .executeTakeFirstOrThrow();
  const staff = await db
    .selectFrom("staffUsers")
    .select(["id", "email"])
    .where("id", "=", heavy.ownerStaffId ?? "")
    .executeTakeFirstOrThrow();

  return {
    dataset: { scale: dataset.scale, today: dataset.today },
    heavyAccount: {
      id: heavy.id,
      name: heavy.name,
      contractCount: Number(contracts.n),
      admin,
      renewalContractId: renewal.id,
    },
    staff,
    kbQueries: BENCH_KB_QUERIES,
  };
}
