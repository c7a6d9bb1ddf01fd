import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addDays, daysBetween, startOfMonth } from "../../app/lib/dates";
import type { Database } from "../../app/lib/db.server";
import { DEMO_CONTACTS, DEMO_IDENTITIES, seedDemoData, type SeedSummary } from "../../db/seed";
import {
  CURRENCIES,
  buildAccount,
  buildContact,
  buildContract,
  buildTicket,
  buildUsageHistory,
  loadCatalogue,
  pricedLines,
} from "../../db/seed/factories";
import { planDemoData } from "../../db/seed/plan";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The demo seed tells the story the demo and the e2e tests rely on. One
 * database (a PGlite, or a Postgres clone with TEST_DATABASE_URL) is seeded
 * once; the determinism check opens a second.
 */
const TODAY = "2026-11-25";

let database: TestDatabase;
let db: Database;
let summary: SeedSummary;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  summary = await seedDemoData(db, { today: TODAY });
});

afterAll(async () => {
  await database?.dispose();
});

/** Every contract with its account, days to its end, and whether a successor exists. */
async function contractsOverview() {
  const rows = await db
    .selectFrom("contracts as c")
    .innerJoin("accounts as a", "a.id", "c.accountId")
    .leftJoin("contracts as next", "next.previousContractId", "c.id")
    .select([
      "c.id",
      "c.number",
      "c.status",
      "c.termStart",
      "c.termEnd",
      "c.autoRenew",
      "c.currency",
      "c.renewedAt",
      "c.cancelledAt",
      "c.previousContractId",
      "a.name as accountName",
      "a.currency as accountCurrency",
      "next.id as successorId",
    ])
    .execute();
  return rows.map((row) => ({ ...row, daysToEnd: daysBetween(TODAY, row.termEnd) }));
}

async function seatsHistory(contractId: string): Promise<number[]> {
  const rows = await db
    .selectFrom("usageSnapshots")
    .select("seatsActive")
    .where("contractId", "=", contractId)
    .orderBy("periodStart")
    .execute();
  return rows.map((row) => row.seatsActive);
}

const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe("seedDemoData", () => {
  it("reports what it inserted, table by table", async () => {
    const counts = await sql<{ table: string; n: number }>`
      select 'accounts' as table, count(*)::int as n from accounts
      union all select 'contacts', count(*)::int from contacts
      union all select 'contracts', count(*)::int from contracts
      union all select 'contractLines', count(*)::int from contract_lines
      union all select 'usageSnapshots', count(*)::int from usage_snapshots
      union all select 'supportTickets', count(*)::int from support_tickets
      union all select 'ticketMessages', count(*)::int from ticket_messages
      union all select 'surveyResponses', count(*)::int from survey_responses
      union all select 'products', count(*)::int from products
      union all select 'productPrices', count(*)::int from product_prices
      union all select 'incentiveRules', count(*)::int from incentive_rules
      union all select 'staffUsers', count(*)::int from staff_users`.execute(db);
    expect(Object.fromEntries(counts.rows.map((row) => [row.table, row.n]))).toEqual(summary);
    // The knowledge base is seeded by its own loader, not here.
    const kb = await db.selectFrom("kbArticles").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
    expect(kb.n).toBe(0);
  });

  it("has about 30 accounts across every segment, currency and locale, each owned by a CSM", async () => {
    const accounts = await db
      .selectFrom("accounts")
      .leftJoin("staffUsers", "staffUsers.id", "accounts.ownerStaffId")
      .select(["accounts.name", "accounts.segment", "accounts.currency", "accounts.locale", "accounts.country", "staffUsers.role"])
      .execute();
    expect(accounts.length).toBeGreaterThanOrEqual(28);
    expect(accounts.length).toBeLessThanOrEqual(32);
    expect(new Set(accounts.map((a) => a.currency))).toEqual(new Set(CURRENCIES));
    expect(new Set(accounts.map((a) => a.locale))).toEqual(new Set(["en", "ms", "zh-Hans", "zh-Hant"]));
    expect(new Set(accounts.map((a) => a.segment))).toEqual(new Set(["smb", "mid_market", "enterprise", "public_sector"]));
    const countriesByCurrency: Record<string, string[]> = {
      USD: ["US", "GB", "SG", "AU"],
      MYR: ["MY"],
      CNY: ["CN"],
      TWD: ["TW"],
    };
    for (const account of accounts) {
      expect(countriesByCurrency[account.currency], account.name).toContain(account.country);
      expect(account.role, account.name).toBe("csm");
    }
  });

  it("gives every account 1–4 contacts with unique lowercase .example emails", async () => {
    const contacts = await db.selectFrom("contacts").select(["accountId", "email", "role"]).execute();
    const perAccount = new Map<string, number>();
    for (const contact of contacts) perAccount.set(contact.accountId, (perAccount.get(contact.accountId) ?? 0) + 1);
    expect(perAccount.size).toBe(summary.accounts);
    for (const count of perAccount.values()) {
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(4);
    }
    expect(new Set(contacts.map((c) => c.email)).size).toBe(contacts.length);
    for (const { email } of contacts) expect(email).toMatch(/^[a-z0-9.]+@[a-z0-9-]+\.example$/);
    expect(new Set(contacts.map((c) => c.role))).toEqual(new Set(["admin", "buyer", "user", "approver"]));
  });

  it("creates the demo identities exactly as exported", async () => {
    for (const identity of DEMO_IDENTITIES.contacts) {
      const contact = await db
        .selectFrom("contacts")
        .innerJoin("accounts", "accounts.id", "contacts.accountId")
        .select(["contacts.name", "contacts.locale", "accounts.name as accountName"])
        .where("contacts.email", "=", identity.email)
        .executeTakeFirst();
      expect(contact, identity.email).toEqual({ name: identity.name, locale: identity.locale, accountName: identity.accountName });
    }
    const staff = await db.selectFrom("staffUsers").select(["email", "name", "role"]).orderBy("email").execute();
    expect(staff).toEqual([...DEMO_IDENTITIES.staff].sort((a, b) => a.email.localeCompare(b.email)));
    expect(staff.filter((s) => s.role === "csm")).toHaveLength(3);
    expect(staff.filter((s) => s.role === "renewals")).toHaveLength(1);
    expect(staff.filter((s) => s.role === "admin")).toHaveLength(1);
  });

  it("prices every product in all four currencies, TWD in whole dollars", async () => {
    const products = await db.selectFrom("products").select(["id", "code", "kind", "tier", "pricingModel"]).execute();
    expect(products.filter((p) => p.kind === "plan").map((p) => [p.code, p.tier]).sort()).toEqual([
      ["enterprise", 3],
      ["professional", 2],
      ["starter", 1],
    ]);
    expect(products.filter((p) => p.kind === "addon").map((p) => p.code).sort()).toEqual(
      ["analytics", "api_boost", "premium_support", "sandbox", "sso_audit", "storage_1tb"],
    );
    const prices = await db.selectFrom("productPrices").select(["productId", "currency", "unitAmount"]).execute();
    for (const product of products) {
      expect(prices.filter((p) => p.productId === product.id).map((p) => p.currency).sort(), product.code).toEqual(
        [...CURRENCIES].sort(),
      );
    }
    for (const price of prices.filter((p) => p.currency === "TWD")) expect(price.unitAmount % 100).toBe(0);
    const usdStarter = prices.find((p) => p.currency === "USD" && p.productId === products.find((x) => x.code === "starter")?.id);
    expect(usdStarter?.unitAmount).toBe(12_000);
  });

  it("seeds the incentive rules of the product policies, public sector with its own windows", async () => {
    const rules = await db
      .selectFrom("incentiveRules")
      .select(["kind", "segment", "minDaysBeforeEnd", "termYears", "discountBps", "effectiveFrom", "effectiveTo", "active"])
      .execute();
    const early = (segment: string | null) =>
      rules
        .filter((r) => r.kind === "early_renewal" && r.segment === segment)
        .map((r) => [r.minDaysBeforeEnd, r.discountBps])
        .sort((a, b) => Number(b[0]) - Number(a[0]));
    expect(early(null)).toEqual([[90, 1000], [60, 700], [30, 400]]);
    expect(early("public_sector")).toEqual([[120, 1000], [90, 700], [60, 400]]);
    expect(rules.filter((r) => r.kind === "multi_year").map((r) => [r.termYears, r.discountBps]).sort()).toEqual([
      [2, 500],
      [3, 1000],
    ]);
    expect(rules.filter((r) => r.kind === "save_offer").map((r) => r.discountBps)).toEqual([1500]);
    for (const rule of rules) {
      expect(rule.effectiveFrom).toBe("2025-11-25");
      expect(rule.effectiveTo).toBeNull();
      expect(rule.active).toBe(true);
    }
  });

  it("covers every renewal situation", async () => {
    const contracts = await contractsOverview();
    const current = contracts.filter((c) => c.status === "active");
    for (const days of [150, 95, 65, 35, 10]) {
      expect(current.some((c) => c.daysToEnd === days), `a contract ending in ${days} days`).toBe(true);
    }
    // In grace: the end date has passed, still active, not renewed.
    expect(current.some((c) => c.daysToEnd === -5 && !c.successorId)).toBe(true);

    const renewedEarly = contracts.filter(
      (c) => c.status === "renewed" && c.successorId && c.renewedAt && daysBetween(c.renewedAt.toISOString().slice(0, 10), c.termEnd) >= 90,
    );
    expect(renewedEarly.length).toBeGreaterThan(0);
    for (const old of contracts.filter((c) => c.status === "renewed")) {
      expect(old.successorId, old.number).toBeTruthy();
      const successor = contracts.find((c) => c.id === old.successorId)!;
      expect(successor.termStart, old.number).toBe(addDays(old.termEnd, 1));
    }

    const churned = contracts.filter((c) => c.status === "ended" && c.daysToEnd <= -40 && !c.successorId);
    expect(churned.length).toBeGreaterThan(0);
    for (const contract of churned) {
      const survey = await db
        .selectFrom("surveyResponses")
        .select(["reasons", "comment", "score"])
        .where("contractId", "=", contract.id)
        .where("kind", "=", "non_renewal")
        .executeTakeFirst();
      expect(survey, contract.number).toBeDefined();
      expect(survey!.reasons.length).toBeGreaterThan(0);
      expect(survey!.comment?.length).toBeGreaterThan(20);
      expect(survey!.score).toBeNull();
    }

    const cancelled = contracts.filter((c) => c.status === "cancelled");
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.cancelledAt).toBeInstanceOf(Date);
    expect(current.filter((c) => c.autoRenew).length).toBeGreaterThanOrEqual(3);
    for (const contract of contracts) expect(contract.currency, contract.number).toBe(contract.accountCurrency);
    expect(contracts.map((c) => c.number).sort()[0]).toBe("C365-10001");
  });

  it("gives the showcase account exactly the four contracts of the story", async () => {
    const contracts = (await contractsOverview()).filter((c) => c.accountName === DEMO_CONTACTS.amelia.accountName);
    expect(contracts).toHaveLength(5); // four current contracts, one of them with its renewed predecessor
    const heads = contracts.filter((c) => c.status !== "renewed");
    expect(heads.map((c) => c.daysToEnd).sort((a, b) => a - b)).toEqual([-5, 35, 95, 300]);

    const linesOf = (contractId: string) =>
      db
        .selectFrom("contractLines")
        .innerJoin("products", "products.id", "contractLines.productId")
        .select(["products.code", "contractLines.quantity", "contractLines.position"])
        .where("contractId", "=", contractId)
        .orderBy("position")
        .execute();

    const pro = heads.find((c) => c.daysToEnd === 95)!;
    expect((await linesOf(pro.id)).map((l) => [l.code, l.quantity])).toEqual([
      ["professional", 120],
      ["analytics", 120],
      ["premium_support", 1],
    ]);
    const starter = heads.find((c) => c.daysToEnd === 35)!;
    expect((await linesOf(starter.id)).map((l) => [l.code, l.quantity])).toEqual([["starter", 25]]);

    const successor = heads.find((c) => c.daysToEnd === 300)!;
    const old = contracts.find((c) => c.id === successor.previousContractId)!;
    expect(old.status).toBe("renewed");
    expect(daysBetween(old.renewedAt!.toISOString().slice(0, 10), old.termEnd)).toBe(100);
    expect(successor.status).toBe("active");

    const grace = heads.find((c) => c.daysToEnd === -5)!;
    expect(grace.status).toBe("active");
    expect(grace.successorId).toBeNull();

    // Rising: ~104 of 120 seats active lately; falling: the Starter team drifting away.
    const proSeats = await seatsHistory(pro.id);
    expect(average(proSeats.slice(-3))).toBeGreaterThan(average(proSeats.slice(0, 3)) + 20);
    expect(proSeats.at(-1)).toBeGreaterThanOrEqual(98);
    expect(proSeats.at(-1)).toBeLessThanOrEqual(110);
    const starterSeats = await seatsHistory(starter.id);
    expect(average(starterSeats.slice(-3))).toBeLessThan(average(starterSeats.slice(0, 3)) * 0.75);

    const ben = await db.selectFrom("contacts").select(["role", "name"]).where("email", "=", DEMO_CONTACTS.ben.email).executeTakeFirst();
    expect(ben).toEqual({ role: "approver", name: "Ben Carter" });
  });

  it("gives the other demo identities the contracts they are described with", async () => {
    const contracts = await contractsOverview();
    const endsFor = (account: string) =>
      contracts
        .filter((c) => c.accountName === account)
        .map((c) => c.daysToEnd)
        .sort((a, b) => a - b);
    expect(endsFor(DEMO_CONTACTS.nurul.accountName)).toEqual([65, 150]);
    expect(endsFor(DEMO_CONTACTS.wang.accountName)).toEqual([95]);
    expect(endsFor(DEMO_CONTACTS.farid.accountName)).toEqual([150]);
    expect(endsFor(DEMO_CONTACTS.olivia.accountName)).toEqual([]);

    const taipei = contracts.filter((c) => c.accountName === DEMO_CONTACTS.chen.accountName);
    expect(taipei.map((c) => c.daysToEnd).sort((a, b) => a - b)).toEqual([10, 230]);
    const snapshotCounts = await Promise.all(taipei.map(async (c) => (await seatsHistory(c.id)).length));
    expect(snapshotCounts.sort((a, b) => a - b)[0]).toBe(0); // one contract has no usage data at all
  });

  it("keeps usage snapshots monthly, inside each term and near the seats bought", async () => {
    const rows = await db
      .selectFrom("usageSnapshots as u")
      .innerJoin("contracts as c", "c.id", "u.contractId")
      .innerJoin("contractLines as l", (join) => join.onRef("l.contractId", "=", "c.id").on("l.position", "=", 0))
      .select([
        "c.number",
        "c.termStart",
        "c.termEnd",
        "c.cancelledAt",
        "l.quantity as seats",
        "u.periodStart",
        "u.seatsActive",
        "u.coreActions",
        "u.featureUsage",
        sql<string>`jsonb_typeof(u.feature_usage)`.as("featureUsageType"),
      ])
      .execute();
    expect(rows.length).toBe(summary.usageSnapshots);
    for (const row of rows) {
      expect(row.periodStart).toBe(startOfMonth(row.periodStart));
      expect(row.periodStart >= startOfMonth(row.termStart), row.number).toBe(true);
      expect(row.periodStart <= (row.termEnd < TODAY ? row.termEnd : TODAY), row.number).toBe(true);
      expect(row.seatsActive).toBeGreaterThanOrEqual(0);
      expect(row.seatsActive, row.number).toBeLessThanOrEqual(row.seats + 3);
      expect(row.featureUsageType).toBe("object");
    }
    const contracts = await db.selectFrom("contracts").select(["id", "termStart"]).where("termStart", "<=", TODAY).execute();
    const withUsage = new Set(rows.map((row) => row.number));
    expect(withUsage.size).toBeLessThan(contracts.length);
  });

  it("prices contract lines from the price list in the contract's currency", async () => {
    const lines = await db
      .selectFrom("contractLines as l")
      .innerJoin("contracts as c", "c.id", "l.contractId")
      .innerJoin("products as p", "p.id", "l.productId")
      .innerJoin("productPrices as pp", (join) => join.onRef("pp.productId", "=", "p.id").onRef("pp.currency", "=", "c.currency"))
      .select(["c.number", "c.currency", "p.kind", "l.position", "l.unitAmount", "pp.unitAmount as listAmount"])
      .execute();
    expect(lines.length).toBe(summary.contractLines);
    for (const line of lines) {
      // Negotiated discounts and older price lists are at most ~20 % off list, never above it.
      expect(line.unitAmount, line.number).toBeLessThanOrEqual(line.listAmount);
      expect(line.unitAmount, line.number).toBeGreaterThanOrEqual(line.listAmount * 0.8);
      expect(line.unitAmount % 100).toBe(0);
      expect(line.kind === "plan", line.number).toBe(line.position === 0);
    }
  });

  it("has resolved and open tickets with answers, and CSAT only on resolved ones", async () => {
    const tickets = await db
      .selectFrom("supportTickets")
      .select(["id", "number", "status", "createdAt", "firstResponseAt", "resolvedAt"])
      .execute();
    const resolved = tickets.filter((t) => t.status === "resolved");
    expect(resolved.length).toBeGreaterThanOrEqual(5);
    expect(tickets.filter((t) => t.status === "open" || t.status === "pending").length).toBeGreaterThanOrEqual(2);
    for (const ticket of resolved) {
      expect(ticket.firstResponseAt!.getTime()).toBeGreaterThan(ticket.createdAt.getTime());
      expect(ticket.resolvedAt!.getTime()).toBeGreaterThanOrEqual(ticket.firstResponseAt!.getTime());
    }
    const csat = await db.selectFrom("surveyResponses").select(["ticketId", "score"]).where("kind", "=", "csat").execute();
    expect(csat.length).toBeGreaterThan(0);
    for (const response of csat) {
      expect(resolved.map((t) => t.id)).toContain(response.ticketId);
      expect(response.score).toBeGreaterThanOrEqual(1);
      expect(response.score).toBeLessThanOrEqual(5);
    }
    const messages = await db.selectFrom("ticketMessages").select("ticketId").execute();
    for (const ticket of tickets) expect(messages.some((m) => m.ticketId === ticket.id), ticket.number).toBe(true);
    const nps = await db.selectFrom("surveyResponses").select("score").where("kind", "=", "nps").execute();
    expect(nps.length).toBeGreaterThanOrEqual(5);
  });

  it("refuses to seed a database that already has data, changing nothing", async () => {
    await expect(seedDemoData(db, { today: TODAY })).rejects.toThrow(/already has accounts/);
    const after = await db.selectFrom("accounts").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(summary.accounts);
  });

  it("shares its factories with tests: they add data beside the demo without collisions", async () => {
    const catalogue = await loadCatalogue(db);
    const account = await buildAccount(db, { currency: "MYR", country: "MY", segment: "mid_market", locale: "ms" });
    const contact = await buildContact(db, { accountId: account.id });
    const contract = await buildContract(db, {
      accountId: account.id,
      currency: "MYR",
      termEnd: addDays(TODAY, 60),
      lines: pricedLines({ catalogue, currency: "MYR", plan: "professional", seats: 10, addons: [{ code: "sandbox" }] }),
    });
    const snapshots = await buildUsageHistory(db, {
      contractId: contract.id,
      termStart: contract.termStart,
      termEnd: contract.termEnd,
      today: TODAY,
      seats: 10,
      shape: "rising",
    });
    await buildTicket(db, { accountId: account.id, contactId: contact.id, contractId: contract.id });
    expect(contract.number).toMatch(/^TEST-/);
    expect(contract.lineIds).toHaveLength(2);
    expect(snapshots).toBeGreaterThanOrEqual(10);
  });
});

describe("seedDemoData determinism", () => {
  it("keeps contract and ticket numbers whatever day it is seeded on", () => {
    const numbers = (today: string) => {
      const rows = planDemoData(today);
      const names = new Map(rows.accounts.map((account) => [account.id, account.name]));
      return {
        contracts: rows.contracts.map((c) => `${c.number} ${String(names.get(c.accountId))} ${String(c.status)}`),
        tickets: rows.supportTickets.map((t) => `${t.number} ${String(t.subject)}`),
      };
    };
    const reference = numbers(TODAY);
    expect(reference.contracts.slice(0, 5)).toEqual([
      "C365-10001 Northwind Logistics active",
      "C365-10002 Northwind Logistics active",
      "C365-10003 Northwind Logistics renewed",
      "C365-10004 Northwind Logistics active",
      "C365-10005 Northwind Logistics active",
    ]);
    for (const today of ["2028-02-29", "2027-06-15", "2031-01-31"]) expect(numbers(today)).toEqual(reference);
  });

  it("gives the same rows for the same day in two fresh databases", async () => {
    const other = await createTestDatabase();
    try {
      await seedDemoData(other.db, { today: TODAY });
      const fingerprint = (target: Database) =>
        target
          .selectFrom("contracts as c")
          .innerJoin("accounts as a", "a.id", "c.accountId")
          .innerJoin("contractLines as l", "l.contractId", "c.id")
          .select([
            "c.id",
            "a.name",
            "c.number",
            "c.termEnd",
            "c.status",
            sql<number>`sum(l.quantity * l.unit_amount)::bigint`.as("lineTotal"),
            sql<number>`(select coalesce(sum(u.seats_active), 0)::int from usage_snapshots u where u.contract_id = c.id)`.as("seatMonths"),
          ])
          .groupBy(["c.id", "a.name", "c.number", "c.termEnd", "c.status"])
          .orderBy("c.number")
          .execute();
      // The first database also holds the factory test's rows: compare the demo's only.
      const demo = (await fingerprint(db)).filter((row) => row.number.startsWith("C365-"));
      expect(await fingerprint(other.db)).toEqual(demo);
    } finally {
      await other.dispose();
    }
  });
});
