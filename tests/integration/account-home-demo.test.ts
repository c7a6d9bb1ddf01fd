import { beforeAll, describe, expect, it } from "vitest";

import { buildAccountHome, type AccountHomeView } from "../../app/domain/subscriptions";
import { addDays } from "../../app/lib/dates";
import { findContractForAccount, listContractsForAccountHome } from "../../app/models/contracts.server";
import { DEMO_CONTACTS, seedDemoData } from "../../db/seed";
import { useTestDatabase } from "../support/test-database";
import { seededStep, contractPageFor } from "../support/incentives";

/**
 * The demo story through the account home and the contract page: what the
 * README promises each demo contact sees, before any route is wired.
 */
const TODAY = "2026-11-25";
const database = useTestDatabase({ today: TODAY });

beforeAll(async () => {
  await seedDemoData(database.db, { today: TODAY });
});

async function homeOf(email: string): Promise<{ accountId: string; view: AccountHomeView }> {
  const contact = await database.db.selectFrom("contacts").select("accountId").where("email", "=", email).executeTakeFirstOrThrow();
  const rows = await listContractsForAccountHome(database.db, contact.accountId, TODAY);
  return { accountId: contact.accountId, view: buildAccountHome(rows, TODAY, seededStep) };
}

describe("the demo contacts' account homes", () => {
  it("shows Amelia her four subscriptions, the one in grace first", async () => {
    const { view } = await homeOf(DEMO_CONTACTS.amelia.email);
    expect(view.contracts.map((c) => [c.planCode, c.badge, c.daysToEnd, c.seatsBought])).toEqual([
      ["professional", "in_grace", -5, 40],
      ["starter", "renewal_open", 35, 25],
      ["professional", "active", 95, 120],
      ["enterprise", "active", 300, 60],
    ]);
    expect(view.needAttention).toBe(2);
    const [grace, starter, pro] = view.contracts;
    expect(grace!.nextAction).toMatchObject({ key: "renewInGrace", params: { date: addDays(TODAY, 25) } });
    expect(starter!.nextAction).toMatchObject({ key: "renewKeepDiscount", params: { percent: 4, date: addDays(TODAY, 5) } });
    // The falling story: usage drops, and by now fewer than half the seats are in use too.
    expect(["low", "falling"]).toContain(starter!.adoption);
    expect(pro!.nextAction).toMatchObject({ key: "renewKeepDiscount", params: { percent: 10, date: addDays(TODAY, 5) } });
    expect(pro!.addonCodes).toEqual(["analytics", "premium_support"]);
    // 120 × 240.00 + 120 × 36.00 + 4,500.00 USD a year.
    expect(pro!.annualValue).toEqual({ amount: 3_762_000, currency: "USD" });
  });

  it("gives the public-sector customer 10% from 120 days out", async () => {
    const { view } = await homeOf(DEMO_CONTACTS.farid.email);
    expect(view.contracts).toHaveLength(1);
    expect(view.contracts[0]).toMatchObject({
      badge: "active",
      daysToEnd: 150,
      nextAction: { key: "renewKeepDiscount", params: { percent: 10, date: addDays(TODAY, 30) } },
    });
  });

  it("shows Chen a contract without usage data as such", async () => {
    const { view } = await homeOf(DEMO_CONTACTS.chen.email);
    expect(view.contracts.map((c) => [c.daysToEnd, c.annualValue.currency, c.seatsActive === null])).toEqual([
      [10, "TWD", false],
      [230, "TWD", true],
    ]);
  });

  it("is empty for Olivia", async () => {
    const { view } = await homeOf(DEMO_CONTACTS.olivia.email);
    expect(view).toEqual({ contracts: [], needAttention: 0 });
  });

  it("recaps Amelia's rising Professional contract and keeps another account's contract out", async () => {
    const { accountId, view } = await homeOf(DEMO_CONTACTS.amelia.email);
    const pro = view.contracts[2]!;
    const page = contractPageFor((await findContractForAccount(database.db, accountId, pro.id))!, TODAY);
    expect(page.recap.hasData).toBe(true);
    expect(page.recap.seatGrowth!.change).toBeGreaterThan(0);
    // The CSV import and the training request (resolved), Ben's PO question (pending).
    expect(page.recap.support).toMatchObject({ opened: 3, resolved: 2, stillOpen: 1, medianHoursToFirstResponse: 2 });
    expect(page.recap.milestones.map((m) => m.key)).toContain("recordsCrossed");
    expect(page.adoption.level).toBe("healthy");
    expect(page.people.map((p) => p.role)).toEqual(["admin", "approver", "user"]);

    const { view: other } = await homeOf(DEMO_CONTACTS.wang.email);
    expect(await findContractForAccount(database.db, accountId, other.contracts[0]!.id)).toBeNull();
  });
});
