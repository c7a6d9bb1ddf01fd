/**
 * Contracts as a customer sees them. Every function takes the Kysely handle
 * (database or transaction) first and the account id second, and every query
 * is scoped by that account id, whatever id the URL carried.
 */
import { sql, type Expression } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";

import type {
  AccountHomeRow,
  ContractDetail,
  PastTerm,
  PaymentDocument,
  Person,
  QuoteDocument,
} from "~/domain/subscriptions/view";
import type { TicketFact, UsageMonth } from "~/domain/subscriptions/types";
import type { IncentiveRule } from "~/domain/pricing";
import type { Database } from "~/lib/db.server";
import { preparedQuery } from "~/lib/prepared-query.server";
import { selectIncentiveRules } from "~/models/catalogue.server";

type Db = Database;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id can never match: answer "not found" instead of a database error. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** How many snapshots the account home reads per contract: the current month plus three complete ones. */
const RECENT_MONTHS = 4;

/** The contract's lines with their product codes, in position order, as a JSON array. */
function linesOf(db: Db, contractId: Expression<string>) {
  return jsonArrayFrom(
    db
      .selectFrom("contractLines as l")
      .innerJoin("products as p", "p.id", "l.productId")
      .select(["l.productId", "p.code as productCode", "p.kind", "p.pricingModel", "l.quantity", "l.unitAmount"])
      .where("l.contractId", "=", contractId)
      .orderBy("l.position")
      .orderBy("p.code"),
  );
}

/** Sum of quantity × unit price: what one year of the contract costs. */
function annualValueOf(db: Db, contractId: Expression<string>) {
  return db
    .selectFrom("contractLines as v")
    .select(sql<number>`coalesce(sum(v.quantity * v.unit_amount), 0)::bigint`.as("total"))
    .where("v.contractId", "=", contractId);
}

/**
 * Everything the account home shows, for all the account's contracts, in ONE
 * query whatever their number: lines and recent usage come back as JSON
 * arrays from correlated subqueries, the successor from a join.
 *
 * Index use (checked with EXPLAIN on 1M contracts / 5M snapshots, see the
 * README): contracts by contracts_account_id_term_end_idx; lines by
 * contract_lines_product_key (contract_id, product_id); the latest snapshots
 * by a backward scan of usage_snapshots_period_key (contract_id,
 * period_start) with a limit; the successor by contracts_previous_contract_id_key.
 */
export async function listContractsForAccountHome(db: Db, accountId: string, today: string): Promise<AccountHomeRow[]> {
  return (await loadAccountHome(db, accountId, today)).rows;
}

export interface AccountHomeData {
  rows: AccountHomeRow[];
  /**
   * The incentive rules for the account's segment in force on `today`
   * (loadIncentiveRules' answer), fetched in the same round trip; empty
   * when the account has no contract to promise a discount on.
   */
  incentiveRules: IncentiveRule[];
}

/** The account home's contracts and the incentive rules it promises, in one query. */
export async function loadAccountHome(db: Db, accountId: string, today: string): Promise<AccountHomeData> {
  if (!isUuid(accountId)) return { rows: [], incentiveRules: [] };
  const found = await accountHomeQuery(db, accountId, today);

  const rows = found.map(
    ({ successorId, successorNumber, successorTermStart, successorTermEnd, annualValue, incentiveRules: _rules, ...row }) => ({
      ...row,
      annualValue: Number(annualValue ?? 0),
      successor:
        successorId && successorNumber && successorTermStart && successorTermEnd
          ? { id: successorId, number: successorNumber, termStart: successorTermStart, termEnd: successorTermEnd }
          : null,
    }),
  );
  return { rows, incentiveRules: found[0]?.incentiveRules ?? [] };
}

// Compiled once: the account home runs it on every request (see preparedQuery).
const accountHomeQuery = preparedQuery("account home", (db: Db, accountId: string, today: string) =>
  db
    .selectFrom("contracts as c")
    .innerJoin("accounts as a", "a.id", "c.accountId")
    // One index probe per contract. As a plain join, the generic plan of the
    // prepared statement (sized for an average account) compared every
    // contract of a large account with every other one.
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("contracts as s")
          .select(["s.id", "s.number", "s.termStart", "s.termEnd"])
          .whereRef("s.previousContractId", "=", "c.id")
          .whereRef("s.accountId", "=", "c.accountId")
          // previous_contract_id is unique; the limit keeps the planner from
          // flattening this back into a join.
          .limit(1)
          .as("s"),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      "c.id",
      "c.number",
      "c.status",
      "c.termStart",
      "c.termEnd",
      "c.autoRenew",
      "c.currency",
      "c.cancelledAt",
      "a.segment",
      linesOf(db, eb.ref("c.id")).as("lines"),
      annualValueOf(db, eb.ref("c.id")).as("annualValue"),
      jsonArrayFrom(
        eb
          .selectFrom("usageSnapshots as u")
          .select(["u.periodStart", "u.seatsActive", "u.coreActions"])
          .whereRef("u.contractId", "=", "c.id")
          .orderBy("u.periodStart", "desc")
          .limit(RECENT_MONTHS),
      ).as("recentUsage"),
      "s.id as successorId",
      "s.number as successorNumber",
      "s.termStart as successorTermStart",
      "s.termEnd as successorTermEnd",
      // Every contract of an account shares its segment, so the rules ride on
      // the first row only (saving the page a round trip).
      eb
        .case()
        .when(sql<number>`row_number() over (order by c.term_end, c.number)`, "=", 1)
        .then(jsonArrayFrom(selectIncentiveRules(db, eb.ref("a.segment"), today)))
        .end()
        .as("incentiveRules"),
    ])
    .where("c.accountId", "=", accountId)
    // Only the terms the home shows (see buildAccountHome): not a term whose
    // successor has started (it is history), nor a successor still waiting
    // to start (its predecessor stands for it). Renewal chains would
    // otherwise run the line and usage subqueries for every past term.
    .where((eb) => eb.or([eb("s.id", "is", null), eb("s.termStart", ">", today)]))
    .where((eb) => eb.or([eb("c.previousContractId", "is", null), eb("c.termStart", "<=", today)]))
    .orderBy("c.termEnd")
    .orderBy("c.number"),
);

/**
 * One contract of the account with everything its page and value recap need,
 * or null when the id is malformed, unknown, or another account's. A fixed
 * number of queries (one, then six at once), none per line or per term.
 */
export async function findContractForAccount(db: Db, accountId: string, contractId: string): Promise<ContractDetail | null> {
  if (!isUuid(accountId) || !isUuid(contractId)) return null;

  const head = await db
    .selectFrom("contracts as c")
    .innerJoin("accounts as a", "a.id", "c.accountId")
    .leftJoin("contracts as s", (join) =>
      join.onRef("s.previousContractId", "=", "c.id").onRef("s.accountId", "=", "c.accountId"),
    )
    .select((eb) => [
      "c.id",
      "c.number",
      "c.status",
      "c.termStart",
      "c.termEnd",
      "c.autoRenew",
      "c.currency",
      "c.cancelledAt",
      "c.renewedAt",
      "c.previousContractId",
      "a.segment",
      linesOf(db, eb.ref("c.id")).as("lines"),
      "s.id as successorId",
      "s.number as successorNumber",
      "s.termStart as successorTermStart",
      "s.termEnd as successorTermEnd",
    ])
    .where("c.id", "=", contractId)
    .where("c.accountId", "=", accountId)
    .executeTakeFirst();
  if (!head) return null;

  const [history, usage, tickets, quotes, payments, people] = await Promise.all([
    findEarlierTerms(db, accountId, contractId),
    findUsage(db, accountId, head.previousContractId ? [contractId, head.previousContractId] : [contractId]),
    findTermTickets(db, accountId, contractId, head.termStart),
    findQuotes(db, accountId, contractId),
    findPayments(db, accountId, contractId),
    findPeople(db, accountId),
  ]);

  const { successorId, successorNumber, successorTermStart, successorTermEnd, lines, previousContractId, ...contract } = head;
  return {
    contract,
    lines,
    successor:
      successorId && successorNumber && successorTermStart && successorTermEnd
        ? { id: successorId, number: successorNumber, termStart: successorTermStart, termEnd: successorTermEnd }
        : null,
    history,
    quotes,
    payments,
    people,
    usage: usage.filter((row) => row.contractId === contractId).map(stripContractId),
    previousUsage: usage.filter((row) => row.contractId === previousContractId).map(stripContractId),
    tickets,
  };
}

function stripContractId({ contractId: _contractId, ...month }: UsageMonth & { contractId: string }): UsageMonth {
  return month;
}

/**
 * The chain of earlier terms (previous_contract_id, back to the first one),
 * newest first, each with its annual value. A recursive CTE: one query
 * however long the chain. Every step stays inside the account, and the depth
 * cap guards against a cycle in bad data.
 */
async function findEarlierTerms(db: Db, accountId: string, contractId: string): Promise<PastTerm[]> {
  const result = await sql<PastTerm & { annualValue: number | string }>`
    with recursive chain (id, previous_contract_id, depth) as (
      select p.id, p.previous_contract_id, 1
        from contracts c
        join contracts p on p.id = c.previous_contract_id and p.account_id = c.account_id
       where c.id = ${contractId} and c.account_id = ${accountId}
      union all
      select p.id, p.previous_contract_id, chain.depth + 1
        from chain
        join contracts p on p.id = chain.previous_contract_id and p.account_id = ${accountId}
       where chain.depth < 100
    )
    select t.id, t.number, t.term_start, t.term_end, t.status, t.currency, t.renewed_at,
           (select coalesce(sum(l.quantity * l.unit_amount), 0)::bigint
              from contract_lines l where l.contract_id = t.id) as annual_value
      from chain
      join contracts t on t.id = chain.id
     order by chain.depth`.execute(db);
  return result.rows.map((row) => ({ ...row, annualValue: Number(row.annualValue) }));
}

/** Snapshots of this term and the one before; the join keeps a bad predecessor link inside the account. */
async function findUsage(db: Db, accountId: string, contractIds: string[]): Promise<Array<UsageMonth & { contractId: string }>> {
  return db
    .selectFrom("usageSnapshots as u")
    .innerJoin("contracts as c", "c.id", "u.contractId")
    .select(["u.contractId", "u.periodStart", "u.seatsActive", "u.logins", "u.coreActions", "u.recordsProcessed", "u.featureUsage"])
    .where("u.contractId", "in", contractIds)
    .where("c.accountId", "=", accountId)
    .orderBy("u.contractId")
    .orderBy("u.periodStart")
    .execute();
}

/** The contract's support requests opened since its term began, with the CSAT each got. */
async function findTermTickets(db: Db, accountId: string, contractId: string, termStart: string): Promise<TicketFact[]> {
  return db
    .selectFrom("supportTickets as t")
    .leftJoin("surveyResponses as r", (join) => join.onRef("r.ticketId", "=", "t.id").on("r.kind", "=", "csat"))
    .select(["t.createdAt", "t.firstResponseAt", "t.resolvedAt", "t.status", "t.priority", "r.score as csat"])
    .where("t.accountId", "=", accountId)
    .where("t.contractId", "=", contractId)
    .where("t.createdAt", ">=", sql<Date>`${termStart}::date`)
    .orderBy("t.createdAt")
    .execute();
}

async function findQuotes(db: Db, accountId: string, contractId: string): Promise<QuoteDocument[]> {
  return db
    .selectFrom("quotes")
    .select([
      "id",
      "number",
      "version",
      "status",
      "currency",
      "total",
      "termYears",
      "newTermStart",
      "newTermEnd",
      "createdAt",
      "expiresAt",
    ])
    .where("accountId", "=", accountId)
    .where("contractId", "=", contractId)
    .orderBy("version", "desc")
    .execute();
}

async function findPayments(db: Db, accountId: string, contractId: string): Promise<PaymentDocument[]> {
  return db
    .selectFrom("payments as p")
    .innerJoin("quotes as q", "q.id", "p.quoteId")
    .select([
      "p.id",
      "p.quoteId",
      "q.number as quoteNumber",
      "p.status",
      "p.amount",
      "p.refundedAmount",
      "p.currency",
      "p.paidAt",
      "p.receiptUrl",
    ])
    .where("p.accountId", "=", accountId)
    .where("q.accountId", "=", accountId)
    .where("q.contractId", "=", contractId)
    .orderBy("p.createdAt", "desc")
    .execute();
}

async function findPeople(db: Db, accountId: string): Promise<Person[]> {
  return db
    .selectFrom("contacts")
    .select(["id", "name", "email", "role", "jobTitle"])
    .where("accountId", "=", accountId)
    .where("active", "=", true)
    .orderBy("name")
    .execute();
}
