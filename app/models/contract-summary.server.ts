import type { Database } from "~/lib/db.server";

/** One contract of one account (null for any other account's contract). */
export async function findContractSummary(db: Database, accountId: string, contractId: string) {
  return db
    .selectFrom("contracts as k")
    .leftJoin("contractLines as pl", (join) =>
      join.onRef("pl.contractId", "=", "k.id").on("pl.productId", "in", (q) => q.selectFrom("products").select("id").where("kind", "=", "plan")),
    )
    .leftJoin("products as p", "p.id", "pl.productId")
    .select([
      "k.id",
      "k.number",
      "k.termStart",
      "k.termEnd",
      "k.status",
      "k.currency",
      "p.code as planCode",
      "pl.quantity as seats",
    ])
    .where("k.id", "=", contractId)
    .where("k.accountId", "=", accountId)
    .executeTakeFirst();
}

export async function listContractSummaries(db: Database, accountId: string) {
  return db
    .selectFrom("contracts as k")
    .select(["k.id", "k.number", "k.termEnd", "k.status"])
    .where("k.accountId", "=", accountId)
    .orderBy("k.termEnd")
    .execute();
}
