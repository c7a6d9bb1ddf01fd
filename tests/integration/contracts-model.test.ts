import { beforeAll, describe, expect, it } from "vitest";

import { addDays, addMonths } from "../../app/lib/dates";
import { loadIncentiveRules } from "../../app/models/catalogue.server";
import { findContractForAccount, listContractsForAccountHome, loadAccountHome } from "../../app/models/contracts.server";
import {
  buildAccount,
  buildCatalogue,
  buildContact,
  buildContract,
  buildIncentiveRules,
  buildTicket,
  buildUsageHistory,
  insertRows,
  instantOn,
  pricedLines,
  type Catalogue,
} from "../../db/seed/factories";
import { createRng } from "../../db/seed/random";
import { createQueryLog, type QueryLog } from "../support/query-log";
import { useTestDatabase } from "../support/test-database";

const TODAY = "2026-11-25";
const database = useTestDatabase({ today: TODAY });
const rng = createRng("contracts-model-test");

let catalogue: Catalogue;
let log: QueryLog;

/** An account with `count` yearly contracts ending 5, 10, 15… days from today, each with its usage so far. */
async function accountWithContracts(count: number) {
  const account = await buildAccount(database.db, { currency: "USD" }, rng);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const termEnd = addDays(TODAY, 5 * (i + 1));
    const contract = await buildContract(
      database.db,
      {
        accountId: account.id,
        currency: "USD",
        termEnd,
        lines: pricedLines({ catalogue, currency: "USD", plan: "starter", seats: 5 + i, addons: [{ code: "sandbox" }] }),
      },
      rng,
    );
    await buildUsageHistory(
      database.db,
      { contractId: contract.id, termStart: contract.termStart, termEnd, today: TODAY, seats: 5 + i, shape: "flat" },
      rng,
    );
    ids.push(contract.id);
  }
  return { accountId: account.id, contractIds: ids };
}

beforeAll(async () => {
  catalogue = await buildCatalogue(database.db, rng);
  log = createQueryLog(database.database);
});

describe("listContractsForAccountHome", () => {
  it("issues the same single query for an account with 1, 10 or 50 contracts", async () => {
    const counts: Record<number, number> = {};
    for (const size of [1, 10, 50]) {
      const { accountId } = await accountWithContracts(size);
      log.reset();
      const rows = await listContractsForAccountHome(log.db, accountId, TODAY);
      expect(rows).toHaveLength(size);
      // Every contract came back complete, so nothing was left to a later query.
      for (const row of rows) {
        expect(row.lines.length).toBe(2);
        expect(row.recentUsage.length).toBeGreaterThan(0);
      }
      counts[size] = log.queries.length;
    }
    expect(counts).toEqual({ 1: 1, 10: 1, 50: 1 });
  });

  it("brings the incentive rules of the account's segment in the same query, as loadIncentiveRules gives them", async () => {
    await buildIncentiveRules(database.db, { effectiveFrom: addDays(TODAY, -365) }, rng);
    // Public sector has early-renewal rules of its own; smb gets the default set.
    for (const segment of ["public_sector", "smb"] as const) {
      const account = await buildAccount(database.db, { currency: "USD", segment }, rng);
      for (const days of [40, 200]) {
        await buildContract(
          database.db,
          { accountId: account.id, currency: "USD", termEnd: addDays(TODAY, days), lines: pricedLines({ catalogue, currency: "USD", plan: "starter", seats: 5 }) },
          rng,
        );
      }
      log.reset();
      const home = await loadAccountHome(log.db, account.id, TODAY);
      expect(log.queries).toHaveLength(1);
      expect(home.rows).toHaveLength(2);
      const separately = await loadIncentiveRules(database.db, segment, TODAY);
      expect(separately.length).toBeGreaterThan(0);
      expect(home.incentiveRules).toEqual(separately);
    }
    // No contract, nothing to promise.
    const empty = await buildAccount(database.db, { currency: "USD" }, rng);
    expect(await loadAccountHome(database.db, empty.id, TODAY)).toEqual({ rows: [], incentiveRules: [] });
  });

  it("returns plan, add-ons, seats, latest usage, annual value and successor of each contract", async () => {
    const account = await buildAccount(database.db, { currency: "MYR", segment: "public_sector" }, rng);
    const lines = pricedLines({
      catalogue,
      currency: "MYR",
      plan: "professional",
      seats: 30,
      addons: [{ code: "analytics" }, { code: "premium_support" }],
    });
    const old = await buildContract(
      database.db,
      {
        accountId: account.id,
        currency: "MYR",
        termEnd: addDays(TODAY, 20),
        lines,
        status: "renewed",
        renewedAt: instantOn(addDays(TODAY, -10)),
      },
      rng,
    );
    const next = await buildContract(
      database.db,
      {
        accountId: account.id,
        currency: "MYR",
        termStart: addDays(TODAY, 21),
        lines,
        previousContractId: old.id,
        autoRenew: true,
      },
      rng,
    );
    await insertRows(database.db, "usageSnapshots", [
      { contractId: old.id, periodStart: "2026-09-01", seatsActive: 21, logins: 300, coreActions: 900, recordsProcessed: 1, featureUsage: {} },
      { contractId: old.id, periodStart: "2026-10-01", seatsActive: 24, logins: 310, coreActions: 950, recordsProcessed: 1, featureUsage: {} },
      { contractId: old.id, periodStart: "2026-11-01", seatsActive: 26, logins: 200, coreActions: 700, recordsProcessed: 1, featureUsage: {} },
    ]);

    const rows = await listContractsForAccountHome(database.db, account.id, TODAY);
    // The successor has not started: the running term stands for both.
    expect(rows.map((row) => row.id)).toEqual([old.id]);
    const [first] = rows;
    expect(first).toMatchObject({
      number: old.number,
      status: "renewed",
      termStart: old.termStart,
      termEnd: old.termEnd,
      currency: "MYR",
      segment: "public_sector",
      autoRenew: false,
      successor: { id: next.id, number: next.number, termStart: next.termStart, termEnd: next.termEnd },
    });
    expect(first!.lines.map((line) => [line.productCode, line.kind, line.quantity, line.unitAmount])).toEqual([
      ["professional", "plan", 30, 108_000],
      ["analytics", "addon", 30, 16_200],
      ["premium_support", "addon", 1, 2_025_000],
    ]);
    expect(first!.annualValue).toBe(30 * 108_000 + 30 * 16_200 + 2_025_000);
    expect(first!.recentUsage).toEqual([
      { periodStart: "2026-11-01", seatsActive: 26, coreActions: 700 },
      { periodStart: "2026-10-01", seatsActive: 24, coreActions: 950 },
      { periodStart: "2026-09-01", seatsActive: 21, coreActions: 900 },
    ]);
    // Once the new term has started, it alone is read: the old one is history.
    const later = await listContractsForAccountHome(database.db, account.id, addDays(TODAY, 21));
    expect(later.map((row) => row.id)).toEqual([next.id]);
    expect(later[0]).toMatchObject({ autoRenew: true, successor: null, recentUsage: [] });
  });

  it("reads only the account's own contracts, and nothing for an unknown or malformed id", async () => {
    const mine = await accountWithContracts(2);
    const theirs = await accountWithContracts(3);
    const rows = await listContractsForAccountHome(database.db, mine.accountId, TODAY);
    expect(rows.map((row) => row.id).sort()).toEqual([...mine.contractIds].sort());
    expect(rows.some((row) => theirs.contractIds.includes(row.id))).toBe(false);
    expect(await listContractsForAccountHome(database.db, "00000000-0000-4000-8000-000000000000", TODAY)).toEqual([]);
    expect(await listContractsForAccountHome(database.db, "not-a-uuid", TODAY)).toEqual([]);
  });
});

describe("findContractForAccount", () => {
  /** A renewal chain of `terms` yearly terms, the last ending in 40 days; ids oldest first. */
  async function chainOf(accountId: string, terms: number) {
    const ends = Array.from({ length: terms }, (_, i) => addDays(addMonths(addDays(TODAY, 41), -12 * (terms - 1 - i)), -1));
    let previous: string | null = null;
    const ids: string[] = [];
    for (const [i, termEnd] of ends.entries()) {
      const current = i === terms - 1;
      const contract: { id: string } = await buildContract(
        database.db,
        {
          accountId,
          currency: "USD",
          termEnd,
          lines: pricedLines({ catalogue, currency: "USD", plan: "professional", seats: 10 * (i + 1) }),
          previousContractId: previous,
          status: current ? "active" : "renewed",
          renewedAt: current ? null : instantOn(addDays(termEnd, -45)),
        },
        rng,
      );
      previous = contract.id;
      ids.push(contract.id);
    }
    return ids;
  }

  it("returns null for another account's contract, an unknown id and a malformed id", async () => {
    const mine = await accountWithContracts(1);
    const theirs = await accountWithContracts(1);
    expect(await findContractForAccount(database.db, mine.accountId, theirs.contractIds[0]!)).toBeNull();
    expect(await findContractForAccount(database.db, mine.accountId, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await findContractForAccount(database.db, mine.accountId, "1; drop table contracts")).toBeNull();
    expect(await findContractForAccount(database.db, mine.accountId, mine.contractIds[0]!)).not.toBeNull();
  });

  it("walks the whole renewal chain, newest first, each term with its annual value", async () => {
    const account = await buildAccount(database.db, { currency: "USD" }, rng);
    const ids = await chainOf(account.id, 4);
    const detail = await findContractForAccount(database.db, account.id, ids[3]!);
    expect(detail!.history.map((term) => term.id)).toEqual([ids[2], ids[1], ids[0]]);
    // Seats were 10, 20, 30 and now 40, at 240.00 USD each.
    expect(detail!.history.map((term) => term.annualValue)).toEqual([30 * 24_000, 20 * 24_000, 10 * 24_000]);
    expect(detail!.history.every((term) => term.status === "renewed" && term.renewedAt !== null)).toBe(true);
    expect(detail!.history[0]!.termEnd).toBe(addDays(detail!.contract.termStart, -1));
  });

  it("stops the chain, and the usage it compares with, at the account boundary", async () => {
    const theirs = await buildAccount(database.db, { currency: "USD" }, rng);
    const [foreign] = await chainOf(theirs.id, 1);
    const mine = await buildAccount(database.db, { currency: "USD" }, rng);
    // Bad data: a contract pointing at another account's contract as its predecessor.
    const contract = await buildContract(
      database.db,
      {
        accountId: mine.id,
        currency: "USD",
        termStart: addDays(TODAY, -100),
        lines: pricedLines({ catalogue, currency: "USD", plan: "starter", seats: 3 }),
        previousContractId: foreign!,
      },
      rng,
    );
    await buildUsageHistory(database.db, { contractId: foreign!, termStart: "2025-06-01", termEnd: "2026-12-31", today: TODAY, seats: 9, shape: "flat" }, rng);
    const detail = await findContractForAccount(database.db, mine.id, contract.id);
    expect(detail!.history).toEqual([]);
    expect(detail!.previousUsage).toEqual([]);
  });

  it("runs a fixed number of queries however long the renewal chain", async () => {
    const account = await buildAccount(database.db, { currency: "USD" }, rng);
    const short = await chainOf(account.id, 1);
    const long = await chainOf(account.id, 6);
    log.reset();
    await findContractForAccount(log.db, account.id, short[0]!);
    const forShort = log.queries.length;
    log.reset();
    await findContractForAccount(log.db, account.id, long[5]!);
    expect(log.queries.length).toBe(forShort);
    expect(forShort).toBe(7);
  });

  it("brings lines, documents, people, this term's usage and tickets, and the previous term's usage", async () => {
    const account = await buildAccount(database.db, { currency: "USD" }, rng);
    const admin = await buildContact(database.db, { accountId: account.id, name: "Ada Admin", role: "admin", jobTitle: "COO" }, rng);
    await buildContact(database.db, { accountId: account.id, name: "Finn Finance", role: "approver" }, rng);
    const gone = await buildContact(database.db, { accountId: account.id, name: "Gone Person", role: "user" }, rng);
    await database.db.updateTable("contacts").set({ active: false }).where("id", "=", gone.id).execute();
    const stranger = await buildAccount(database.db, { currency: "USD" }, rng);
    await buildContact(database.db, { accountId: stranger.id, name: "Someone Else" }, rng);

    const lines = pricedLines({ catalogue, currency: "USD", plan: "enterprise", seats: 50, addons: [{ code: "sso_audit" }] });
    const previous = await buildContract(
      database.db,
      { accountId: account.id, currency: "USD", termStart: "2025-03-01", lines, status: "renewed", renewedAt: instantOn("2026-01-10") },
      rng,
    );
    const current = await buildContract(
      database.db,
      { accountId: account.id, currency: "USD", termStart: "2026-03-01", lines, previousContractId: previous.id },
      rng,
    );
    const other = await buildContract(database.db, { accountId: account.id, currency: "USD", termStart: "2026-03-01", lines }, rng);
    await buildUsageHistory(database.db, { contractId: previous.id, termStart: previous.termStart, termEnd: previous.termEnd, today: TODAY, seats: 50, shape: "flat" }, rng);
    await buildUsageHistory(database.db, { contractId: current.id, termStart: current.termStart, termEnd: current.termEnd, today: TODAY, seats: 50, shape: "rising" }, rng);
    await buildUsageHistory(database.db, { contractId: other.id, termStart: other.termStart, termEnd: other.termEnd, today: TODAY, seats: 50, shape: "flat" }, rng);

    const inTerm = await buildTicket(database.db, { accountId: account.id, contactId: admin.id, contractId: current.id, createdAt: instantOn("2026-04-02"), firstResponseAt: instantOn("2026-04-02", 10), resolvedAt: instantOn("2026-04-03") }, rng);
    await insertRows(database.db, "surveyResponses", [{ accountId: account.id, ticketId: inTerm.id, kind: "csat", score: 2 }]);
    await buildTicket(database.db, { accountId: account.id, contractId: current.id, createdAt: instantOn("2026-02-20") }, rng);
    await buildTicket(database.db, { accountId: account.id, contractId: other.id, createdAt: instantOn("2026-05-02") }, rng);

    const [quote] = await database.db
      .insertInto("quotes")
      .values({
        number: "Q-TEST-1",
        accountId: account.id,
        contractId: current.id,
        version: 1,
        status: "paid",
        currency: "USD",
        termYears: 1,
        options: {},
        subtotal: 2_400_000,
        discountTotal: 240_000,
        total: 2_160_000,
        priceHash: "x",
        newTermStart: "2027-03-01",
        newTermEnd: "2028-02-29",
        pricedAt: instantOn("2026-11-01"),
        expiresAt: instantOn("2026-12-01"),
      })
      .returning("id")
      .execute();
    await database.db
      .insertInto("payments")
      .values({
        quoteId: quote!.id,
        accountId: account.id,
        provider: "demo",
        providerSessionId: "demo_1",
        amount: 2_160_000,
        currency: "USD",
        status: "succeeded",
        paidAt: instantOn("2026-11-02"),
      })
      .execute();

    const detail = await findContractForAccount(database.db, account.id, current.id);
    expect(detail).not.toBeNull();
    expect(detail!.contract).toMatchObject({ id: current.id, termStart: "2026-03-01", termEnd: "2027-02-28", segment: "smb" });
    expect(detail!.lines.map((line) => [line.productCode, line.quantity])).toEqual([["enterprise", 50], ["sso_audit", 1]]);
    expect(detail!.history.map((term) => term.id)).toEqual([previous.id]);
    expect(detail!.people.map((person) => [person.name, person.role, person.jobTitle])).toEqual([
      ["Ada Admin", "admin", "COO"],
      ["Finn Finance", "approver", null],
    ]);
    expect(detail!.quotes).toEqual([
      expect.objectContaining({ number: "Q-TEST-1", status: "paid", total: 2_160_000, newTermStart: "2027-03-01" }),
    ]);
    expect(detail!.payments).toEqual([
      expect.objectContaining({ quoteNumber: "Q-TEST-1", status: "succeeded", amount: 2_160_000, currency: "USD" }),
    ]);
    // Mar 2026 … Nov 2026 for this term, Mar 2025 … Feb 2026 for the one before.
    expect(detail!.usage.map((m) => m.periodStart)).toEqual(
      Array.from({ length: 9 }, (_, i) => addMonths("2026-03-01", i)),
    );
    expect(detail!.previousUsage).toHaveLength(12);
    expect(detail!.usage[0]!.featureUsage).toEqual(expect.objectContaining({ workflows: expect.any(Number) }));
    // Only the ticket opened in this term, about this contract, with its CSAT.
    expect(detail!.tickets).toHaveLength(1);
    expect(detail!.tickets[0]).toMatchObject({ csat: 2, status: "resolved" });
  });
});
