import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CARD_PAYMENT_LIMIT } from "../../app/domain/payments/checkout";
import { readOptions } from "../../app/domain/renewal/options";
import { setPaymentProvider } from "../../app/lib/payments/index.server";
import { reconcilePayments } from "../../app/lib/payments/reconcile.server";
import { createStripeProvider } from "../../app/lib/payments/stripe.server";
import { loadRenewal, priceRenewal } from "../../app/lib/renewal/quotes.server";
import { seedRenewableAccounts, type RenewableContract } from "../../bench/lib/load-accounts";
import { auditRenewals, renewalFingerprint, type ProviderSession } from "../../bench/lib/renewal-ledger";
import { startMockStripe, type MockStripe } from "../mocks/stripe-server";
import { seedDemo } from "../support/demo";
import { STRIPE_TEST_KEY, WEBHOOK_SECRET, awaitingPaymentQuote, deliverEvent, openSession, stripeEvent, type Customer } from "../support/payments";
import { ORIGIN } from "../support/routes";
import { useTestDatabase } from "../support/test-database";

const TODAY = "2026-11-25";
const database = useTestDatabase({ today: TODAY });
let mock: MockStripe;
let contracts: RenewableContract[];

beforeAll(async () => {
  await seedDemo(database.db, TODAY);
  contracts = await seedRenewableAccounts(database.db, { accounts: 8, contractsPerAccount: 3, today: TODAY });
  mock = await startMockStripe();
  setPaymentProvider(createStripeProvider({ secretKey: STRIPE_TEST_KEY, webhookSecret: WEBHOOK_SECRET, apiUrl: mock.url, maxNetworkRetries: 0 }));
});

afterAll(async () => {
  setPaymentProvider(undefined);
  await mock?.close();
});

function sessionsAtStripe(): ProviderSession[] {
  return mock.sessions().map((s) => ({
    id: String(s.id),
    quoteId: typeof s.client_reference_id === "string" ? s.client_reference_id : null,
    status: String(s.status),
    paymentStatus: String(s.payment_status),
    amountTotal: Number(s.amount_total),
    currency: String(s.currency),
  }));
}

const accountIds = () => [...new Set(contracts.map((c) => c.accountId))];

function customerOf(contract: RenewableContract): Customer {
  return { ...contract, ownerId: null, ownerEmail: null };
}

/** A confirmed quote for the contract and the Stripe session its "Pay" button opened. */
async function checkoutFor(contract: RenewableContract) {
  const quote = await awaitingPaymentQuote(database.db, customerOf(contract), { today: TODAY, termYears: 1 });
  return { quote, sessionId: await openSession(customerOf(contract), quote.id) };
}

describe("renewable customers for npm run test:load", () => {
  it("are demo-like accounts whose every contract the renewal page prices and one card payment can charge", async () => {
    expect(contracts).toHaveLength(24);
    expect(new Set(contracts.map((c) => c.contractId)).size).toBe(24);
    expect(new Set(contracts.map((c) => c.currency))).toEqual(new Set(["USD", "MYR", "CNY", "TWD"]));
    const accounts = await database.db.selectFrom("accounts").select(["id", "segment", "ownerStaffId"]).where("id", "in", accountIds()).execute();
    expect(accounts).toHaveLength(8);
    expect(new Set(accounts.map((a) => a.segment)).size).toBeGreaterThan(1);
    expect(accounts.every((a) => a.ownerStaffId !== null)).toBe(true);

    for (const contract of contracts) {
      const loaded = await loadRenewal(database.db, contract.accountId, contract.contractId, TODAY);
      expect(loaded?.renewal.status).toBe("active");
      const reading = readOptions(new URLSearchParams(), loaded!.renewal.context, loaded!.catalogue);
      expect(reading.ok).toBe(true);
      const priced = reading.ok ? priceRenewal(loaded!, reading.options, TODAY) : null;
      expect(priced?.ok, `${contract.contractNumber}: ${JSON.stringify(priced)}`).toBe(true);
      if (priced?.ok) expect(priced.quote.total).toBeLessThanOrEqual(CARD_PAYMENT_LIMIT);
    }
  });

  it("can be seeded again with another seed beside the first ones", async () => {
    const more = await seedRenewableAccounts(database.db, { accounts: 2, contractsPerAccount: 1, today: TODAY, seed: "second batch" });
    expect(more).toHaveLength(2);
    expect(more.some((c) => contracts.some((d) => d.contractId === c.contractId || d.contactEmail === c.contactEmail))).toBe(false);
  });
});

describe("the renewal audit of npm run test:load", () => {
  it("passes when every paid session is fulfilled once, whichever path did it, and says which path", async () => {
    const byWebhook = await checkoutFor(contracts[0]!);
    const paid = mock.completeSession(byWebhook.sessionId);
    expect((await deliverEvent(stripeEvent("checkout.session.completed", paid))).status).toBe(200);
    const unpaid = await checkoutFor(contracts[1]!);

    const audit = await auditRenewals(database.db, { accountIds: accountIds(), sessions: sessionsAtStripe() });
    expect(audit.problems).toEqual([]);
    expect(audit).toMatchObject({ paidSessions: 1, paidQuotes: 1, fulfilledOnce: 1, fulfilledBy: { webhook: 1 } });
    expect(audit.sourceOf.get(byWebhook.quote.id)).toBe("webhook");
    expect(audit.sourceOf.has(unpaid.quote.id)).toBe(false);
  });

  it("reports a paid session nobody fulfilled, until reconciliation does", async () => {
    const lost = await checkoutFor(contracts[2]!);
    mock.completeSession(lost.sessionId);

    const before = await auditRenewals(database.db, { accountIds: accountIds(), sessions: sessionsAtStripe() });
    expect(before.fulfilledOnce).toBe(before.paidQuotes - 1);
    expect(before.problems).toContainEqual(expect.stringMatching(new RegExp(`quote ${lost.quote.number} was paid \\(${lost.sessionId}\\) but is awaiting_payment`)));

    await reconcilePayments(database.db, createStripeProvider({ secretKey: STRIPE_TEST_KEY, webhookSecret: WEBHOOK_SECRET, apiUrl: mock.url }), {
      now: new Date(`${TODAY}T10:00:00Z`),
      baseUrl: ORIGIN,
    });
    const after = await auditRenewals(database.db, { accountIds: accountIds(), sessions: sessionsAtStripe() });
    expect(after.problems).toEqual([]);
    expect(after.sourceOf.get(lost.quote.id)).toBe("reconciliation");
  });

  it("reports a quote paid twice, a half-done renewal, and money taken on a payment that did not settle", async () => {
    const { quote, sessionId } = await checkoutFor(contracts[3]!);
    const paid = mock.completeSession(sessionId);
    await deliverEvent(stripeEvent("checkout.session.completed", paid));
    const sessions = sessionsAtStripe();
    expect((await auditRenewals(database.db, { accountIds: accountIds(), sessions })).problems).toEqual([]);

    // Stripe says a second session took money for the same quote.
    const twice = await auditRenewals(database.db, {
      accountIds: accountIds(),
      sessions: [...sessions, { ...sessions.find((s) => s.id === sessionId)!, id: "cs_test_second" }],
    });
    expect(twice.problems).toContainEqual(`quote ${quote.number} was paid 2 times at the provider (${sessionId}, cs_test_second)`);

    // Stopped between "paid" and "fulfilled".
    await database.db.updateTable("quotes").set({ status: "paid" }).where("id", "=", quote.id).execute();
    const halfDone = await auditRenewals(database.db, { accountIds: accountIds(), sessions });
    expect(halfDone.problems).toContainEqual(`quote ${quote.number} is left paid but not fulfilled (half-done)`);
    expect(halfDone.fulfilledOnce).toBe(halfDone.paidQuotes - 1);
    await database.db.updateTable("quotes").set({ status: "fulfilled" }).where("id", "=", quote.id).execute();

    // A second attempt that holds a charge.
    const other = await checkoutFor(contracts[4]!);
    const attempt = await database.db.selectFrom("payments").select("id").where("providerSessionId", "=", other.sessionId).executeTakeFirstOrThrow();
    await database.db.updateTable("payments").set({ paidAt: new Date(`${TODAY}T11:00:00Z`) }).where("id", "=", attempt.id).execute();
    const charged = await auditRenewals(database.db, { accountIds: accountIds(), sessions });
    expect(charged.problems).toContainEqual(`payment ${attempt.id} (open) holds money taken a second time for quote ${other.quote.number}`);
    await database.db.updateTable("payments").set({ paidAt: null }).where("id", "=", attempt.id).execute();
    expect((await auditRenewals(database.db, { accountIds: accountIds(), sessions })).problems).toEqual([]);
  });

  it("fingerprints a renewal: a repeated webhook leaves it equal, a change does not", async () => {
    const { quote, sessionId } = await checkoutFor(contracts[5]!);
    const event = stripeEvent("checkout.session.completed", mock.completeSession(sessionId));
    await deliverEvent(event);
    const fulfilled = await renewalFingerprint(database.db, quote.id);
    expect(fulfilled).toContain('"status":"fulfilled"');

    const again = await deliverEvent(event);
    expect(JSON.parse(again.body)).toMatchObject({ duplicate: true });
    const late = await deliverEvent(stripeEvent("checkout.session.completed", { ...mock.session(sessionId), payment_status: "unpaid" }));
    expect(late.status).toBe(200);
    expect(await renewalFingerprint(database.db, quote.id)).toBe(fulfilled);

    await database.db.updateTable("contracts").set({ status: "active" }).where("id", "=", contracts[5]!.contractId).execute();
    expect(await renewalFingerprint(database.db, quote.id)).not.toBe(fulfilled);
    await database.db.updateTable("contracts").set({ status: "renewed" }).where("id", "=", contracts[5]!.contractId).execute();
  });
});
