import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";

import type { AccountHomeView } from "../../app/domain/subscriptions";
import { fixedClock } from "../../app/lib/clock";
import { parseEnv } from "../../app/lib/env.server";
import { setServices } from "../../app/lib/services.server";
import { loader } from "../../app/routes/account._index";
import { DEMO_CONTACTS, seedDemoData } from "../../db/seed";
import { createQueryLog } from "../support/query-log";
import { callLoader, sessionCookieFor } from "../support/routes";
import { useTestDatabase } from "../support/test-database";

/**
 * The account home is kept in memory under its account's data version
 * (migration 2026_12_06_1600, app/lib/account-home.server.ts): a repeat visit
 * runs only the session lookup, and any change to what the page shows is on
 * the very next request.
 */
const TODAY = "2026-11-25";
const database = useTestDatabase({ today: TODAY });

interface Person {
  contactId: string;
  accountId: string;
}
let amelia: Person;
let chen: Person;

async function person(email: string): Promise<Person> {
  const row = await database.db
    .selectFrom("contacts")
    .select(["id", "accountId"])
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  return { contactId: row.id, accountId: row.accountId };
}

async function versionOf(accountId: string): Promise<number> {
  const row = await database.db.selectFrom("accounts").select("dataVersion").where("id", "=", accountId).executeTakeFirstOrThrow();
  return row.dataVersion;
}

async function catalogueVersion(): Promise<number> {
  const row = await database.db.selectFrom("dataVersions").select("version").where("name", "=", "catalogue").executeTakeFirstOrThrow();
  return row.version;
}

async function firstContractOf(accountId: string) {
  return database.db
    .selectFrom("contracts")
    .select(["id", "autoRenew"])
    .where("accountId", "=", accountId)
    .orderBy("termEnd")
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  await seedDemoData(database.db, { today: TODAY });
  amelia = await person(DEMO_CONTACTS.amelia.email);
  chen = await person(DEMO_CONTACTS.chen.email);
});

describe("data versions", () => {
  it("move an account's version when its contracts, lines or usage change, and no other account's", async () => {
    const contract = await firstContractOf(amelia.accountId);
    const others = await versionOf(chen.accountId);
    let version = await versionOf(amelia.accountId);

    const changes = [
      () => database.db.updateTable("contracts").set({ autoRenew: !contract.autoRenew }).where("id", "=", contract.id).execute(),
      () =>
        database.db
          .updateTable("contractLines")
          .set((eb) => ({ quantity: eb("quantity", "+", 1) }))
          .where("contractId", "=", contract.id)
          .execute(),
      () =>
        database.db
          .insertInto("usageSnapshots")
          .values({
            contractId: contract.id,
            periodStart: "2020-01-01",
            seatsActive: 3,
            logins: 4,
            coreActions: 5,
            recordsProcessed: 6,
            featureUsage: JSON.stringify({}),
          })
          .execute(),
      () => database.db.deleteFrom("usageSnapshots").where("contractId", "=", contract.id).where("periodStart", "=", "2020-01-01").execute(),
    ];
    for (const change of changes) {
      await change();
      const next = await versionOf(amelia.accountId);
      expect(next).toBeGreaterThan(version);
      version = next;
    }
    expect(await versionOf(chen.accountId)).toBe(others);
  });

  it("move when the account's segment changes (it picks the incentive rules), not when its name does", async () => {
    const before = await versionOf(chen.accountId);
    await database.db.updateTable("accounts").set({ name: "Taipei Precision Ltd." }).where("id", "=", chen.accountId).execute();
    expect(await versionOf(chen.accountId)).toBe(before);
    const { segment } = await database.db.selectFrom("accounts").select("segment").where("id", "=", chen.accountId).executeTakeFirstOrThrow();
    await database.db
      .updateTable("accounts")
      .set({ segment: segment === "smb" ? "mid_market" : "smb" })
      .where("id", "=", chen.accountId)
      .execute();
    expect(await versionOf(chen.accountId)).toBe(before + 1);
    await database.db.updateTable("accounts").set({ segment }).where("id", "=", chen.accountId).execute();
  });

  it("move the catalogue's version when a product or an incentive rule changes", async () => {
    let version = await catalogueVersion();
    await database.db.updateTable("incentiveRules").set((eb) => ({ discountBps: eb("discountBps", "+", 0) })).execute();
    expect(await catalogueVersion()).toBe(version + 1);
    version += 1;
    await sql`update products set name = name`.execute(database.db);
    expect(await catalogueVersion()).toBe(version + 1);
  });
});

describe("the account home", () => {
  function viewOf(outcome: { status: number; data: unknown }): AccountHomeView {
    expect(outcome.status).toBe(200);
    return (outcome.data as { view: AccountHomeView }).view;
  }

  it("runs only the session lookup on a repeat visit, and shows a change on the next request", async () => {
    const cookie = await sessionCookieFor({ kind: "contact", ...amelia });
    const log = createQueryLog(database.database);
    setServices({ ...database.services, db: log.db });
    try {
      const first = viewOf(await callLoader(loader, { path: "/account", cookie }));
      expect(log.queries.filter((q) => q.includes("usage_snapshots"))).toHaveLength(1);

      log.reset();
      const second = viewOf(await callLoader(loader, { path: "/account", cookie }));
      expect(second).toEqual(first);
      expect(log.queries).toHaveLength(1);
      expect(log.queries[0]).toContain('from "sessions"');

      // Another connection (another app instance, a job, a staff tool) turns auto-renew off.
      const changed = first.contracts[0]!;
      await database.db.updateTable("contracts").set({ autoRenew: !changed.autoRenew }).where("id", "=", changed.id).execute();
      log.reset();
      const third = viewOf(await callLoader(loader, { path: "/account", cookie }));
      expect(third.contracts.find((c) => c.id === changed.id)!.autoRenew).toBe(!changed.autoRenew);
      expect(log.queries.filter((q) => q.includes("usage_snapshots"))).toHaveLength(1);
    } finally {
      setServices(database.services);
    }
  });

  it("gives each account its own home, whoever asked first", async () => {
    const ameliaCookie = await sessionCookieFor({ kind: "contact", ...amelia });
    const chenCookie = await sessionCookieFor({ kind: "contact", ...chen });
    const ameliaView = viewOf(await callLoader(loader, { path: "/account", cookie: ameliaCookie }));
    const chenView = viewOf(await callLoader(loader, { path: "/account", cookie: chenCookie }));
    expect(ameliaView.contracts).toHaveLength(4);
    expect(chenView.contracts.map((c) => c.annualValue.currency)).toEqual(["TWD", "TWD"]);
  });

  it("counts the days again on a new day", async () => {
    // Twenty minutes either side of midnight UTC: the same session, a new date.
    setServices({ ...database.services, clock: fixedClock("2026-11-25T23:50:00Z") });
    try {
      const cookie = await sessionCookieFor({ kind: "contact", ...amelia });
      const today = viewOf(await callLoader(loader, { path: "/account", cookie }));
      setServices({ ...database.services, clock: fixedClock("2026-11-26T00:10:00Z") });
      const tomorrow = viewOf(await callLoader(loader, { path: "/account", cookie }));
      const byId = new Map(today.contracts.map((c) => [c.id, c.daysToEnd]));
      expect(tomorrow.contracts).toHaveLength(today.contracts.length);
      for (const contract of tomorrow.contracts) expect(contract.daysToEnd).toBe(byId.get(contract.id)! - 1);
    } finally {
      setServices(database.services);
    }
  });

  it("queries on every visit with ACCOUNT_HOME_CACHE_ENTRIES=0", async () => {
    const cookie = await sessionCookieFor({ kind: "contact", ...amelia });
    const log = createQueryLog(database.database);
    setServices({ ...database.services, db: log.db, env: parseEnv({ NODE_ENV: "test", ACCOUNT_HOME_CACHE_ENTRIES: "0" }) });
    try {
      await callLoader(loader, { path: "/account", cookie });
      await callLoader(loader, { path: "/account", cookie });
      expect(log.queries.filter((q) => q.includes("usage_snapshots"))).toHaveLength(2);
    } finally {
      setServices(database.services);
    }
  });
});
