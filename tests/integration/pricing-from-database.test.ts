import { beforeAll, describe, expect, it } from "vitest";

import { computeQuote, recommendedOptions, type PricedQuote, type QuoteOptions, type QuoteResult } from "~/domain/pricing";
import { priceHash } from "~/domain/pricing/price-hash.server";
import { addDays } from "~/lib/dates";
import { loadCatalogue, loadIncentiveRules } from "~/models/catalogue.server";
import { findRenewalContext } from "~/models/renewal-context.server";

import { DEMO_CONTACTS, seedDemoData } from "../../db/seed";
import { buildAccount, insertRows } from "../../db/seed/factories";
import { useTestDatabase } from "../support/test-database";

/*
 * The engine fed from the seeded database: Amelia Hart's Professional
 * contract at Northwind (C365-10001, ends 95 days after the seed date), priced
 * end to end, each amount worked out by hand from the seeded price list.
 */
const TODAY = "2026-11-25";
const database = useTestDatabase({ today: TODAY });

function priced(result: QuoteResult): PricedQuote {
  if (!result.ok) throw new Error(`expected a quote, got ${JSON.stringify(result.errors)}`);
  return result.quote;
}

async function contractByNumber(number: string) {
  return database.db
    .selectFrom("contracts")
    .select(["id", "accountId"])
    .where("number", "=", number)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  await seedDemoData(database.db, { today: TODAY });
});

describe("loadCatalogue", () => {
  it("gives every active product with its price in one currency, plans by tier then add-ons", async () => {
    const catalogue = await loadCatalogue(database.db, "USD");
    expect(catalogue.currency).toBe("USD");
    expect(catalogue.products.map((p) => [p.code, p.kind, p.tier, p.pricingModel, p.unitAmount])).toEqual([
      ["starter", "plan", 1, "per_seat", 12_000],
      ["professional", "plan", 2, "per_seat", 24_000],
      ["enterprise", "plan", 3, "per_seat", 42_000],
      ["analytics", "addon", null, "per_seat", 3_600],
      ["api_boost", "addon", null, "flat", 240_000],
      ["premium_support", "addon", null, "flat", 450_000],
      ["sandbox", "addon", null, "flat", 180_000],
      ["sso_audit", "addon", null, "flat", 300_000],
      ["storage_1tb", "addon", null, "flat", 60_000],
    ]);
    expect(catalogue.products.find((p) => p.code === "sandbox")).toMatchObject({ minQuantity: 1, maxQuantity: 5 });
    const twd = await loadCatalogue(database.db, "TWD");
    expect(twd.products.find((p) => p.code === "enterprise")?.unitAmount).toBe(1_302_000);
  });

  it("marks a product without a price in the currency, and leaves out retired products", async () => {
    const [usdOnly, retired] = await database.db
      .insertInto("products")
      .values([
        { code: "test_usd_only", kind: "addon", name: "USD only", tier: null, pricingModel: "flat" },
        { code: "test_retired", kind: "addon", name: "Retired", tier: null, pricingModel: "flat", active: false },
      ])
      .returning("id")
      .execute();
    await insertRows(database.db, "productPrices", [
      { productId: usdOnly!.id, currency: "USD", unitAmount: 1_000 },
      { productId: retired!.id, currency: "MYR", unitAmount: 1_000 },
    ]);
    try {
      const myr = await loadCatalogue(database.db, "MYR");
      expect(myr.products.find((p) => p.code === "test_usd_only")).toMatchObject({ unitAmount: null });
      expect(myr.products.map((p) => p.code)).not.toContain("test_retired");
    } finally {
      await database.db.deleteFrom("products").where("id", "in", [usdOnly!.id, retired!.id]).execute();
    }
  });
});

describe("loadIncentiveRules", () => {
  it("gives the default set and the segment's own rules, nothing for other segments", async () => {
    const enterprise = await loadIncentiveRules(database.db, "enterprise", TODAY);
    expect(enterprise.map((r) => [r.kind, r.segment, r.minDaysBeforeEnd ?? r.termYears, r.discountBps]).sort()).toEqual(
      [
        ["early_renewal", null, 30, 400],
        ["early_renewal", null, 60, 700],
        ["early_renewal", null, 90, 1000],
        ["multi_year", null, 2, 500],
        ["multi_year", null, 3, 1000],
        ["save_offer", null, null, 1500],
      ].sort(),
    );
    const publicSector = await loadIncentiveRules(database.db, "public_sector", TODAY);
    expect(publicSector.filter((r) => r.segment === "public_sector").map((r) => r.minDaysBeforeEnd).sort()).toEqual([
      120, 60, 90,
    ]);
  });

  it("leaves out inactive and expired rules, and keeps rules that start later", async () => {
    const rows = await database.db
      .insertInto("incentiveRules")
      .values([
        { kind: "early_renewal", segment: "smb", minDaysBeforeEnd: 45, discountBps: 1200, effectiveFrom: "2026-01-01", effectiveTo: addDays(TODAY, -1) },
        { kind: "early_renewal", segment: "smb", minDaysBeforeEnd: 45, discountBps: 1300, effectiveFrom: "2026-01-01", active: false },
        { kind: "early_renewal", segment: "smb", minDaysBeforeEnd: 45, discountBps: 1400, effectiveFrom: addDays(TODAY, 7) },
        { kind: "early_renewal", segment: "smb", minDaysBeforeEnd: 45, discountBps: 1500, effectiveFrom: "2026-01-01", effectiveTo: TODAY },
      ])
      .returning("id")
      .execute();
    try {
      const smb = await loadIncentiveRules(database.db, "smb", TODAY);
      expect(smb.filter((r) => r.segment === "smb").map((r) => r.discountBps).sort()).toEqual([1400, 1500]);
    } finally {
      await database.db.deleteFrom("incentiveRules").where("id", "in", rows.map((r) => r.id)).execute();
    }
  });
});

describe("findRenewalContext", () => {
  it("reads Northwind's contract as the engine needs it", async () => {
    const { id, accountId } = await contractByNumber("C365-10001");
    const renewal = await findRenewalContext(database.db, accountId, id);
    const latest = await database.db
      .selectFrom("usageSnapshots")
      .select("seatsActive")
      .where("contractId", "=", id)
      .orderBy("periodStart", "desc")
      .executeTakeFirstOrThrow();
    expect(renewal).toMatchObject({
      number: "C365-10001",
      status: "active",
      termEnd: "2027-02-28",
      context: {
        currency: "USD",
        termEnd: "2027-02-28",
        segment: "enterprise",
        plan: { code: "professional", quantity: 120, unitAmount: 24_000 },
        addOns: [
          { code: "analytics", quantity: 120, unitAmount: 3_600 },
          { code: "premium_support", quantity: 1, unitAmount: 450_000 },
        ],
        seatsInUse: latest.seatsActive,
      },
    });
    // Rising usage: most of the 120 seats are active this month.
    expect(latest.seatsActive).toBeGreaterThan(90);
    expect(latest.seatsActive).toBeLessThanOrEqual(123);
  });

  it("does not find another account's contract, and gives null seats without usage data", async () => {
    const { id } = await contractByNumber("C365-10001");
    const stranger = await buildAccount(database.db);
    expect(await findRenewalContext(database.db, stranger.id, id)).toBeNull();

    // 陳怡君's newer contract has no usage data yet (db/seed/story.ts).
    const chen = await database.db
      .selectFrom("contacts")
      .select("accountId")
      .where("email", "=", DEMO_CONTACTS.chen.email)
      .executeTakeFirstOrThrow();
    const contracts = await database.db
      .selectFrom("contracts")
      .select("id")
      .where("accountId", "=", chen.accountId)
      .where("status", "=", "active")
      .execute();
    const contexts = await Promise.all(contracts.map((c) => findRenewalContext(database.db, chen.accountId, c.id)));
    expect(contexts.some((c) => c?.context.seatsInUse === null)).toBe(true);
    expect(contexts.every((c) => c?.context.currency === "TWD")).toBe(true);
  });
});

describe("pricing Amelia Hart's C365-10001 end to end", () => {
  async function inputs() {
    const amelia = await database.db
      .selectFrom("contacts")
      .select("accountId")
      .where("email", "=", DEMO_CONTACTS.amelia.email)
      .executeTakeFirstOrThrow();
    const { id } = await contractByNumber("C365-10001");
    const renewal = await findRenewalContext(database.db, amelia.accountId, id);
    if (!renewal) throw new Error("C365-10001 is not Amelia's");
    const catalogue = await loadCatalogue(database.db, renewal.context.currency);
    const rules = await loadIncentiveRules(database.db, renewal.context.segment, TODAY);
    return { renewal, catalogue, rules };
  }

  it("renews the same lines for a year at 10% off, 95 days before the end", async () => {
    const { renewal, catalogue, rules } = await inputs();
    const options: QuoteOptions = {
      termYears: 1,
      planCode: "professional",
      seats: 120,
      addOns: [{ code: "analytics" }, { code: "premium_support" }],
    };
    const quote = priced(computeQuote(renewal.context, catalogue, rules, options, TODAY));
    expect(quote.lines.map((line) => [line.code, line.quantity, line.unitAmount, line.amount])).toEqual([
      ["professional", 120, 24_000, 2_880_000], // 120 × US$240.00
      ["analytics", 120, 3_600, 432_000], // 120 × US$36.00
      ["premium_support", 1, 450_000, 450_000], // US$4,500.00
      ["early_renewal", 1, -376_200, -376_200], // 10% of US$37,620.00
    ]);
    expect([quote.subtotal, quote.discountTotal, quote.total]).toEqual([3_762_000, 376_200, 3_385_800]);
    expect(quote.lines[3]?.detail).toMatchObject({ days: 95, percent: 10 });
    expect([quote.newTermStart, quote.newTermEnd]).toEqual(["2027-03-01", "2028-02-29"]);
    expect(quote.incentiveExpiresOn).toBe("2026-11-30");
    expect(quote.priceLockedUntil).toBe("2026-12-25");
  });

  it("prices +5 seats on a 2-year term (the issue's e2e journey)", async () => {
    const { renewal, catalogue, rules } = await inputs();
    const options: QuoteOptions = {
      termYears: 2,
      planCode: "professional",
      seats: 125,
      addOns: [{ code: "analytics" }, { code: "premium_support" }],
    };
    const quote = priced(computeQuote(renewal.context, catalogue, rules, options, TODAY));
    expect(quote.lines.map((line) => [line.code, line.amount])).toEqual([
      ["professional", 6_000_000], // 125 × 24,000 × 2
      ["analytics", 900_000], // 125 × 3,600 × 2
      ["premium_support", 900_000], // 450,000 × 2
      ["multi_year", -390_000], // 5% of 7,800,000
      ["early_renewal", -741_000], // 10% of 7,410,000
    ]);
    expect([quote.subtotal, quote.discountTotal, quote.total]).toEqual([7_800_000, 1_131_000, 6_669_000]);
    expect(quote.newTermEnd).toBe("2029-02-28");
  });

  it("recommends the seats in use with the same add-ons", async () => {
    const { renewal, catalogue, rules } = await inputs();
    const options = recommendedOptions(renewal.context, catalogue);
    const seats = renewal.context.seatsInUse!;
    expect(options).toEqual({
      termYears: 1,
      planCode: "professional",
      seats,
      addOns: [
        { code: "analytics", quantity: seats },
        { code: "premium_support", quantity: 1 },
      ],
      saveOffer: false,
    });
    const quote = priced(computeQuote(renewal.context, catalogue, rules, options, TODAY));
    const subtotal = seats * 24_000 + seats * 3_600 + 450_000;
    expect(quote.subtotal).toBe(subtotal);
    // Whole dollars times 10% is a whole number of cents: no rounding here.
    expect(quote.total).toBe(subtotal - subtotal / 10);
    expect(quote.warnings).toEqual([]);
  });

  it("produces amounts the quotes table accepts as they are", async () => {
    const { renewal, catalogue, rules } = await inputs();
    const options = recommendedOptions(renewal.context, catalogue);
    const quote = priced(computeQuote(renewal.context, catalogue, rules, { ...options, termYears: 3 }, TODAY));
    const [row] = await database.db
      .insertInto("quotes")
      .values({
        number: "Q-TEST-1",
        accountId: renewal.accountId,
        contractId: renewal.id,
        version: 1,
        currency: quote.currency,
        termYears: quote.termYears,
        options: JSON.stringify(quote.options),
        subtotal: quote.subtotal,
        discountTotal: quote.discountTotal,
        total: quote.total,
        priceHash: priceHash(quote, quote.options, renewal.id, 1),
        newTermStart: quote.newTermStart,
        newTermEnd: quote.newTermEnd,
        incentiveExpiresOn: quote.incentiveExpiresOn,
        pricedAt: `${TODAY}T09:00:00Z`,
        expiresAt: `${quote.priceLockedUntil}T23:59:59Z`,
      })
      .returning("id")
      .execute();
    await database.db
      .insertInto("quoteLines")
      .values(
        quote.lines.map((line, position) => ({
          quoteId: row!.id,
          position,
          kind: line.kind,
          code: line.code,
          productId: line.productId,
          quantity: line.quantity,
          unitAmount: line.unitAmount,
          amount: line.amount,
          detail: JSON.stringify(line.detail),
        })),
      )
      .execute();
    const stored = await database.db
      .selectFrom("quoteLines")
      .select((eb) => eb.fn.sum<number>("amount").as("sum"))
      .where("quoteId", "=", row!.id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.sum)).toBe(quote.total);
  });
});

describe("pricing Farid's public-sector contract from the database", () => {
  it("gives the public-sector 10% 150 days before the end, in MYR", async () => {
    const farid = await database.db
      .selectFrom("contacts")
      .select("accountId")
      .where("email", "=", DEMO_CONTACTS.farid.email)
      .executeTakeFirstOrThrow();
    const contract = await database.db
      .selectFrom("contracts")
      .select("id")
      .where("accountId", "=", farid.accountId)
      .where("status", "=", "active")
      .executeTakeFirstOrThrow();
    const renewal = await findRenewalContext(database.db, farid.accountId, contract.id);
    expect(renewal?.context).toMatchObject({ currency: "MYR", segment: "public_sector", termEnd: addDays(TODAY, 150) });
    const catalogue = await loadCatalogue(database.db, "MYR");
    const rules = await loadIncentiveRules(database.db, "public_sector", TODAY);
    const quote = priced(computeQuote(renewal!.context, catalogue, rules, recommendedOptions(renewal!.context, catalogue), TODAY));
    expect(quote.incentive).toMatchObject({ discountBps: 1000, minDaysBeforeEnd: 120 });
    expect(quote.discountTotal).toBe(quote.subtotal / 10);
    // 10% until 120 days before the end, then the public-sector 7% window.
    expect(quote.incentiveSchedule.slice(0, 2).map((step) => [step.from, step.until, step.incentive?.discountBps])).toEqual([
      [TODAY, addDays(TODAY, 30), 1000],
      [addDays(TODAY, 31), addDays(TODAY, 60), 700],
    ]);
  });
});
