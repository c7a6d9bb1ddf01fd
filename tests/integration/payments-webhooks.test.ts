import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase } from "../../app/lib/db.server";
import { setPaymentProvider } from "../../app/lib/payments/index.server";
import { createStripeProvider } from "../../app/lib/payments/stripe.server";
import { receiveStripeWebhook } from "../../app/lib/payments/webhook.server";
import { setServices } from "../../app/lib/services.server";
import { storePaymentEvent } from "../../app/models/payments.server";
import { findQuoteById } from "../../app/models/quotes.server";
import { startMockStripe, type MockStripe } from "../mocks/stripe-server";
import {
  STRIPE_TEST_KEY,
  WEBHOOK_SECRET,
  awaitingPaymentQuote,
  buildCustomer,
  buildPaymentsWorld,
  deliverEvent,
  deliverWebhook,
  fulfilmentCounts,
  openSession,
  pressPay,
  signed,
  stripeEvent,
  type Customer,
} from "../support/payments";
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

async function customerWithQuote(options: Parameters<typeof buildCustomer>[2] = { today: TODAY }) {
  const customer = await buildCustomer(database.db, world, options);
  const quote = await awaitingPaymentQuote(database.db, customer, { today: TODAY });
  return { customer, quote };
}

/** The customer opens checkout and pays on (mock) Stripe's page; returns what Stripe would put in its events. */
async function paidSession(customer: Customer, quoteId: string, paymentStatus: "paid" | "unpaid" = "paid") {
  const sessionId = await openSession(customer, quoteId);
  return mock.completeSession(sessionId, { paymentStatus });
}

/** A happy path raises no alarm: no refusal in the audit trail, no "payment needs a look" notice. */
async function expectNoRefusal(quoteId: string) {
  const refusals = await database.db.selectFrom("auditEvents").select("data").where("action", "=", "payment.refused").execute();
  expect(refusals.filter((r) => (r.data as { quoteId?: string }).quoteId === quoteId)).toEqual([]);
  expect(await database.db.selectFrom("staffNotifications").select("kind").where("quoteId", "=", quoteId).where("kind", "in", ["paymentRefused", "duplicatePayment"]).execute()).toEqual([]);
}

async function eventsStored(eventId: string) {
  return database.db.selectFrom("paymentEvents").select(["eventId", "type", "processedAt", "outcome"]).where("eventId", "=", eventId).execute();
}

/** A reproducible shuffle (mulberry32), so a failing order can be replayed from its seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("a paid checkout session, reported by Stripe's webhook", () => {
  it("renews the contract once: payment, new term with the quote's lines, old term renewed, email, notice, audit", async () => {
    const { customer, quote } = await customerWithQuote();
    const session = await paidSession(customer, quote.id);

    const response = await deliverEvent(stripeEvent("checkout.session.completed", session));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ received: true, outcome: "fulfilled", duplicate: false });

    const { terms, payments } = await fulfilmentCounts(database.db, quote);
    expect(terms).toHaveLength(1);
    expect(payments).toEqual([expect.objectContaining({ amount: quote.total })]);
    const term = terms[0]!;
    // Early renewal keeps the remaining days: the new term starts the day after the old one ends.
    expect(term).toMatchObject({ termStart: "2027-03-01", termEnd: quote.newTermEnd, status: "active" });
    expect(term.termStart).toBe(quote.newTermStart);
    expect(term.number).toMatch(/^C365-\d{5,}$/);

    const lines = await database.db.selectFrom("contractLines").select(["productId", "quantity", "unitAmount"]).where("contractId", "=", term.id).orderBy("position").execute();
    expect(lines).toEqual(
      quote.lines.filter((l) => l.kind === "product").map((l) => ({ productId: l.productId, quantity: l.quantity, unitAmount: l.unitAmount })),
    );
    const old = await database.db.selectFrom("contracts").select(["status", "renewedAt"]).where("id", "=", customer.contractId).executeTakeFirstOrThrow();
    expect(old.status).toBe("renewed");
    expect(old.renewedAt).not.toBeNull();
    expect((await findQuoteById(database.db, quote.id))!.status).toBe("fulfilled");

    const email = await database.db.selectFrom("emailOutbox").select(["toEmail", "subject", "textBody"]).where("template", "=", "renewalConfirmed").where("toEmail", "=", customer.contactEmail).execute();
    expect(email).toHaveLength(1);
    expect(email[0]!.subject).toBe(`Your renewal of ${customer.contractNumber} is confirmed`);
    expect(email[0]!.textBody).toContain(term.number);
    expect(email[0]!.textBody).toContain("1 March 2027");
    expect(email[0]!.textBody).toMatch(/\/account\/receipts\/[0-9a-f-]{36}/);

    const notices = await database.db.selectFrom("staffNotifications").select(["kind", "staffUserId"]).where("quoteId", "=", quote.id).execute();
    expect(notices).toEqual([{ kind: "renewalPaid", staffUserId: customer.ownerId }]);
    const audit = await database.db.selectFrom("auditEvents").select(["action", "actorKind"]).where("entityId", "=", quote.id).where("action", "=", "quote.fulfilled").execute();
    expect(audit).toEqual([{ action: "quote.fulfilled", actorKind: "provider" }]);

    // Stripe may send the same fact again under a new event id (a resend): the same outcome, no alarm.
    const resend = await deliverEvent(stripeEvent("checkout.session.completed", session));
    expect(JSON.parse(resend.body)).toMatchObject({ outcome: "already_fulfilled", duplicate: false });
    await expectNoRefusal(quote.id);
  });

  it("survives each event delivered ten times in random order and twenty duplicates at once: one term, one payment", async () => {
    for (const seed of [1, 7, 2026]) {
      const { customer, quote } = await customerWithQuote();
      // First attempt abandoned and expired; the second paid by a delayed method.
      const first = await openSession(customer, quote.id);
      const expired = mock.expireSessionNow(first);
      await deliverEvent(stripeEvent("checkout.session.expired", expired));
      const processing = await paidSession(customer, quote.id, "unpaid");
      const paid = { ...processing, payment_status: "paid" };
      const events = [
        stripeEvent("checkout.session.expired", expired),
        stripeEvent("checkout.session.completed", processing),
        stripeEvent("checkout.session.async_payment_succeeded", paid),
      ];
      const deliveries = shuffled(events.flatMap((event) => Array.from({ length: 10 }, () => event)), seed);
      for (const event of deliveries) {
        const response = await deliverEvent(event);
        expect(response.status, `seed ${seed}`).toBe(200);
      }
      const burst = await Promise.all(Array.from({ length: 20 }, () => deliverEvent(events[2]!)));
      expect(burst.map((r) => r.status)).toEqual(Array(20).fill(200));

      const { terms, payments } = await fulfilmentCounts(database.db, quote);
      expect(terms, `seed ${seed}`).toHaveLength(1);
      expect(payments, `seed ${seed}`).toHaveLength(1);
      const attempts = await database.db.selectFrom("payments").select(["providerSessionId", "status"]).where("quoteId", "=", quote.id).orderBy("attempt").execute();
      expect(attempts).toEqual([
        { providerSessionId: expired.id, status: "expired" },
        { providerSessionId: processing.id, status: "succeeded" },
      ]);
      for (const event of events) {
        const stored = await eventsStored(event.id);
        expect(stored, `${event.type} stored once`).toHaveLength(1);
        expect(stored[0]!.processedAt).not.toBeNull();
      }
      const confirmations = await database.db.selectFrom("emailOutbox").select("id").where("template", "=", "renewalConfirmed").where("toEmail", "=", customer.contactEmail).execute();
      expect(confirmations).toHaveLength(1);
      await expectNoRefusal(quote.id);
    }
  });

  it("treats completed and expired for the same session in either order as paid, once", async () => {
    for (const seed of [3, 11]) {
      const { customer, quote } = await customerWithQuote();
      const session = await paidSession(customer, quote.id);
      const events = [stripeEvent("checkout.session.completed", session), stripeEvent("checkout.session.expired", { ...session, status: "expired" })];
      for (const event of shuffled(events.flatMap((e) => Array.from({ length: 10 }, () => e)), seed)) {
        expect((await deliverEvent(event)).status).toBe(200);
      }
      const { terms, payments } = await fulfilmentCounts(database.db, quote);
      expect(terms).toHaveLength(1);
      expect(payments).toHaveLength(1);
      await expectNoRefusal(quote.id);
    }
  });

  it("fulfils once when different events for one payment arrive at the same moment, from two app instances", async () => {
    const { customer, quote } = await customerWithQuote();
    const session = await paidSession(customer, quote.id);
    // A second instance: its own pool on Postgres; on PGlite there is only one (it is in-process).
    const second = database.database.url ? await openDatabase({ url: database.database.url, poolSize: 3 }) : null;
    try {
      const provider = createStripeProvider({ secretKey: STRIPE_TEST_KEY, webhookSecret: WEBHOOK_SECRET, apiUrl: mock.url });
      const instances = [database.db, second?.db ?? database.db];
      const events = [stripeEvent("checkout.session.completed", session), stripeEvent("checkout.session.async_payment_succeeded", session)];
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => {
          const { payload, signature } = signed(events[i % 2]!);
          return receiveStripeWebhook(payload, signature, { db: instances[i % 2]!, provider, now: new Date(), baseUrl: "http://portal.test" });
        }),
      );
      expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
      // Exactly one delivery did the work; the rest saw it done (a duplicate, or "already fulfilled").
      const answers = results.map((r) => JSON.parse(r.body) as { outcome: string; duplicate: boolean });
      expect(answers.filter((a) => a.outcome === "fulfilled" && !a.duplicate)).toHaveLength(1);
      expect(answers.filter((a) => !a.duplicate).map((a) => a.outcome).sort()).toEqual(["already_fulfilled", "fulfilled"]);
      const { terms, payments } = await fulfilmentCounts(database.db, quote);
      expect(terms).toHaveLength(1);
      expect(payments).toHaveLength(1);
      await expectNoRefusal(quote.id);
    } finally {
      await second?.close();
    }
  });
});

describe("when the database is down", () => {
  it("answers 5xx so Stripe retries, stores nothing, and the retry fulfils", async () => {
    const { customer, quote } = await customerWithQuote();
    const session = await paidSession(customer, quote.id);
    const { payload, signature } = signed(stripeEvent("checkout.session.completed", session));
    const eventId = (JSON.parse(payload) as { id: string }).id;

    const dead = await openDatabase({ url: "postgres://nobody@127.0.0.1:1/down", poolSize: 1 });
    const live = database.services;
    setServices({ ...live, db: dead.db });
    let response;
    try {
      response = await deliverWebhook(payload, signature);
    } finally {
      setServices(live);
      await dead.close();
    }
    expect(response.status).toBeGreaterThanOrEqual(500);
    expect(await eventsStored(eventId)).toHaveLength(0);
    expect((await fulfilmentCounts(database.db, quote)).terms).toHaveLength(0);

    // Stripe's retry, once the database is back.
    const retry = await deliverWebhook(payload, signature);
    expect(retry.status).toBe(200);
    expect(JSON.parse(retry.body)).toMatchObject({ outcome: "fulfilled" });
    expect((await fulfilmentCounts(database.db, quote)).terms).toHaveLength(1);
  });

  it("processes an event that was stored but never processed (the app stopped midway) when it comes again", async () => {
    const { customer, quote } = await customerWithQuote();
    const session = await paidSession(customer, quote.id);
    const event = stripeEvent("checkout.session.completed", session);
    const { payload, signature } = signed(event);
    await storePaymentEvent(database.db, { provider: "stripe", eventId: event.id, type: event.type, payload, receivedAt: new Date() });

    const response = await deliverWebhook(payload, signature);
    expect(JSON.parse(response.body)).toMatchObject({ outcome: "fulfilled", duplicate: false });
    expect((await fulfilmentCounts(database.db, quote)).terms).toHaveLength(1);
    const again = await deliverWebhook(payload, signature);
    expect(JSON.parse(again.body)).toMatchObject({ outcome: "fulfilled", duplicate: true });
  });
});

describe("events the portal does not act on", () => {
  it("refuses a bad signature with 400 and stores nothing", async () => {
    const { customer, quote } = await customerWithQuote();
    const session = await paidSession(customer, quote.id);
    const event = stripeEvent("checkout.session.completed", session);
    const before = await database.db.selectFrom("paymentEvents").select("eventId").execute();

    const wrongSecret = signed(event, "whsec_somebody_else");
    expect((await deliverWebhook(wrongSecret.payload, wrongSecret.signature)).status).toBe(400);
    const good = signed(event);
    expect((await deliverWebhook(good.payload.replace(`"amount_total":${quote.total}`, '"amount_total":1'), good.signature)).status).toBe(400);
    expect((await deliverWebhook(good.payload, null)).status).toBe(400);
    expect((await deliverWebhook(good.payload, "t=1,v1=deadbeef")).status).toBe(400);

    expect(await database.db.selectFrom("paymentEvents").select("eventId").execute()).toHaveLength(before.length);
    expect((await fulfilmentCounts(database.db, quote)).terms).toHaveLength(0);
    expect((await findQuoteById(database.db, quote.id))!.status).toBe("awaiting_payment");
  });

  it("ignores a checkout session that names no quote (the Stripe account sells something else too)", async () => {
    const event = stripeEvent("checkout.session.completed", {
      id: "cs_test_other_product",
      object: "checkout.session",
      status: "complete",
      payment_status: "paid",
      amount_total: 1200,
      currency: "usd",
      client_reference_id: null,
      metadata: {},
      payment_intent: "pi_test_other",
      expires_at: Math.floor(Date.now() / 1000) + 3600,
      created: Math.floor(Date.now() / 1000),
      url: null,
    });
    const notices = (await database.db.selectFrom("staffNotifications").select("id").execute()).length;
    const response = await deliverEvent(event);
    expect(response.status).toBe(200);
    expect(await eventsStored(event.id)).toEqual([expect.objectContaining({ outcome: "ignored:not_ours" })]);
    expect((await database.db.selectFrom("staffNotifications").select("id").execute()).length).toBe(notices);
  });

  it("answers 200 to an event type it does not handle, stored and ignored", async () => {
    const event = stripeEvent("customer.created", { id: "cus_test_1", object: "customer" });
    const response = await deliverEvent(event);
    expect(response.status).toBe(200);
    expect(await eventsStored(event.id)).toEqual([expect.objectContaining({ type: "customer.created", outcome: "ignored" })]);
  });

  it("refuses a paid session whose amount differs from the quote: no term, the success manager alerted once", async () => {
    const { customer, quote } = await customerWithQuote();
    const session = await paidSession(customer, quote.id);
    const cheaper = stripeEvent("checkout.session.completed", { ...session, amount_total: quote.total - 100 });
    for (let i = 0; i < 3; i++) {
      const response = await deliverEvent(cheaper);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({ outcome: "refused:amount_mismatch" });
    }
    expect((await fulfilmentCounts(database.db, quote)).terms).toHaveLength(0);
    expect((await findQuoteById(database.db, quote.id))!.status).toBe("awaiting_payment");
    const notices = await database.db.selectFrom("staffNotifications").select(["kind", "staffUserId", "data"]).where("quoteId", "=", quote.id).execute();
    expect(notices).toEqual([expect.objectContaining({ kind: "paymentRefused", staffUserId: customer.ownerId })]);
    const alert = await database.db.selectFrom("emailOutbox").select(["subject", "textBody"]).where("toEmail", "=", customer.ownerEmail!).where("template", "=", "staffNotice").execute();
    expect(alert).toHaveLength(1);
    expect(alert[0]!.textBody).toContain("amount_mismatch");
    expect(alert[0]!.textBody).toContain("No term was created");
  });

  it("refuses a paid session in another currency", async () => {
    const { customer, quote } = await customerWithQuote();
    const session = await paidSession(customer, quote.id);
    const response = await deliverEvent(stripeEvent("checkout.session.completed", { ...session, currency: "eur" }));
    expect(JSON.parse(response.body)).toMatchObject({ outcome: "refused:currency_mismatch" });
    expect((await fulfilmentCounts(database.db, quote)).terms).toHaveLength(0);
    expect(await database.db.selectFrom("staffNotifications").select("kind").where("quoteId", "=", quote.id).execute()).toEqual([{ kind: "paymentRefused" }]);
  });

  it("refuses a paid session for a quote it does not know and alerts the administrators", async () => {
    const unknown = "3b0f6a5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    const event = stripeEvent("checkout.session.completed", {
      id: "cs_test_unknown_quote",
      object: "checkout.session",
      status: "complete",
      payment_status: "paid",
      amount_total: 5000,
      currency: "usd",
      client_reference_id: unknown,
      metadata: { quoteId: unknown },
      payment_intent: "pi_test_unknown",
      expires_at: Math.floor(Date.now() / 1000) + 3600,
      created: Math.floor(Date.now() / 1000),
      url: null,
    });
    const response = await deliverEvent(event);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ outcome: "refused:unknown_quote" });
    const notices = await database.db.selectFrom("staffNotifications").select(["kind", "accountId"]).where("staffUserId", "=", world.adminId).execute();
    expect(notices).toContainEqual({ kind: "paymentRefused", accountId: null });
    const email = await database.db.selectFrom("emailOutbox").select("subject").where("template", "=", "paymentAlert").execute();
    expect(email.map((e) => e.subject)).toContain("Payment needs a look: an unknown account");
  });
});

describe("after the money", () => {
  it("marks a refund on the payment (partial, then full) and tells the success manager", async () => {
    const { customer, quote } = await customerWithQuote();
    const session = await paidSession(customer, quote.id);
    await deliverEvent(stripeEvent("checkout.session.completed", session));
    const charge = {
      id: "ch_test_refund",
      object: "charge",
      amount: quote.total,
      amount_refunded: 10_000,
      currency: "usd",
      payment_intent: session.payment_intent,
      refunded: false,
    };
    const partial = await deliverEvent(stripeEvent("charge.refunded", charge));
    expect(JSON.parse(partial.body)).toMatchObject({ outcome: "partially_refunded" });
    let payment = await database.db.selectFrom("payments").select(["status", "refundedAmount"]).where("quoteId", "=", quote.id).executeTakeFirstOrThrow();
    expect(payment).toEqual({ status: "partially_refunded", refundedAmount: 10_000 });

    await deliverEvent(stripeEvent("charge.refunded", { ...charge, amount_refunded: quote.total, refunded: true }));
    payment = await database.db.selectFrom("payments").select(["status", "refundedAmount"]).where("quoteId", "=", quote.id).executeTakeFirstOrThrow();
    expect(payment).toEqual({ status: "refunded", refundedAmount: quote.total });
    const notices = await database.db.selectFrom("staffNotifications").select("kind").where("quoteId", "=", quote.id).where("kind", "=", "paymentRefunded").execute();
    expect(notices).toHaveLength(2);
  });

  it("keeps the renewal and asks a person to refund when a second session of a paid quote is paid too", async () => {
    const { customer, quote } = await customerWithQuote();
    const first = await openSession(customer, quote.id);
    mock.expireSessionNow(first);
    const second = await paidSession(customer, quote.id);
    expect(second.id).not.toBe(first);
    expect(JSON.parse((await deliverEvent(stripeEvent("checkout.session.completed", second))).body)).toMatchObject({ outcome: "fulfilled" });

    // The first session was paid as well (say, in a tab left open before it expired).
    const alsoPaid = { ...mock.session(first), status: "complete", payment_status: "paid", payment_intent: "pi_test_second_charge" };
    const response = await deliverEvent(stripeEvent("checkout.session.completed", alsoPaid));
    expect(JSON.parse(response.body)).toMatchObject({ outcome: "refused:duplicate_payment" });
    const { terms, payments } = await fulfilmentCounts(database.db, quote);
    expect(terms).toHaveLength(1);
    expect(payments.map((p) => p.id)).toHaveLength(1);
    const evidence = await database.db.selectFrom("payments").select(["providerPaymentId", "status"]).where("providerSessionId", "=", first).executeTakeFirstOrThrow();
    expect(evidence.providerPaymentId).toBe("pi_test_second_charge");
    expect(evidence.status).not.toBe("succeeded");
    expect(await database.db.selectFrom("staffNotifications").select("kind").where("quoteId", "=", quote.id).where("kind", "=", "duplicatePayment").execute()).toHaveLength(1);
  });

  it("makes the quote payable again after a failed delayed payment, and emails the customer a link", async () => {
    const { customer, quote } = await customerWithQuote();
    const session = await paidSession(customer, quote.id, "unpaid");
    expect(JSON.parse((await deliverEvent(stripeEvent("checkout.session.completed", session))).body)).toMatchObject({ outcome: "processing" });
    const failed = await deliverEvent(stripeEvent("checkout.session.async_payment_failed", session));
    expect(JSON.parse(failed.body)).toMatchObject({ outcome: "failed" });

    expect((await findQuoteById(database.db, quote.id))!.status).toBe("awaiting_payment");
    const email = await database.db.selectFrom("emailOutbox").select(["subject", "textBody"]).where("template", "=", "paymentFailed").where("toEmail", "=", customer.contactEmail).execute();
    expect(email).toHaveLength(1);
    expect(email[0]!.textBody).toContain(`/checkout/${quote.id}`);

    // Paying again opens a second attempt, with its own idempotency key.
    const again = await pressPay(customer, quote.id);
    expect(again.status).toBe(303);
    const created = mock.requestsTo("POST", "/v1/checkout/sessions").filter((r) => (r.body.metadata as { quoteId: string }).quoteId === quote.id);
    expect(created.map((r) => r.idempotencyKey)).toEqual([`c365-session-${quote.id}-v${quote.version}-a1`, `c365-session-${quote.id}-v${quote.version}-a2`]);
  });

  it("makes the quote payable again when a session expires, with a new session next time", async () => {
    const { customer, quote } = await customerWithQuote();
    const first = await openSession(customer, quote.id);
    const response = await deliverEvent(stripeEvent("checkout.session.expired", mock.expireSessionNow(first)));
    expect(JSON.parse(response.body)).toMatchObject({ outcome: "expired" });
    expect((await findQuoteById(database.db, quote.id))!.status).toBe("awaiting_payment");
    const second = await openSession(customer, quote.id);
    expect(second).not.toBe(first);
  });
});
