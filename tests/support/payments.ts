/**
 * Test ground for payments: customers built with the seed's factories,
 * quotes priced by the real engine, saved with saveQuote and confirmed with
 * transitionQuote (never hand-made totals), and Stripe webhooks signed with
 * the SDK's own generateTestHeaderString.
 */
import Stripe from "stripe";

import { computeQuote, recommendedOptions, type QuoteOptions, type TermYears } from "../../app/domain/pricing";
import type { Database } from "../../app/lib/db.server";
import { loadCatalogue, loadIncentiveRules } from "../../app/models/catalogue.server";
import { findQuoteById, saveQuote, transitionQuote, type StoredQuote } from "../../app/models/quotes.server";
import { findRenewalContext } from "../../app/models/renewal-context.server";
import * as checkoutRoute from "../../app/routes/checkout.$quoteId._index";
import * as webhookRoute from "../../app/routes/webhooks.stripe";
import { addDays } from "../../app/lib/dates";
import {
  buildAccount,
  buildCatalogue,
  buildContact,
  buildContract,
  buildIncentiveRules,
  buildStaffUser,
  pricedLines,
  type Catalogue,
  type CurrencyCode,
} from "../../db/seed/factories";
import type { Locale, Segment } from "../../db/schema";
import { ORIGIN, callAction, sessionCookieFor } from "./routes";

export const STRIPE_TEST_KEY = "sk_test_customer365_mock";
export const WEBHOOK_SECRET = "whsec_customer365_test_secret";

/** The catalogue, the incentive rules and an administrator: once per test database. */
export async function buildPaymentsWorld(db: Database, today: string): Promise<{ catalogue: Catalogue; adminId: string }> {
  const catalogue = await buildCatalogue(db);
  await buildIncentiveRules(db, { effectiveFrom: addDays(today, -400) });
  const admin = await buildStaffUser(db, { role: "admin", name: "Ada Admin" });
  return { catalogue, adminId: admin.id };
}

export interface Customer {
  accountId: string;
  contactId: string;
  contactEmail: string;
  ownerId: string | null;
  ownerEmail: string | null;
  contractId: string;
  contractNumber: string;
  termEnd: string;
  currency: CurrencyCode;
}

/** An account with its success manager, one admin contact and one active contract ending `endsInDays` from today. */
export async function buildCustomer(
  db: Database,
  world: { catalogue: Catalogue },
  options: { today: string; endsInDays?: number; currency?: CurrencyCode; locale?: Locale; segment?: Segment; owner?: boolean; seats?: number },
): Promise<Customer> {
  const currency = options.currency ?? "USD";
  const owner = options.owner === false ? null : await buildStaffUser(db, { role: "csm", locale: "en" });
  const account = await buildAccount(db, { currency, locale: options.locale ?? "en", segment: options.segment ?? "enterprise", ownerStaffId: owner?.id ?? null });
  const contact = await buildContact(db, { accountId: account.id, locale: options.locale ?? "en" });
  const termEnd = addDays(options.today, options.endsInDays ?? 95);
  const contract = await buildContract(db, {
    accountId: account.id,
    currency,
    termEnd,
    lines: pricedLines({
      catalogue: world.catalogue,
      currency,
      plan: "professional",
      seats: options.seats ?? 20,
      addons: [{ code: "analytics" }, { code: "premium_support" }],
    }),
  });
  return {
    accountId: account.id,
    contactId: contact.id,
    contactEmail: contact.email,
    ownerId: owner?.id ?? null,
    ownerEmail: owner?.email ?? null,
    contractId: contract.id,
    contractNumber: contract.number,
    termEnd: contract.termEnd,
    currency,
  };
}

/**
 * A quote for the customer's contract, priced by the engine, saved, and
 * confirmed by the contact: status awaiting_payment, as the renewal pages
 * leave it.
 */
export async function awaitingPaymentQuote(
  db: Database,
  customer: Customer,
  options: { today: string; termYears?: TermYears; billingEmail?: string | null; poNumber?: string | null; now?: Date },
): Promise<StoredQuote> {
  const renewal = await findRenewalContext(db, customer.accountId, customer.contractId);
  if (!renewal) throw new Error("the customer's contract must exist");
  const catalogue = await loadCatalogue(db, renewal.context.currency);
  const rules = await loadIncentiveRules(db, renewal.context.segment, options.today);
  const recommended = recommendedOptions(renewal.context, catalogue);
  const choice: QuoteOptions = { ...recommended, termYears: options.termYears ?? 2 };
  const result = computeQuote(renewal.context, catalogue, rules, choice, options.today);
  if (!result.ok) throw new Error(`the quote must price: ${JSON.stringify(result.errors)}`);
  const now = options.now ?? new Date(`${options.today}T09:00:00Z`);
  const saved = await db.transaction().execute((trx) =>
    saveQuote(trx, { accountId: customer.accountId, contractId: customer.contractId, quote: result.quote, createdBy: { kind: "contact", id: customer.contactId }, now }),
  );
  const moved = await transitionQuote(db, saved.id, ["draft"], "awaiting_payment", now, {
    confirmedAt: now,
    termsAcceptedAt: now,
    confirmedByContactId: customer.contactId,
    billingEmail: options.billingEmail === undefined ? "finance@test-customer.example" : options.billingEmail,
    poNumber: options.poNumber === undefined ? "PO-4471" : options.poNumber,
  });
  if (!moved) throw new Error("the quote must move to awaiting_payment");
  return (await findQuoteById(db, saved.id))!;
}

// ---------------------------------------------------------------------------
// Webhooks
// ---------------------------------------------------------------------------

const signer = new Stripe(STRIPE_TEST_KEY);
let eventCounter = 0;

/** A Stripe event around an object, as Stripe would send it. */
export function stripeEvent(type: string, object: Record<string, unknown>, id = `evt_test_${++eventCounter}_${Math.random().toString(36).slice(2, 10)}`) {
  return {
    id,
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor(Date.now() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  };
}

/** The raw body and Stripe-Signature header of an event, signed with `secret`. */
export function signed(event: object, secret = WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  return { payload, signature: signer.webhooks.generateTestHeaderString({ payload, secret }) };
}

/** Delivers a signed body to POST /webhooks/stripe (the route module, as the server would). */
export async function deliverWebhook(payload: string, signature: string | null) {
  const headers = new Headers({ "Content-Type": "application/json" });
  if (signature) headers.set("Stripe-Signature", signature);
  const request = new Request(`${ORIGIN}/webhooks/stripe`, { method: "POST", headers, body: payload });
  const response = await webhookRoute.action({ request, params: {}, context: { cspNonce: "", requestId: "test-webhook", clientIp: "127.0.0.1" } });
  return { status: response.status, body: await response.text() };
}

/** Signs and delivers one event. */
export function deliverEvent(event: object, secret = WEBHOOK_SECRET) {
  const { payload, signature } = signed(event, secret);
  return deliverWebhook(payload, signature);
}

/** Counts that say "exactly once": successor terms of a contract, successful payments of a quote. */
export async function fulfilmentCounts(db: Database, quote: Pick<StoredQuote, "id" | "contractId">) {
  const terms = await db.selectFrom("contracts").select(["id", "number", "termStart", "termEnd", "status"]).where("previousContractId", "=", quote.contractId).execute();
  const payments = await db.selectFrom("payments").select(["id", "status", "amount"]).where("quoteId", "=", quote.id).where("status", "=", "succeeded").execute();
  return { terms, payments };
}

// ---------------------------------------------------------------------------
// Checkout through the route, as the customer's browser would
// ---------------------------------------------------------------------------

export async function customerCookie(customer: Pick<Customer, "contactId" | "accountId">) {
  return sessionCookieFor({ kind: "contact", contactId: customer.contactId, accountId: customer.accountId });
}

/** The customer presses "Pay": POST /checkout/:quoteId. */
export async function pressPay(customer: Pick<Customer, "contactId" | "accountId">, quoteId: string, cookie?: string, headers?: Record<string, string>) {
  return callAction(checkoutRoute.action, { path: `/checkout/${quoteId}`, params: { quoteId }, cookie: cookie ?? (await customerCookie(customer)), headers });
}

/** Presses "Pay" and returns the provider session id from the redirect. */
export async function openSession(customer: Pick<Customer, "contactId" | "accountId">, quoteId: string): Promise<string> {
  const outcome = await pressPay(customer, quoteId);
  if (outcome.status !== 303 || !outcome.location) throw new Error(`checkout did not redirect: ${outcome.status} ${JSON.stringify(outcome.data)}`);
  const id = outcome.location.split("/").pop()!;
  return id;
}
