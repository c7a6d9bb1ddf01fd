import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { jobHandlers } from "../../app/lib/jobs/handlers.server";
import { setPaymentProvider } from "../../app/lib/payments/index.server";
import { reconcilePayments } from "../../app/lib/payments/reconcile.server";
import { createStripeProvider, stripeConnection } from "../../app/lib/payments/stripe.server";
import { listReceipts } from "../../app/models/payments.server";
import { insertPortalLink } from "../../app/models/portal-links.server";
import { findQuoteById } from "../../app/models/quotes.server";
import * as receiptRoute from "../../app/routes/account.receipts.$paymentId";
import * as checkoutRoute from "../../app/routes/checkout.$quoteId._index";
import * as cancelRoute from "../../app/routes/checkout.$quoteId.cancel";
import * as successRoute from "../../app/routes/checkout.$quoteId.success";
import { startMockStripe, type MockStripe } from "../mocks/stripe-server";
import {
  STRIPE_TEST_KEY,
  WEBHOOK_SECRET,
  awaitingPaymentQuote,
  buildCustomer,
  buildPaymentsWorld,
  customerCookie,
  deliverEvent,
  fulfilmentCounts,
  openSession,
  pressPay,
  stripeEvent,
  type Customer,
} from "../support/payments";
import { ORIGIN, callAction, callLoader, sessionCookieFor } from "../support/routes";
import { useTestDatabase } from "../support/test-database";

const TODAY = "2026-11-25";
const database = useTestDatabase({ today: TODAY });
let world: Awaited<ReturnType<typeof buildPaymentsWorld>>;
let mock: MockStripe;

beforeAll(async () => {
  world = await buildPaymentsWorld(database.db, TODAY);
  mock = await startMockStripe();
  setPaymentProvider(createStripeProvider({ secretKey: STRIPE_TEST_KEY, webhookSecret: WEBHOOK_SECRET, apiUrl: mock.url, maxNetworkRetries: 0 }));
});

afterAll(async () => {
  setPaymentProvider(undefined);
  await mock?.close();
});

async function customerWithQuote(options: Partial<Parameters<typeof buildCustomer>[2]> = {}) {
  const customer = await buildCustomer(database.db, world, { today: TODAY, ...options });
  const quote = await awaitingPaymentQuote(database.db, customer, { today: TODAY });
  return { customer, quote, cookie: await customerCookie(customer) };
}

function sessionCreates(quoteId: string) {
  return mock.requestsTo("POST", "/v1/checkout/sessions").filter((r) => (r.body.metadata as { quoteId?: string } | undefined)?.quoteId === quoteId);
}

type CheckoutData = { state: string; quote: { total: number; lines: Array<{ amount: number }> } };

/** A Checkout Session creation as the mock decoded it (Stripe's form encoding: every value a string). */
interface SentSession {
  mode: string;
  line_items: Array<{ quantity: string; price_data: { currency: string; unit_amount: string; product_data: { name: string } } }>;
  client_reference_id: string;
  metadata: Record<string, string>;
  customer_email?: string;
  locale?: string;
  expires_at: string;
  success_url: string;
  cancel_url: string;
  payment_intent_data: { receipt_email?: string };
  invoice_creation: { enabled: string; invoice_data: { custom_fields?: Array<{ name: string; value: string }> } };
}

function sent(request: { body: Record<string, unknown> }): SentSession {
  return request.body as unknown as SentSession;
}

describe("the checkout page", () => {
  it("shows what will be charged: the quote's lines, adding up to exactly its total, no fees", async () => {
    const { quote, cookie } = await customerWithQuote();
    const page = await callLoader(checkoutRoute.loader, { path: `/checkout/${quote.id}`, params: { quoteId: quote.id }, cookie });
    expect(page.status).toBe(200);
    const data = page.data as CheckoutData;
    expect(data.state).toBe("payable");
    expect(data.quote.total).toBe(quote.total);
    expect(data.quote.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(quote.total);
    expect(page.headers.get("Cache-Control")).toContain("no-store");
  });

  it("sends Stripe the quote's amounts, currency, metadata, expiry, return URLs and an idempotency key, then redirects there", async () => {
    const { customer, quote, cookie } = await customerWithQuote();
    const pay = await pressPay(customer, quote.id, cookie);
    expect(pay.status).toBe(303);
    expect(pay.location).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);

    const [create] = sessionCreates(quote.id);
    expect(create).toBeDefined();
    const body = sent(create!);
    const products = quote.lines.filter((l) => l.kind === "product");
    expect(body.mode).toBe("payment");
    expect(body.line_items).toHaveLength(products.length);
    expect(body.line_items.map((item) => Number(item.price_data.unit_amount))).toEqual(products.map((l) => l.amount));
    expect(body.line_items.every((item) => item.price_data.currency === "usd" && item.quantity === "1")).toBe(true);
    expect(body.line_items[0]!.price_data.product_data.name).toBe("Professional · 20 seats · for 2 years");

    // The discount lines travel as one coupon: subtotal − coupon = the quote's total, to the cent.
    const coupon = mock.requestsTo("POST", "/v1/coupons").find((r) => (r.body.metadata as { quoteId?: string }).quoteId === quote.id)!;
    expect(Number(coupon.body.amount_off)).toBe(quote.discountTotal);
    expect(coupon.body).toMatchObject({ currency: "usd", duration: "once", max_redemptions: "1" });
    expect(coupon.idempotencyKey).toBe(`c365-coupon-${quote.id}-v${quote.version}-a1`);
    const subtotal = body.line_items.reduce((sum, item) => sum + Number(item.price_data.unit_amount), 0);
    expect(subtotal - Number(coupon.body.amount_off)).toBe(quote.total);
    const session = mock.session(pay.location!.split("/").pop()!);
    expect(session.amount_total).toBe(quote.total);

    expect(body.client_reference_id).toBe(quote.id);
    expect(body.metadata).toEqual({
      quoteId: quote.id,
      quoteNumber: quote.number,
      quoteVersion: String(quote.version),
      contractId: customer.contractId,
      accountId: customer.accountId,
      attempt: "1",
    });
    expect(body.customer_email).toBe(customer.contactEmail);
    expect(body.payment_intent_data.receipt_email).toBe("finance@test-customer.example");
    expect(body.invoice_creation.enabled).toBe("true");
    expect(body.invoice_creation.invoice_data.custom_fields).toEqual([{ name: "PO number", value: "PO-4471" }]);
    expect(body.success_url).toBe(`${ORIGIN}/checkout/${quote.id}/success?session_id={CHECKOUT_SESSION_ID}`);
    expect(body.cancel_url).toBe(`${ORIGIN}/checkout/${quote.id}/cancel`);
    const expiresIn = Number(body.expires_at) - Date.now() / 1000;
    expect(expiresIn).toBeGreaterThan(2 * 3600 - 120);
    expect(expiresIn).toBeLessThanOrEqual(2 * 3600);
    expect(create!.idempotencyKey).toBe(`c365-session-${quote.id}-v${quote.version}-a1`);
    expect(create!.stripeVersion).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(create!.authorization).toBe(`Bearer ${STRIPE_TEST_KEY}`);

    const payment = await database.db.selectFrom("payments").select(["attempt", "status", "provider", "providerSessionId", "amount", "currency"]).where("quoteId", "=", quote.id).executeTakeFirstOrThrow();
    expect(payment).toEqual({ attempt: 1, status: "open", provider: "stripe", providerSessionId: session.id, amount: quote.total, currency: "USD" });
  });

  it("reuses the open session when the customer comes back, and opens one session for two clicks at once", async () => {
    const { customer, quote, cookie } = await customerWithQuote();
    const [first, second] = await Promise.all([pressPay(customer, quote.id, cookie), pressPay(customer, quote.id, cookie)]);
    expect(first.location).toBe(second.location);
    const back = await pressPay(customer, quote.id, cookie);
    expect(back.location).toBe(first.location);
    const created = new Set(mock.sessions().filter((s) => s.client_reference_id === quote.id).map((s) => s.id));
    expect(created.size).toBe(1);
    const attempts = await database.db.selectFrom("payments").select("attempt").where("quoteId", "=", quote.id).execute();
    expect(attempts).toEqual([{ attempt: 1 }]);
  });

  it("charges TWD in whole dollars, in Stripe's lower-case code, on a page in the reader's language", async () => {
    const { customer, quote, cookie } = await customerWithQuote({ currency: "TWD", locale: "zh-Hant", seats: 5 });
    const pay = await pressPay(customer, quote.id, cookie, { "Accept-Language": "zh-TW,zh;q=0.9" });
    expect(pay.status).toBe(303);
    const body = sent(sessionCreates(quote.id)[0]!);
    expect(body.line_items.every((item) => item.price_data.currency === "twd" && Number(item.price_data.unit_amount) % 100 === 0)).toBe(true);
    expect(body.locale).toBe("zh-TW");
    expect(body.line_items[0]!.price_data.product_data.name).toBe("Professional · 5 個席次 · 共 2 年");
    expect(quote.total % 100).toBe(0);
    expect(mock.session(pay.location!.split("/").pop()!).amount_total).toBe(quote.total);
  });

  it("explains why a quote cannot be paid, and sends nothing to Stripe", async () => {
    const { customer, quote, cookie } = await customerWithQuote();
    const requestsBefore = mock.requests.length;

    await database.db.updateTable("quotes").set({ status: "expired" }).where("id", "=", quote.id).execute();
    const expired = await callLoader(checkoutRoute.loader, { path: `/checkout/${quote.id}`, params: { quoteId: quote.id }, cookie });
    expect((expired.data as CheckoutData).state).toBe("expired");
    const refused = await pressPay(customer, quote.id, cookie);
    expect(refused.status).toBe(409);
    expect(refused.data).toEqual({ error: "expired" });

    await database.db.updateTable("quotes").set({ status: "shared" }).where("id", "=", quote.id).execute();
    expect(((await callLoader(checkoutRoute.loader, { path: `/checkout/${quote.id}`, params: { quoteId: quote.id }, cookie })).data as CheckoutData).state).toBe("not_confirmed");
    expect(mock.requests.length).toBe(requestsBefore);
  });

  it("refuses a quote whose stored lines were changed after pricing", async () => {
    const { customer, quote, cookie } = await customerWithQuote();
    const product = quote.lines.find((l) => l.kind === "product")!;
    await database.db.updateTable("quoteLines").set({ amount: product.amount - 1000 }).where("quoteId", "=", quote.id).where("position", "=", product.position).execute();
    await database.db.updateTable("quotes").set({ subtotal: quote.subtotal - 1000, total: quote.total - 1000 }).where("id", "=", quote.id).execute();
    const page = await callLoader(checkoutRoute.loader, { path: `/checkout/${quote.id}`, params: { quoteId: quote.id }, cookie });
    expect((page.data as CheckoutData).state).toBe("stale");
    const pay = await pressPay(customer, quote.id, cookie);
    expect(pay.data).toEqual({ error: "stale" });
    expect(sessionCreates(quote.id)).toHaveLength(0);
  });

  it("is a 404 for another account's quote and asks a signed-out visitor to sign in", async () => {
    const { quote } = await customerWithQuote();
    const other = await customerWithQuote();
    const foreign = await callLoader(checkoutRoute.loader, { path: `/checkout/${quote.id}`, params: { quoteId: quote.id }, cookie: other.cookie });
    expect(foreign.status).toBe(404);
    const foreignPay = await callAction(checkoutRoute.action, { path: `/checkout/${quote.id}`, params: { quoteId: quote.id }, cookie: other.cookie });
    expect(foreignPay.status).toBe(404);
    const signedOut = await callLoader(checkoutRoute.loader, { path: `/checkout/${quote.id}`, params: { quoteId: quote.id } });
    expect(signedOut.status).toBe(302);
    expect(signedOut.location).toBe(`/sign-in?redirectTo=${encodeURIComponent(`/checkout/${quote.id}`)}`);
    expect(sessionCreates(quote.id)).toHaveLength(0);
  });

  it("says so plainly when Stripe cannot be reached, and works on the next try", async () => {
    const { customer, quote, cookie } = await customerWithQuote();
    mock.failNext(1, 503);
    const down = await pressPay(customer, quote.id, cookie);
    expect(down.status).toBe(503);
    expect(down.data).toEqual({ error: "provider_unavailable" });
    expect((await findQuoteById(database.db, quote.id))!.status).toBe("awaiting_payment");
    const up = await pressPay(customer, quote.id, cookie);
    expect(up.status).toBe(303);
    // The retry used the same attempt (same idempotency key): one session at Stripe.
    expect(new Set(sessionCreates(quote.id).map((r) => r.idempotencyKey))).toEqual(new Set([`c365-session-${quote.id}-v${quote.version}-a1`]));
  });
});

type SuccessData = {
  view: string;
  confirmation: { paymentId: string; amount: number; newContractNumber: string; termStart: string; termEnd: string; saving: number; discounts: unknown[] } | null;
  npsAnswered: boolean;
};

async function successPage(quoteId: string, cookie: string, sessionId?: string) {
  const path = `/checkout/${quoteId}/success${sessionId ? `?session_id=${sessionId}` : ""}`;
  return callLoader(successRoute.loader, { path, params: { quoteId }, cookie });
}

describe("coming back from Stripe", () => {
  it("fulfils on the success page when it arrives before the webhook; the webhook then changes nothing", async () => {
    const { customer, quote, cookie } = await customerWithQuote();
    const sessionId = await openSession(customer, quote.id);
    const paid = mock.completeSession(sessionId);

    const page = await successPage(quote.id, cookie, sessionId);
    expect(page.status).toBe(200);
    const data = page.data as SuccessData;
    expect(data.view).toBe("confirmed");
    expect(data.confirmation).toMatchObject({ amount: quote.total, termStart: quote.newTermStart, termEnd: quote.newTermEnd, saving: quote.discountTotal });
    expect(data.confirmation!.discounts).toHaveLength(quote.lines.filter((l) => l.kind === "discount").length);
    expect(data.confirmation!.newContractNumber).toMatch(/^C365-/);
    expect((await fulfilmentCounts(database.db, quote)).terms).toHaveLength(1);

    const webhook = await deliverEvent(stripeEvent("checkout.session.completed", paid));
    expect(JSON.parse(webhook.body)).toMatchObject({ outcome: "already_fulfilled" });
    const { terms, payments } = await fulfilmentCounts(database.db, quote);
    expect(terms).toHaveLength(1);
    expect(payments).toHaveLength(1);
    const emails = await database.db.selectFrom("emailOutbox").select("id").where("template", "=", "renewalConfirmed").where("toEmail", "=", customer.contactEmail).execute();
    expect(emails).toHaveLength(1);

    // Reloading the page asks Stripe nothing more: the renewal is done.
    const retrievals = mock.requests.filter((r) => r.method === "GET" && r.path.endsWith(sessionId)).length;
    expect(((await successPage(quote.id, cookie, sessionId)).data as SuccessData).view).toBe("confirmed");
    expect(mock.requests.filter((r) => r.method === "GET" && r.path.endsWith(sessionId)).length).toBe(retrievals);

    // And the checkout page now says it is paid.
    expect(((await callLoader(checkoutRoute.loader, { path: `/checkout/${quote.id}`, params: { quoteId: quote.id }, cookie })).data as CheckoutData).state).toBe("paid");
  });

  it("shows a processing state for a delayed payment method", async () => {
    const { customer, quote, cookie } = await customerWithQuote();
    const sessionId = await openSession(customer, quote.id);
    mock.completeSession(sessionId, { paymentStatus: "unpaid" });
    expect(((await successPage(quote.id, cookie, sessionId)).data as SuccessData).view).toBe("processing");
    expect((await fulfilmentCounts(database.db, quote)).terms).toHaveLength(0);
    expect(((await callLoader(checkoutRoute.loader, { path: `/checkout/${quote.id}`, params: { quoteId: quote.id }, cookie })).data as CheckoutData).state).toBe("processing");
  });

  it("ignores a session id that belongs to another quote", async () => {
    const mine = await customerWithQuote();
    const theirs = await customerWithQuote();
    const theirSession = await openSession(theirs.customer, theirs.quote.id);
    mock.completeSession(theirSession);
    const page = await successPage(mine.quote.id, mine.cookie, theirSession);
    expect((page.data as SuccessData).view).toBe("not_completed");
    expect((await fulfilmentCounts(database.db, theirs.quote)).terms).toHaveLength(0);
  });

  it("says the payment was not completed when the customer left Stripe's page, and the cancel page keeps the quote payable", async () => {
    const { customer, quote, cookie } = await customerWithQuote();
    const sessionId = await openSession(customer, quote.id);
    expect(((await successPage(quote.id, cookie, sessionId)).data as SuccessData).view).toBe("not_completed");
    const cancel = await callLoader(cancelRoute.loader, { path: `/checkout/${quote.id}/cancel`, params: { quoteId: quote.id }, cookie });
    expect(cancel.data).toMatchObject({ payable: true, paid: false });
  });

  it("tells the customer a person is checking a payment the portal refused, without asking them to pay again", async () => {
    const { customer, quote, cookie } = await customerWithQuote();
    const sessionId = await openSession(customer, quote.id);
    const paid = mock.completeSession(sessionId);
    await deliverEvent(stripeEvent("checkout.session.completed", { ...paid, amount_total: 100 }));
    const page = await successPage(quote.id, cookie);
    expect((page.data as SuccessData).view).toBe("refused");
    expect((await fulfilmentCounts(database.db, quote)).terms).toHaveLength(0);
  });

  it("emails the confirmation in the contact's language", async () => {
    const { customer, quote } = await customerWithQuote({ currency: "MYR", locale: "ms" });
    const sessionId = await openSession(customer, quote.id);
    await deliverEvent(stripeEvent("checkout.session.completed", mock.completeSession(sessionId)));
    const email = await database.db.selectFrom("emailOutbox").select(["locale", "subject", "textBody"]).where("template", "=", "renewalConfirmed").where("toEmail", "=", customer.contactEmail).executeTakeFirstOrThrow();
    expect(email.locale).toBe("ms");
    expect(email.subject).toBe(`Pembaharuan ${customer.contractNumber} anda telah disahkan`);
    expect(email.textBody).toContain("Salam sejahtera");
    expect(email.textBody).toContain("RM");
  });
});

describe("the NPS question on the confirmation", () => {
  async function confirmed() {
    const world = await customerWithQuote();
    const sessionId = await openSession(world.customer, world.quote.id);
    mock.completeSession(sessionId);
    await successPage(world.quote.id, world.cookie, sessionId);
    return world;
  }

  it("refuses a missing or out-of-range score with a localised message and stores nothing", async () => {
    const { quote, cookie } = await confirmed();
    for (const form of [{}, { score: "" }, { score: "11" }, { score: "7.5" }, { score: "-1" }] as Array<Record<string, string>>) {
      const answer = await callAction(successRoute.action, { path: `/checkout/${quote.id}/success`, params: { quoteId: quote.id }, cookie, form });
      expect(answer.status).toBe(400);
      expect((answer.data as { errors: Record<string, string> }).errors.score).toBe("checkout:nps.errors.score");
    }
    expect(await database.db.selectFrom("surveyResponses").select("id").where("quoteId", "=", quote.id).execute()).toHaveLength(0);
  });

  it("stores one answer per renewal, with the contract, quote and contact", async () => {
    const { customer, quote, cookie } = await confirmed();
    const form = { score: "9", comment: "Renewing took two minutes." };
    const [a, b] = await Promise.all([
      callAction(successRoute.action, { path: `/checkout/${quote.id}/success`, params: { quoteId: quote.id }, cookie, form }),
      callAction(successRoute.action, { path: `/checkout/${quote.id}/success`, params: { quoteId: quote.id }, cookie, form }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const rows = await database.db.selectFrom("surveyResponses").select(["kind", "score", "comment", "contractId", "contactId", "accountId"]).where("quoteId", "=", quote.id).execute();
    expect(rows).toEqual([
      { kind: "nps", score: 9, comment: "Renewing took two minutes.", contractId: customer.contractId, contactId: customer.contactId, accountId: customer.accountId },
    ]);
    expect(((await successPage(quote.id, cookie)).data as SuccessData).npsAnswered).toBe(true);
  });

  it("waits until the renewal is confirmed", async () => {
    const { quote, cookie } = await customerWithQuote();
    const early = await callAction(successRoute.action, { path: `/checkout/${quote.id}/success`, params: { quoteId: quote.id }, cookie, form: { score: "8" } });
    expect(early.status).toBe(409);
    expect(await database.db.selectFrom("surveyResponses").select("id").where("quoteId", "=", quote.id).execute()).toHaveLength(0);
  });
});

describe("the receipt", () => {
  it("shows the payment with the quote's lines to the account, and is a 404 for anyone else", async () => {
    const { customer, quote, cookie } = await customerWithQuote();
    const sessionId = await openSession(customer, quote.id);
    mock.completeSession(sessionId);
    const { confirmation } = (await successPage(quote.id, cookie, sessionId)).data as SuccessData;
    const paymentId = confirmation!.paymentId;

    const receipt = await callLoader(receiptRoute.loader, { path: `/account/receipts/${paymentId}`, params: { paymentId }, cookie });
    expect(receipt.status).toBe(200);
    const data = (receipt.data as { receipt: Record<string, unknown> }).receipt;
    expect(data).toMatchObject({
      amount: quote.total,
      currency: "USD",
      status: "succeeded",
      quoteNumber: quote.number,
      poNumber: "PO-4471",
      previousContractNumber: customer.contractNumber,
      newContractNumber: confirmation!.newContractNumber,
      total: quote.total,
    });
    expect((data.lines as unknown[]).length).toBe(quote.lines.length);

    // A contract page lists it: on the renewed term and on the term it created.
    const newContract = (await fulfilmentCounts(database.db, quote)).terms[0]!;
    for (const contractId of [customer.contractId, newContract.id]) {
      const listed = await listReceipts(database.db, customer.accountId, { contractId });
      expect(listed.map((r) => ({ id: r.id, amount: r.amount, newContractNumber: r.newContractNumber }))).toEqual([
        { id: paymentId, amount: quote.total, newContractNumber: newContract.number },
      ]);
    }
    expect(await listReceipts(database.db, (await customerWithQuote()).customer.accountId)).toEqual([]);

    const other = await customerWithQuote();
    expect((await callLoader(receiptRoute.loader, { path: `/account/receipts/${paymentId}`, params: { paymentId }, cookie: other.cookie })).status).toBe(404);
    expect((await callLoader(receiptRoute.loader, { path: `/account/receipts/${paymentId}`, params: { paymentId } })).status).toBe(302);
  });
});

describe("reconciliation", () => {
  it("fulfils a paid session whose webhook never came and makes expired ones payable again", async () => {
    const paid = await customerWithQuote();
    const paidSession = await openSession(paid.customer, paid.quote.id);
    mock.completeSession(paidSession);
    const lapsed = await customerWithQuote();
    const lapsedSession = await openSession(lapsed.customer, lapsed.quote.id);
    mock.expireSessionNow(lapsedSession);

    const summary = await reconcilePayments(database.db, createStripeProvider({ secretKey: STRIPE_TEST_KEY, webhookSecret: WEBHOOK_SECRET, apiUrl: mock.url }), {
      now: new Date(`${TODAY}T09:30:00Z`),
      baseUrl: ORIGIN,
    });
    expect(summary.fulfilled).toBeGreaterThanOrEqual(1);
    expect((await fulfilmentCounts(database.db, paid.quote)).terms).toHaveLength(1);
    expect((await findQuoteById(database.db, paid.quote.id))!.status).toBe("fulfilled");
    const expired = await database.db.selectFrom("payments").select("status").where("providerSessionId", "=", lapsedSession).executeTakeFirstOrThrow();
    expect(expired.status).toBe("expired");
    expect((await findQuoteById(database.db, lapsed.quote.id))!.status).toBe("awaiting_payment");

    // A second run finds nothing new to do.
    const again = await reconcilePayments(database.db, createStripeProvider({ secretKey: STRIPE_TEST_KEY, webhookSecret: WEBHOOK_SECRET, apiUrl: mock.url }), {
      now: new Date(`${TODAY}T09:40:00Z`),
      baseUrl: ORIGIN,
    });
    expect(again.fulfilled).toBe(0);
    expect((await fulfilmentCounts(database.db, paid.quote)).terms).toHaveLength(1);
  });

  it("runs as the payments-reconcile job, and asks Stripe nothing when no quote is waiting", async () => {
    const handler = jobHandlers()["payments-reconcile"];
    expect(handler).toBeDefined();
    // Settle whatever earlier tests left waiting, so the next run has nothing to ask about.
    await database.db.updateTable("payments").set({ status: "expired" }).where("status", "in", ["open", "processing"]).execute();
    const before = mock.requests.length;
    await handler!({}, { id: "job-1", retryCount: 0 });
    expect(mock.requests.length).toBe(before);
  });

  it("fulfils a paid session whose webhook never came even when a thousand newer sessions fill the listing", async () => {
    const paid = await customerWithQuote();
    const sessionId = await openSession(paid.customer, paid.quote.id);
    mock.completeSession(sessionId);
    // A busy Stripe account (or one that also sells other things): a thousand
    // Checkout Sessions created after this one, within Stripe's retry window.
    const stripe = new Stripe(STRIPE_TEST_KEY, { ...stripeConnection(mock.url), maxNetworkRetries: 0, telemetry: false });
    for (let batch = 0; batch < 50; batch++) {
      await Promise.all(
        Array.from({ length: 20 }, () =>
          stripe.checkout.sessions.create({
            mode: "payment",
            line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 5_000, product_data: { name: "Conference ticket" } } }],
            success_url: "https://shop.example/thanks",
          }),
        ),
      );
    }

    const summary = await reconcilePayments(database.db, createStripeProvider({ secretKey: STRIPE_TEST_KEY, webhookSecret: WEBHOOK_SECRET, apiUrl: mock.url }), {
      now: new Date(`${TODAY}T09:50:00Z`),
      baseUrl: ORIGIN,
    });
    expect(summary.fulfilled).toBe(1);
    expect((await fulfilmentCounts(database.db, paid.quote)).terms).toHaveLength(1);
    expect((await findQuoteById(database.db, paid.quote.id))!.status).toBe("fulfilled");
  });
});

describe("who pays", () => {
  async function linkCookie(customer: Customer, link: { purpose: "renewal" | "approval"; quoteId?: string; contactId?: string | null; email: string }) {
    const linkId = await insertPortalLink(database.db, {
      tokenHash: `test-${Math.random().toString(36).slice(2)}`,
      purpose: link.purpose,
      accountId: customer.accountId,
      contractId: customer.contractId,
      quoteId: link.quoteId ?? null,
      contactId: link.contactId ?? null,
      recipientEmail: link.email,
      expiresAt: new Date(`${TODAY}T23:00:00Z`),
      now: new Date(`${TODAY}T08:00:00Z`),
    });
    return sessionCookieFor({ kind: "portal_link", portalLinkId: linkId, accountId: customer.accountId, contactId: link.contactId ?? null });
  }

  it("lets the success manager's link and the quote's approver pay; an approver link for another quote is a 404", async () => {
    const { customer, quote } = await customerWithQuote();
    const renewalLink = await linkCookie(customer, { purpose: "renewal", contactId: customer.contactId, email: customer.contactEmail });
    expect((await pressPay(customer, quote.id, renewalLink)).status).toBe(303);
    expect(sent(sessionCreates(quote.id)[0]!).customer_email).toBe(customer.contactEmail);

    const other = await awaitingPaymentQuote(database.db, customer, { today: TODAY, termYears: 1 });
    const approver = await linkCookie(customer, { purpose: "approval", quoteId: other.id, email: "cfo@test-customer.example" });
    const paidByApprover = await pressPay(customer, other.id, approver);
    expect(paidByApprover.status).toBe(303);
    const approverSession = sent(sessionCreates(other.id)[0]!);
    // An approver's link names no contact: the payment page asks for the email, the receipt goes to billing.
    expect(approverSession.customer_email).toBeUndefined();
    expect(approverSession.payment_intent_data.receipt_email).toBe("finance@test-customer.example");
    const actors = await database.db.selectFrom("auditEvents").select(["actorKind", "entityId"]).where("action", "=", "checkout.started").where("entityId", "in", [quote.id, other.id]).execute();
    expect(actors).toEqual(expect.arrayContaining([{ actorKind: "contact", entityId: quote.id }, { actorKind: "approver", entityId: other.id }]));

    expect((await pressPay(customer, quote.id, approver)).status).toBe(404);
    expect((await callLoader(checkoutRoute.loader, { path: `/checkout/${quote.id}`, params: { quoteId: quote.id }, cookie: approver })).status).toBe(404);
  });

  it("prefills the paying contact's email, and uses the quote's billing email for the receipt", async () => {
    const customer: Customer = await buildCustomer(database.db, world, { today: TODAY });
    const quote = await awaitingPaymentQuote(database.db, customer, { today: TODAY, billingEmail: null, poNumber: null });
    await pressPay(customer, quote.id);
    const body = sent(sessionCreates(quote.id)[0]!);
    expect(body.customer_email).toBe(customer.contactEmail);
    expect(body.payment_intent_data.receipt_email).toBe(customer.contactEmail);
    expect(body.invoice_creation.invoice_data.custom_fields).toBeUndefined();
  });
});
