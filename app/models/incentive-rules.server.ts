/** Incentive rules as the staff editor sees them (every rule, any state). */
import type { Kysely, Transaction } from "kysely";

import type { Database } from "~/lib/db.server";

import type { DB, Segment } from "../../db/schema";

type Tx = Kysely<DB> | Transaction<DB>;

export interface IncentiveRuleValues {
  kind: "early_renewal" | "multi_year" | "save_offer";
  segment: Segment | null;
  minDaysBeforeEnd: number | null;
  termYears: number | null;
  discountBps: number;
  bonusMonths: number;
  bonusFeature: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  active: boolean;
}

const COLUMNS = [
  "id",
  "kind",
  "segment",
  "minDaysBeforeEnd",
  "termYears",
  "discountBps",
  "bonusMonths",
  "bonusFeature",
  "effectiveFrom",
  "effectiveTo",
  "active",
  "updatedAt",
] as const;

export async function listIncentiveRules(db: Database) {
  return db
    .selectFrom("incentiveRules")
    .select(COLUMNS)
    .orderBy("kind")
    .orderBy("segment")
    .orderBy("minDaysBeforeEnd", "desc")
    .orderBy("termYears")
    .orderBy("effectiveFrom")
    .execute();
}

export async function findIncentiveRule(db: Tx, id: string) {
  return db.selectFrom("incentiveRules").select(COLUMNS).where("id", "=", id).executeTakeFirst();
}

export async function insertIncentiveRule(trx: Tx, values: IncentiveRuleValues, staffUserId: string, now: Date): Promise<string> {
  const row = await trx
    .insertInto("incentiveRules")
    .values({ ...values, updatedByStaffId: staffUserId, createdAt: now, updatedAt: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateIncentiveRule(trx: Tx, id: string, values: IncentiveRuleValues, staffUserId: string, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable("incentiveRules")
    .set({ ...values, updatedByStaffId: staffUserId, updatedAt: now })
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
