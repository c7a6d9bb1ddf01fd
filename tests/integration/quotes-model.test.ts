import { beforeAll, describe, expect, it } from "vitest";

import { computeQuote, recommendedOptions, type PricedQuote } from "../../app/domain/pricing";
import { priceHash } from "../../app/domain/pricing/price-hash.server";
import { loadCatalogue, loadIncentiveRules } from "../../app/models/catalogue.server";
import { findQuoteForAccount, saveQuote, storedOptions, transitionQuote } from "../../app/models/quotes.server";
import { findRenewalContext } from "../../app/models/renewal-context.server";
import { DEMO_CONTACTS, seedDemo } from "../support/demo";
import { useTestDatabase } from "../support/test-database";

const TODAY = "2026-11-25";
const database = useTestDatabase({ today: TODAY });
let accountId: string;
let contractId: string;
let priced: PricedQuote;

beforeAll(async () => {
  const demo = await seedDemo(database.db, TODAY);
  const amelia = await demo.contactByEmail(DEMO_CONTACTS.amelia.email);
  accountId = amelia.accountId;
  contractId = (await demo.contractByNumber("C365-10001")).id;
  const renewal = (await findRenewalContext(database.db, accountId, contractId))!;
  const catalogue = await loadCatalogue(database.db, renewal.context.currency);
  const rules = await loadIncentiveRules(database.db, renewal.context.segment, TODAY);
  const result = computeQuote(renewal.context, catalogue, rules, recommendedOptions(renewal.context, catalogue), TODAY);
  if (!result.ok) throw new Error("the demo contract must price");
  priced = result.quote;
});

const save = () =>
  database.db.transaction().execute((trx) => saveQuote(trx, { accountId, contractId, quote: priced, createdBy: null, now: new Date("2026-11-25T10:00:00Z") }));

describe("saving quotes", () => {
  it("stores every line, numbered versions, and a hash that recomputes", async () => {
    const first = await save();
    expect(first.version).toBe(1);
    expect(first.number).toMatch(/^Q-\d{5,}$/);
    expect(first.expiresAt.toISOString()).toBe(`${priced.priceLockedUntil}T23:59:59.999Z`);
    const stored = (await findQuoteForAccount(database.db, accountId, first.id))!;
    expect(stored.lines.map((l) => l.amount)).toEqual(priced.lines.map((l) => l.amount));
    expect(stored.lines.reduce((sum, l) => sum + l.amount, 0)).toBe(stored.total);
    expect(stored.total).toBe(priced.total);
    expect(priceHash(priced, storedOptions(stored), contractId, stored.version)).toBe(stored.priceHash);
  });

  it("supersedes the earlier open version when a new one is saved", async () => {
    const before = await save();
    const after = await save();
    expect(after.version).toBe(before.version + 1);
    expect((await findQuoteForAccount(database.db, accountId, before.id))!.status).toBe("superseded");
    expect((await findQuoteForAccount(database.db, accountId, after.id))!.status).toBe("draft");
  });

  it("gives concurrent saves different versions", async () => {
    const saved = await Promise.all([save(), save(), save()]);
    const versions = saved.map((s) => s.version).sort((a, b) => a - b);
    expect(new Set(versions).size).toBe(3);
    expect(versions[2]! - versions[0]!).toBe(2);
  });

  it("is not found from another account", async () => {
    const saved = await save();
    const other = await database.db.selectFrom("accounts").select("id").where("id", "!=", accountId).executeTakeFirstOrThrow();
    expect(await findQuoteForAccount(database.db, other.id, saved.id)).toBeNull();
  });

  it("moves status only from the expected one, once", async () => {
    const saved = await save();
    const now = new Date();
    const results = await Promise.all([
      transitionQuote(database.db, saved.id, ["draft"], "awaiting_payment", now),
      transitionQuote(database.db, saved.id, ["draft"], "awaiting_payment", now),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(await transitionQuote(database.db, saved.id, ["draft"], "shared", now)).toBe(false);
  });
});
