import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";

import { loadRenewal } from "../../app/lib/renewal/quotes.server";
import { findNonRenewal, insertNonRenewal } from "../../app/models/non-renewal.server";
import { findRenewalPage } from "../../app/models/renewal-page.server";
import { findConfirmedQuote } from "../../app/models/renewal-quotes.server";
import type { Catalogue } from "../../db/seed/factories";
import { awaitingPaymentQuote, buildCustomer, buildPaymentsWorld, type Customer } from "../support/payments";
import { createQueryLog, type QueryLog } from "../support/query-log";
import { useTestDatabase } from "../support/test-database";

const TODAY = "2026-11-25";
const database = useTestDatabase({ today: TODAY });

let world: { catalogue: Catalogue };
let log: QueryLog;

beforeAll(async () => {
  world = await buildPaymentsWorld(database.db, TODAY);
  log = createQueryLog(database.database);
});

/** What the renewal page used to gather with seven queries, for comparison. */
async function separately(customer: Customer) {
  const [loaded, nonRenewal, confirmed, contract] = await Promise.all([
    loadRenewal(database.db, customer.accountId, customer.contractId, TODAY),
    findNonRenewal(database.db, customer.accountId, customer.contractId),
    findConfirmedQuote(database.db, customer.accountId, customer.contractId),
    database.db.selectFrom("contracts").select("autoRenew").where("id", "=", customer.contractId).executeTakeFirstOrThrow(),
  ]);
  return { loaded, nonRenewal, confirmed, autoRenew: contract.autoRenew };
}

describe("findRenewalPage", () => {
  it("gives in one query what the renewal context, catalogue, rules, save offer, non-renewal and confirmed quote give apart", async () => {
    const calm = await buildCustomer(database.db, world, { today: TODAY, endsInDays: 95, currency: "MYR", segment: "public_sector" });
    const busy = await buildCustomer(database.db, world, { today: TODAY, endsInDays: 40, currency: "USD" });
    await database.db.transaction().execute((trx) =>
      insertNonRenewal(trx, { accountId: busy.accountId, contractId: busy.contractId, contactId: busy.contactId, reasons: ["price"], comment: null, now: new Date("2026-11-20T08:00:00Z") }),
    );
    const quote = await awaitingPaymentQuote(database.db, busy, { today: TODAY, now: new Date("2026-11-24T10:30:00Z") });
    // The save offer counts as used once a quote priced with it is confirmed.
    await sql`update quotes set options = options || '{"saveOffer": true}'::jsonb where id = ${quote.id}`.execute(database.db);

    for (const customer of [calm, busy]) {
      log.reset();
      const page = await findRenewalPage(log.db, customer.accountId, customer.contractId, TODAY);
      expect(log.queries).toHaveLength(1);
      const apart = await separately(customer);
      expect(page).not.toBeNull();
      expect({ renewal: page!.renewal, catalogue: page!.catalogue, rules: page!.rules }).toEqual(apart.loaded);
      expect(page!.autoRenew).toBe(apart.autoRenew);
      expect(page!.nonRenewal).toEqual(apart.nonRenewal ? { createdAt: apart.nonRenewal.createdAt } : null);
      expect(page!.confirmed).toEqual(
        apart.confirmed ? { id: apart.confirmed.id, number: apart.confirmed.number, status: apart.confirmed.status, confirmedAt: apart.confirmed.confirmedAt } : null,
      );
    }

    const busyPage = await findRenewalPage(database.db, busy.accountId, busy.contractId, TODAY);
    expect(busyPage!.renewal.context.saveOfferUsed).toBe(true);
    expect(busyPage!.nonRenewal?.createdAt.toISOString()).toBe("2026-11-20T08:00:00.000Z");
    expect(busyPage!.confirmed).toMatchObject({ id: quote.id, status: "awaiting_payment" });
    expect(busyPage!.confirmed!.confirmedAt!.toISOString()).toBe("2026-11-24T10:30:00.000Z");
    const calmPage = await findRenewalPage(database.db, calm.accountId, calm.contractId, TODAY);
    expect(calmPage!.renewal.context.saveOfferUsed).toBe(false);
    expect(calmPage!.catalogue.currency).toBe("MYR");
    expect(calmPage!.rules.some((rule) => rule.segment === "public_sector")).toBe(true);
  });

  it("finds nothing for another account's contract or a malformed id", async () => {
    const mine = await buildCustomer(database.db, world, { today: TODAY });
    const theirs = await buildCustomer(database.db, world, { today: TODAY });
    expect(await findRenewalPage(database.db, mine.accountId, theirs.contractId, TODAY)).toBeNull();
    expect(await findRenewalPage(database.db, mine.accountId, "not-a-uuid", TODAY)).toBeNull();
    expect(await findRenewalPage(database.db, "00000000-0000-4000-8000-000000000000", mine.contractId, TODAY)).toBeNull();
  });
});
