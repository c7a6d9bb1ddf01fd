import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDemoProvider, DEMO_SETTLE_MS } from "../../app/lib/payments/demo.server";
import { setPaymentProvider } from "../../app/lib/payments/index.server";
import { reconcilePayments } from "../../app/lib/payments/reconcile.server";
import { createStripeProvider } from "../../app/lib/payments/stripe.server";
import { findQuoteById } from "../../app/models/quotes.server";
import * as demoRoute from "../../app/routes/checkout.demo.$sessionId";
import * as successRoute from "../../app/routes/checkout.$quoteId.success";
import {
  STRIPE_TEST_KEY,
  WEBHOOK_SECRET,
  awaitingPaymentQuote,
  buildCustomer,
  buildPaymentsWorld,
  customerCookie,
  fulfilmentCounts,
  pressPay,
} from "../support/payments";
import { ORIGIN, callAction, callLoader } from "../support/routes";
import { useTestDatabase } from "../support/test-database";

const TODAY = "2026-11-25";
const database = useTestDatabase({ today: TODAY });
let world: Awaited<ReturnType<typeof buildPaymentsWorld>>;
/** The demo provider's clock, moved by the tests to let a delayed payment settle. */
let demoNow = new Date(`${TODAY}T09:00:00Z`);
const demo = createDemoProvider({ db: () => database.db, now: () => new Date(demoNow.getTime()) });

beforeAll(async () => {
  world = await buildPaymentsWorld(database.db, TODAY);
  setPaymentProvider(demo);
});

afterAll(() => setPaymentProvider(undefined));

const VALID = { cardNumber: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" };

async function atDemoCheckout() {
  const customer = await buildCustomer(database.db, world, { today: TODAY });
  const quote = await awaitingPaymentQuote(database.db, customer, { today: TODAY });
  const cookie = await customerCookie(customer);
  const pay = await pressPay(customer, quote.id, cookie);
  expect(pay.status).toBe(303);
  expect(pay.location).toMatch(/^\/checkout\/demo\/demo_cs_[0-9a-f]{32}$/);
  const sessionId = pay.location!.split("/").pop()!;
  return { customer, quote, cookie, sessionId };
}

function submitCard(sessionId: string, cookie: string, form: Record<string, string>) {
  return callAction(demoRoute.action, { path: `/checkout/demo/${sessionId}`, params: { sessionId }, cookie, form });
}

async function unchanged(quoteId: string) {
  const quote = await findQuoteById(database.db, quoteId);
  const payments = await database.db.selectFrom("payments").select("status").where("quoteId", "=", quoteId).execute();
  return { status: quote!.status, payments: payments.map((p) => p.status) };
}

describe("the demo checkout", () => {
  it("is a clearly marked page for the quote's session, showing what will be charged", async () => {
    const { quote, cookie, sessionId } = await atDemoCheckout();
    const page = await callLoader(demoRoute.loader, { path: `/checkout/demo/${sessionId}`, params: { sessionId }, cookie });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ open: true, amount: quote.total, quote: { number: quote.number, total: quote.total } });
    const payment = await database.db.selectFrom("payments").select(["provider", "providerSessionId", "status", "amount"]).where("quoteId", "=", quote.id).executeTakeFirstOrThrow();
    expect(payment).toEqual({ provider: "demo", providerSessionId: sessionId, status: "open", amount: quote.total });
  });

  it("checks the card form and changes nothing when it is wrong", async () => {
    const { quote, cookie, sessionId } = await atDemoCheckout();
    const before = await unchanged(quote.id);
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ ...VALID, cardNumber: "4242 4242 4242 4241" }, "cardNumber", "checkout:demo.errors.cardNumber"],
      [{ ...VALID, cardNumber: "" }, "cardNumber", "checkout:demo.errors.cardNumber"],
      [{ ...VALID, expiry: "13/30" }, "expiry", "checkout:demo.errors.expiry"],
      [{ ...VALID, expiry: "10/26" }, "expiry", "checkout:demo.errors.expired"],
      [{ ...VALID, cvc: "12" }, "cvc", "checkout:demo.errors.cvc"],
    ];
    for (const [form, field, key] of cases) {
      const answer = await submitCard(sessionId, cookie, form);
      expect(answer.status, JSON.stringify(form)).toBe(400);
      const data = answer.data as { errors: Record<string, string>; values: Record<string, string> };
      expect(data.errors[field]).toBe(key);
      // The card number is never sent back to the page.
      expect(JSON.stringify(data.values)).not.toContain("4242");
    }
    expect(await unchanged(quote.id)).toEqual(before);
  });

  it("declines the declined test card, and any card that is not a test card, without charging", async () => {
    const { quote, cookie, sessionId } = await atDemoCheckout();
    const before = await unchanged(quote.id);
    const declined = await submitCard(sessionId, cookie, { ...VALID, cardNumber: "4000 0000 0000 0002" });
    expect(declined.status).toBe(200);
    expect((declined.data as { errors: Record<string, string> }).errors.cardNumber).toBe("checkout:demo.errors.declined");
    const real = await submitCard(sessionId, cookie, { ...VALID, cardNumber: "5555 5555 5555 4444" });
    expect((real.data as { errors: Record<string, string> }).errors.cardNumber).toBe("checkout:demo.errors.notTestCard");
    expect(await unchanged(quote.id)).toEqual(before);
    expect((await fulfilmentCounts(database.db, quote)).terms).toHaveLength(0);
  });

  it("completes through the same fulfilment as Stripe with the succeeding card, once", async () => {
    const { customer, quote, cookie, sessionId } = await atDemoCheckout();
    const paid = await submitCard(sessionId, cookie, VALID);
    expect(paid.status).toBe(303);
    expect(paid.location).toBe(`/checkout/${quote.id}/success?session_id=${sessionId}`);
    const { terms, payments } = await fulfilmentCounts(database.db, quote);
    expect(terms).toHaveLength(1);
    expect(terms[0]).toMatchObject({ termStart: quote.newTermStart, termEnd: quote.newTermEnd });
    expect(payments).toHaveLength(1);
    const audit = await database.db.selectFrom("auditEvents").select("data").where("entityId", "=", quote.id).where("action", "=", "quote.fulfilled").executeTakeFirstOrThrow();
    expect(audit.data).toMatchObject({ source: "demo_checkout", sessionId });

    const success = await callLoader(successRoute.loader, { path: `/checkout/${quote.id}/success?session_id=${sessionId}`, params: { quoteId: quote.id }, cookie });
    expect(success.data).toMatchObject({ view: "confirmed", confirmation: { amount: quote.total, newContractNumber: terms[0]!.number } });

    // The same form again: the session is complete, nothing more happens.
    const twice = await submitCard(sessionId, cookie, VALID);
    expect(twice.status).toBe(409);
    expect((await fulfilmentCounts(database.db, quote)).terms).toHaveLength(1);
    const emails = await database.db.selectFrom("emailOutbox").select("id").where("template", "=", "renewalConfirmed").where("toEmail", "=", customer.contactEmail).execute();
    expect(emails).toHaveLength(1);
  });

  it("shows the delayed path with the processing card, which settles into a confirmation", async () => {
    const { quote, cookie, sessionId } = await atDemoCheckout();
    const submitted = await submitCard(sessionId, cookie, { ...VALID, cardNumber: "4000 0000 0000 3220" });
    expect(submitted.status).toBe(303);
    const path = `/checkout/${quote.id}/success?session_id=${sessionId}`;
    expect((await callLoader(successRoute.loader, { path, params: { quoteId: quote.id }, cookie })).data).toMatchObject({ view: "processing" });
    expect((await fulfilmentCounts(database.db, quote)).terms).toHaveLength(0);

    demoNow = new Date(demoNow.getTime() + DEMO_SETTLE_MS + 1000);
    expect((await callLoader(successRoute.loader, { path, params: { quoteId: quote.id }, cookie })).data).toMatchObject({ view: "confirmed" });
    expect((await fulfilmentCounts(database.db, quote)).terms).toHaveLength(1);
  });

  it("lets the reconciliation job settle a delayed demo payment nobody came back for", async () => {
    const { quote, cookie, sessionId } = await atDemoCheckout();
    await submitCard(sessionId, cookie, { ...VALID, cardNumber: "4000000000003220" });
    demoNow = new Date(demoNow.getTime() + DEMO_SETTLE_MS + 1000);
    const summary = await reconcilePayments(database.db, demo, { now: new Date(`${TODAY}T09:05:00Z`), baseUrl: ORIGIN });
    expect(summary.fulfilled).toBe(1);
    expect((await findQuoteById(database.db, quote.id))!.status).toBe("fulfilled");
  });

  it("does not exist when Stripe is configured", async () => {
    const { cookie, sessionId } = await atDemoCheckout();
    setPaymentProvider(createStripeProvider({ secretKey: STRIPE_TEST_KEY, webhookSecret: WEBHOOK_SECRET, apiUrl: "http://127.0.0.1:9" }));
    try {
      const page = await callLoader(demoRoute.loader, { path: `/checkout/demo/${sessionId}`, params: { sessionId }, cookie });
      expect(page.status).toBe(404);
      expect((await submitCard(sessionId, cookie, VALID)).status).toBe(404);
    } finally {
      setPaymentProvider(demo);
    }
  });
});
