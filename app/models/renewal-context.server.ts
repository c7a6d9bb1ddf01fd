/**
 * A contract's current term as the pricing engine sees it, scoped by account
 * (tenant isolation: another account's contract is simply not found).
 */
import type { Expression, InferResult } from "kysely";

import type { CurrentLine, RenewalContext } from "~/domain/pricing";
import type { Database } from "~/lib/db.server";

import type { ContractStatus } from "../../db/schema";

export interface RenewalContract {
  id: string;
  number: string;
  accountId: string;
  status: ContractStatus;
  termStart: string;
  termEnd: string;
  context: RenewalContext;
}

/**
 * The contract, its lines (the plan and add-ons, with what the customer pays
 * now) and the seats in use (the latest usage snapshot's active seats; null
 * without usage data). Returns null for another account's contract or one
 * that does not exist; callers decide what a status other than 'active'
 * means for them. `saveOfferUsed` is left unset: the non-renewal path, which
 * will record save offers, owns that fact and sets it.
 */
export async function findRenewalContext(
  db: Database,
  accountId: string,
  contractId: string,
): Promise<RenewalContract | null> {
  const contract = await selectRenewalContract(db)
    .where("contracts.id", "=", contractId)
    .where("contracts.accountId", "=", accountId)
    .executeTakeFirst();
  if (!contract) return null;
  const lines = await selectRenewalLines(db, contract.id).execute();
  return toRenewalContract(contract, lines);
}

/** The contract's head as findRenewalContext reads it (the caller adds the where). */
export function selectRenewalContract(db: Database) {
  return db
    .selectFrom("contracts")
    .innerJoin("accounts", "accounts.id", "contracts.accountId")
    .select((eb) => [
      "contracts.id",
      "contracts.number",
      "contracts.accountId",
      "contracts.status",
      "contracts.termStart",
      "contracts.termEnd",
      "contracts.currency",
      "accounts.segment",
      eb
        .selectFrom("usageSnapshots")
        .select("usageSnapshots.seatsActive")
        .whereRef("usageSnapshots.contractId", "=", "contracts.id")
        .orderBy("usageSnapshots.periodStart", "desc")
        .limit(1)
        .as("seatsInUse"),
    ]);
}

/** The contract's lines in position order; `contractId` is a value or a column of an outer query. */
export function selectRenewalLines(db: Database, contractId: string | Expression<string>) {
  return db
    .selectFrom("contractLines")
    .innerJoin("products", "products.id", "contractLines.productId")
    .select(["products.code", "products.kind", "contractLines.quantity", "contractLines.unitAmount"])
    .where("contractLines.contractId", "=", contractId)
    .orderBy("contractLines.position");
}

export function toRenewalContract(
  contract: InferResult<ReturnType<typeof selectRenewalContract>>[number],
  lines: InferResult<ReturnType<typeof selectRenewalLines>>,
): RenewalContract {
  const plans = lines.filter((line) => line.kind === "plan");
  // The schema allows any lines; a contract without exactly one plan cannot be priced as a renewal.
  if (plans.length !== 1) throw new Error(`Contract ${contract.number} has ${plans.length} plan lines, expected 1`);
  const toLine = (line: (typeof lines)[number]): CurrentLine => ({
    code: line.code,
    quantity: line.quantity,
    unitAmount: line.unitAmount,
  });

  return {
    id: contract.id,
    number: contract.number,
    accountId: contract.accountId,
    status: contract.status,
    termStart: contract.termStart,
    termEnd: contract.termEnd,
    context: {
      currency: contract.currency,
      termEnd: contract.termEnd,
      segment: contract.segment,
      plan: toLine(plans[0]!),
      addOns: lines.filter((line) => line.kind === "addon").map(toLine),
      seatsInUse: contract.seatsInUse ?? null,
    },
  };
}
