/** The "I don't plan to renew" decision: a survey_responses row (kind non_renewal) plus auto-renew off. */
import type { Expression, Kysely, Transaction } from "kysely";

import type { DB } from "../../db/schema";

type Tx = Kysely<DB> | Transaction<DB>;

/** The contract's latest non-renewal answer, if any. */
export async function findNonRenewal(db: Tx, accountId: string, contractId: string) {
  return selectNonRenewal(db, accountId, contractId).executeTakeFirst();
}

/** The select behind findNonRenewal; the ids are values or columns of an outer query. */
export function selectNonRenewal(db: Tx, accountId: string | Expression<string>, contractId: string | Expression<string>) {
  return db
    .selectFrom("surveyResponses")
    .select(["id", "reasons", "comment", "createdAt", "contactId"])
    .where("accountId", "=", accountId)
    .where("contractId", "=", contractId)
    .where("kind", "=", "non_renewal")
    .orderBy("createdAt", "desc")
    .limit(1);
}

export async function insertNonRenewal(
  trx: Tx,
  answer: { accountId: string; contractId: string; contactId: string | null; reasons: readonly string[]; comment: string | null; now: Date },
): Promise<string> {
  const row = await trx
    .insertInto("surveyResponses")
    .values({
      accountId: answer.accountId,
      contractId: answer.contractId,
      contactId: answer.contactId,
      kind: "non_renewal",
      score: null,
      reasons: [...answer.reasons],
      comment: answer.comment,
      createdAt: answer.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function turnOffAutoRenew(trx: Tx, accountId: string, contractId: string): Promise<boolean> {
  const result = await trx
    .updateTable("contracts")
    .set({ autoRenew: false })
    .where("id", "=", contractId)
    .where("accountId", "=", accountId)
    .where("autoRenew", "=", true)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
