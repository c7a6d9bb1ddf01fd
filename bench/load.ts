/**
 * npm run test:load — load and faults (issue 8). Not part of `npm test`: it
 * takes about four minutes and wants the machine to itself.
 *
 *   setup   its own PostgreSQL cluster (bench/lib/own-postgres.ts, port 55432),
 *           the demo data plus customers whose contracts are there to be
 *           renewed (bench/lib/load-accounts.ts: a contract renews once, so
 *           every renewal needs one of its own), sessions, a local stand-in for
 *           Stripe's API (tests/mocks/stripe-server.ts) and two production
 *           instances (`node build/server.js`, JOBS=on in both) with Stripe
 *           pointed at it, behind a small round-robin balancer in this process;
 *   steady  200 virtual users for 60 s doing mixed journeys → 0 errors;
 *   kill    100 users for 30 s, one instance SIGKILLed after 10 s: requests it
 *           dropped are retried on the other, and every email job it held is
 *           delivered by the survivor (heartbeat → retry);
 *   db      that PostgreSQL is stopped for a few seconds and started again:
 *           /healthz turns 503 and back to 200, and 50 users for 15 s get 0
 *           errors from the same process, whose job worker delivers again.
 *
 * Payments: production refuses to start without a Stripe key, and the demo
 * checkout cannot receive Stripe's webhooks, so the instances run with Stripe
 * Checkout against the local mock. "Paying on Stripe's page" is the mock
 * marking the session paid; Stripe's side of the story (webhooks, some
 * delivered twice, some late and out of order, some never) is told by the
 * webhook journey. After each phase the webhooks still owed are delivered,
 * the payments-reconcile job is run on a live instance, and every session
 * the provider took money for is checked against the database: fulfilled
 * exactly once, nothing half-done (bench/lib/renewal-ledger.ts).
 *
 * Only loopback traffic; every phase is bounded in time and count. Prints a
 * summary and writes bench/load-results.json; exit code 1 when a check fails.
 * `--quick` shrinks every phase for a smoke run (its results are not written).
 *
 * Journeys are one entry each in JOURNEYS. One whose routes are not on this
 * branch is listed as skipped, with what it needs, until they are.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { sql } from "kysely";
import pg from "pg";

import { migrateToLatest, openDatabase, type Database, type DatabaseHandle } from "../app/lib/db.server";
import { systemClock } from "../app/lib/clock";
import { todayIso } from "../app/lib/dates";
import { createBoss, QUEUES } from "../app/lib/jobs/queue.server";
import { findAccountForPortalLink, listAccountsOwnedBy } from "../app/models/staff-accounts.server";
import { seedAll } from "../db/seed/all";
import { startMockStripe, type MockStripe } from "../tests/mocks/stripe-server";
import { mintSessionCookie } from "./auth";
import { hiddenFields, tagAttributes } from "./lib/html-forms";
import { seedRenewableAccounts } from "./lib/load-accounts";
import { createOwnPostgres, type OwnPostgres } from "./lib/own-postgres";
import { renderTable } from "./lib/format";
import { percentile } from "./lib/report";
import {
  LOAD_STRIPE_KEY,
  LOAD_WEBHOOK_SECRET,
  auditRenewals,
  checkoutEvent,
  renewalFingerprint,
  signatureFor,
  type ProviderSession,
  type SignedEvent,
} from "./lib/renewal-ledger";
import { startServer, type RunningServer } from "./lib/server";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const resultsPath = path.join(repoRoot, "bench/load-results.json");
const PG_PORT = Number(process.env.LOAD_PG_PORT ?? 55432);
const FIRST_PORT = 3600;
/** The address both instances are published under (links in emails, Stripe's return URLs); requests go through the balancer. */
const LOAD_PUBLIC_URL = "http://portal.load.test";

const QUICK = process.argv.includes("--quick");

const PHASES = QUICK
  ? {
      steady: { users: 30, seconds: 15 },
      kill: { users: 20, seconds: 12, killAfterSeconds: 4 },
      recovery: { users: 10, seconds: 8 },
      outageSeconds: 4,
      drainSeconds: 120,
      renewalAccounts: 150,
    }
  : {
      steady: { users: Number(process.env.LOAD_USERS ?? 200), seconds: Number(process.env.LOAD_SECONDS ?? 60) },
      kill: { users: 100, seconds: 30, killAfterSeconds: 10 },
      recovery: { users: 50, seconds: 15 },
      /** How long the database stays down. */
      outageSeconds: 4,
      /** Bound on waiting for background work (emails) to drain. */
      drainSeconds: 240,
      /**
       * Customers with four renewable contracts each. A renewal is about ten
       * requests; at the ~200 req/s this machine serves, the three phases make
       * well under 2,000, so 6,000 contracts never run out.
       */
      renewalAccounts: 1500,
    };
const CONTRACTS_PER_ACCOUNT = 4;

// ------------------------------------------------------------ the balancer

interface Instance {
  name: string;
  server: RunningServer;
  up: boolean;
}

interface Sample {
  journey: string;
  ms: number;
  ok: boolean;
}

interface Failure {
  journey: string;
  request: string;
  reason: string;
}

class Recorder {
  samples: Sample[] = [];
  failures: Failure[] = [];
  /**
   * Wrong answers with a right status (a paid renewal the confirmation page
   * does not confirm, a second payment offered for a paid quote): errors too.
   */
  wrongAnswers = 0;
  /** Requests cut off by a dying instance and sent again to the other one. */
  retried = 0;
  iterations = new Map<string, number>();

  wrongByJourney = new Map<string, number>();

  wrong(journey: string, request: string, reason: string) {
    this.wrongAnswers++;
    this.wrongByJourney.set(journey, (this.wrongByJourney.get(journey) ?? 0) + 1);
    this.failures.push({ journey, request, reason });
  }
}

function connectionCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code ?? (error as { code?: string })?.code;
}

/**
 * Round-robin over the live instances, as a load balancer with health checks
 * would: a connection refused or cut marks the instance down and the request
 * goes once more to the next one (a browser resubmits a form the same way).
 */
class Balancer {
  private next = 0;
  constructor(readonly instances: Instance[]) {}

  async send(path: string, init: RequestInit, recorder: Recorder): Promise<Answer> {
    let lastError: unknown;
    for (let attempt = 0; attempt < this.instances.length; attempt++) {
      const live = this.instances.filter((i) => i.up);
      if (live.length === 0) break;
      const instance = live[this.next++ % live.length]!;
      try {
        const response = await fetch(`${instance.server.baseUrl}${path}`, { ...init, redirect: "manual", signal: AbortSignal.timeout(30_000) });
        // The body is part of the answer: a connection cut while it streams is a lost answer too.
        return { status: response.status, headers: response.headers, body: await response.text(), resent: attempt > 0 };
      } catch (error) {
        lastError = error;
        // fetch reports network failures (refused, reset, "terminated" mid-body) as TypeError; a timeout is not one.
        if (!(error instanceof TypeError)) throw error;
        instance.up = false;
        recorder.retried++;
      }
    }
    throw lastError ?? new Error("no live instance");
  }
}

interface Answer {
  status: number;
  headers: Headers;
  body: string;
  /** Sent again to another instance after the first one dropped it. */
  resent: boolean;
}

// ------------------------------------------------------------ journeys

interface World {
  customerCookies: string[];
  staffCookies: string[];
  /** (accountId, contactId, contractId) a success manager may send a link for, with the cookie of that manager. */
  linkTargets: { cookie: string; accountId: string; contactId: string; contractId: string }[];
  /** Contracts nobody has renewed yet, with a session of their account's admin; each is taken by one user. */
  renewals: RenewalTarget[];
  payments: Payments;
  /** The load test's own connection, for the fingerprints that show a repeated webhook changed nothing. */
  db: Database;
}

interface RenewalTarget {
  accountId: string;
  contractId: string;
  cookie: string;
}

/** A renewal the customer finished paying for on Stripe's page. */
interface PaidRenewal {
  sessionId: string;
  quoteId: string;
  contractId: string;
  /** A card clears at once; a delayed method (bank debit) finishes unpaid and clears later. */
  method: "card" | "delayed";
  /** The session as it stood when the customer finished: what checkout.session.completed carries. */
  completed: Record<string, unknown>;
  /**
   * Whether Stripe's webhooks for it reach the portal: "lost" ones are left
   * to reconciliation; "held" ones are delivered by the test at a moment of
   * its choosing (during the database outage).
   */
  webhooks: "delivered" | "lost" | "held";
}

/**
 * Stripe's side of the run: the mock API the instances call, and what
 * Stripe owes the portal (webhooks for finished sessions, in the order
 * Stripe gets round to them).
 */
class Payments {
  /** Finished sessions whose events Stripe has not delivered yet. */
  owed: PaidRenewal[] = [];
  /** Quotes paid by customers who closed the tab, whose webhooks never came: only reconciliation can fulfil them. */
  lost: string[] = [];
  /** Events delivered once, for Stripe's occasional redelivery of an old one. */
  delivered: { event: SignedEvent; quoteId: string }[] = [];
  counts = {
    renewalsStarted: 0,
    sessionsOpened: 0,
    paidByCard: 0,
    paidDelayed: 0,
    cancelledOnStripe: 0,
    abandonedAfterPaying: 0,
    webhooksLost: 0,
    paidAgainRefused: 0,
    deliveries: 0,
    duplicatesIgnored: 0,
    lateEventsIgnored: 0,
    unchangedAfterRepeat: 0,
    contractsLeft: 0,
  };
  constructor(readonly stripe: MockStripe) {}
}

class User {
  private cookies = new Map<string, string>();
  constructor(
    readonly id: number,
    readonly balancer: Balancer,
    readonly recorder: Recorder,
    readonly world: World,
    /** Each user its own address (TRUST_PROXY=true), as real users behind one proxy would have. */
    readonly ip = `10.77.${Math.floor(id / 250)}.${(id % 250) + 1}`,
  ) {}

  /** What the user is in the middle of (journey and step), for the report of what the kill cut off. */
  doing: string | null = null;
  /** The contract whose renewal the user is in the middle of. */
  renewing: string | null = null;

  async request(
    journey: string,
    method: "GET" | "POST",
    path: string,
    expect: number[],
    options: { cookie?: string; form?: Record<string, string> | [string, string][]; body?: string; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { "X-Forwarded-For": this.ip, "User-Agent": "customer365-load", ...options.headers };
    const cookie = options.cookie ?? [...this.cookies.values()].join("; ");
    if (cookie) headers.Cookie = cookie;
    if (options.form) headers["Content-Type"] = "application/x-www-form-urlencoded";
    const body = options.form ? new URLSearchParams(options.form).toString() : options.body;
    const init: RequestInit = { method, headers, body };
    const started = performance.now();
    let response: Answer;
    try {
      response = await this.balancer.send(path, init, this.recorder);
    } catch (error) {
      this.recorder.samples.push({ journey, ms: performance.now() - started, ok: false });
      this.recorder.failures.push({ journey, request: `${method} ${path}`, reason: `${connectionCode(error) ?? ""} ${error instanceof Error ? error.message : String(error)}`.trim() });
      return null;
    }
    const ms = performance.now() - started;
    const ok = expect.includes(response.status);
    this.recorder.samples.push({ journey, ms, ok });
    if (!ok) this.recorder.failures.push({ journey, request: `${method} ${path}`, reason: `status ${response.status}` });
    for (const setCookie of response.headers.getSetCookie()) {
      const pair = setCookie.split(";")[0]!;
      this.cookies.set(pair.split("=")[0]!, pair);
    }
    return ok ? { status: response.status, body: response.body, location: response.headers.get("location"), resent: response.resent } : null;
  }

  pick<T>(list: T[]): T {
    return list[Math.floor(Math.random() * list.length)]!;
  }

  forgetCookies() {
    this.cookies.clear();
  }
}

// ------------------------------------------------------------ renewals and Stripe

const RENEW = "renew and pay (Stripe Checkout)";
const WEBHOOKS = "Stripe webhooks";
const STRIPE_PAGE = /^https:\/\/checkout\.stripe\.com\/c\/pay\/(cs_[A-Za-z0-9_]+)$/;

interface RenewalPlan {
  /** Pays on Stripe's page, or leaves it without paying (and comes back through cancel_url). */
  pay: boolean;
  method: PaidRenewal["method"];
  /** After paying: back to the success page (Stripe's redirect), that and "Pay" pressed again, or the tab closed. */
  then: "success" | "success-then-pay-again" | "close";
  webhooks: PaidRenewal["webhooks"];
}

/**
 * How renewals end, in proportions that exercise every path to fulfilment:
 * most customers pay by card and land on the success page (which fulfils, or
 * finds the webhook did); some use a delayed method that clears later (a
 * webhook fulfils it); some close the tab after paying (the webhook fulfils
 * it, or — when it never arrives — reconciliation does); a few press "Pay"
 * again after paying (must not be offered a second payment); a few leave
 * Stripe's page without paying.
 */
function randomPlan(): RenewalPlan {
  const r = Math.random();
  if (r < 0.05) return { pay: false, method: "card", then: "close", webhooks: "delivered" };
  if (r < 0.15) return { pay: true, method: "delayed", then: "success", webhooks: "delivered" };
  if (r < 0.3) return { pay: true, method: "card", then: "close", webhooks: Math.random() < 0.5 ? "delivered" : "lost" };
  if (r < 0.35) return { pay: true, method: "card", then: "success-then-pay-again", webhooks: "delivered" };
  return { pay: true, method: "card", then: "success", webhooks: "delivered" };
}

function inputValue(html: string, name: string): string | undefined {
  for (const input of html.matchAll(/<input\b[^>]*>/gi)) {
    const attributes = tagAttributes(input[0]);
    if (attributes.name === name) return attributes.value;
  }
  return undefined;
}

/**
 * One renewal the way a customer without JavaScript makes it: the renewal
 * page's recommended quote (the form the page renders, hidden fields and
 * all) → review → confirm with the terms accepted → checkout → Stripe's page
 * → back. Returns the paid renewal, or null when it did not get that far.
 */
async function renewAndPay(u: User, plan: RenewalPlan): Promise<PaidRenewal | null> {
  const payments = u.world.payments;
  const target = u.world.renewals.pop();
  if (!target) {
    u.recorder.wrong(RENEW, "-", "no renewable contract left (seed more: PHASES.renewalAccounts)");
    return null;
  }
  payments.counts.renewalsStarted++;
  const { cookie, contractId } = target;
  u.renewing = contractId;
  const step = (name: string) => (u.doing = `${RENEW}: ${name}`);
  try {
    step("renewal page");
    const page = await u.request(RENEW, "GET", `/renew/${contractId}`, [200], { cookie });
    if (!page) return null;
    const fields = hiddenFields(page.body, { action: `/renew/${contractId}?index`, method: "post" });
    if (!fields || !fields.some(([name]) => name === "plan")) {
      u.recorder.wrong(RENEW, `GET /renew/${contractId}`, "the renewal page offers no quote");
      return null;
    }

    step("save the quote");
    const saved = await u.request(RENEW, "POST", `/renew/${contractId}?index`, [302], { cookie, form: [...fields, ["intent", "review"]] });
    const quoteId = saved?.location ? /\/quotes\/([0-9a-f-]{36})$/.exec(saved.location)?.[1] : undefined;
    if (!saved) return null;
    if (!quoteId) {
      u.recorder.wrong(RENEW, `POST /renew/${contractId}`, `saving went to ${saved.location ?? "nowhere"}`);
      return null;
    }
    const quotePath = `/renew/${contractId}/quotes/${quoteId}`;

    step("review");
    const review = await u.request(RENEW, "GET", quotePath, [200], { cookie });
    if (!review) return null;
    const version = inputValue(review.body, "version");
    const priceHash = inputValue(review.body, "priceHash");
    if (!version || !priceHash) {
      u.recorder.wrong(RENEW, `GET ${quotePath}`, "no confirmation form");
      return null;
    }

    step("confirm");
    const confirm = await u.request(RENEW, "POST", quotePath, [302, 409], {
      cookie,
      form: { version, priceHash, acceptTerms: "on", poNumber: Math.random() < 0.3 ? `PO-LOAD-${u.id}` : "", billingEmail: "", intent: "confirm" },
    });
    if (!confirm) return null;
    // A confirmation resent after its instance died may find the first one
    // committed: "already confirmed", with the way on to payment. Anything
    // else refused is wrong.
    if (confirm.status === 409 && !(confirm.resent && confirm.body.includes(`/checkout/${quoteId}`))) {
      u.recorder.wrong(RENEW, `POST ${quotePath}`, "confirmation refused");
      return null;
    }

    step("checkout");
    if (!(await u.request(RENEW, "GET", `/checkout/${quoteId}`, [200], { cookie }))) return null;
    step("pay");
    const pay = await u.request(RENEW, "POST", `/checkout/${quoteId}`, [303], { cookie });
    if (!pay) return null;
    const sessionId = pay.location ? STRIPE_PAGE.exec(pay.location)?.[1] : undefined;
    if (!sessionId) {
      u.recorder.wrong(RENEW, `POST /checkout/${quoteId}`, `"Pay" went to ${pay.location ?? "nowhere"}, not Stripe`);
      return null;
    }
    payments.counts.sessionsOpened++;

    step("on Stripe's page");
    if (!plan.pay) {
      payments.counts.cancelledOnStripe++;
      await u.request(RENEW, "GET", `/checkout/${quoteId}/cancel`, [200], { cookie });
      return null;
    }
    const onStripe = payments.stripe.session(sessionId);
    if (onStripe.status !== "open") {
      u.recorder.wrong(RENEW, `POST /checkout/${quoteId}`, `sent to pay session ${sessionId}, which is ${String(onStripe.status)}`);
      return null;
    }
    const completed = payments.stripe.completeSession(sessionId, { paymentStatus: plan.method === "card" ? "paid" : "unpaid" });
    const renewal: PaidRenewal = { sessionId, quoteId, contractId, method: plan.method, completed, webhooks: plan.webhooks };
    if (plan.method === "card") payments.counts.paidByCard++;
    else payments.counts.paidDelayed++;
    if (plan.webhooks === "delivered") payments.owed.push(renewal);
    if (plan.webhooks === "lost") {
      payments.counts.webhooksLost++;
      payments.lost.push(quoteId);
    }

    if (plan.then === "close") {
      payments.counts.abandonedAfterPaying++;
      return renewal;
    }
    step("success page");
    const success = await u.request(RENEW, "GET", `/checkout/${quoteId}/success?session_id=${sessionId}`, [200], { cookie });
    if (!success) return renewal;
    // A card payment is confirmed on the spot: the page shows the receipt link.
    if (plan.method === "card" && !success.body.includes("/account/receipts/")) {
      u.recorder.wrong(RENEW, `GET /checkout/${quoteId}/success`, "paid by card but the page does not confirm the renewal");
    }
    if (plan.then === "success-then-pay-again") {
      step("pay again");
      const again = await u.request(RENEW, "POST", `/checkout/${quoteId}`, [303], { cookie });
      if (again && again.location !== `/checkout/${quoteId}/success`) {
        u.recorder.wrong(RENEW, `POST /checkout/${quoteId} (again)`, `a paid quote was offered another payment: ${again.location ?? "no redirect"}`);
      } else if (again) {
        payments.counts.paidAgainRefused++;
      }
    }
    return renewal;
  } finally {
    u.doing = null;
    u.renewing = null;
  }
}

async function deliver(u: User, event: SignedEvent) {
  u.world.payments.counts.deliveries++;
  const answer = await u.request(WEBHOOKS, "POST", "/webhooks/stripe", [200], {
    cookie: "",
    body: event.payload,
    headers: { "Content-Type": "application/json; charset=utf-8", "Stripe-Signature": signatureFor(event.payload) },
  });
  if (!answer) return null;
  try {
    return { ...(JSON.parse(answer.body) as { outcome?: string; duplicate?: boolean }), resent: answer.resent };
  } catch {
    u.recorder.wrong(WEBHOOKS, `POST /webhooks/stripe ${event.type}`, `not JSON: ${answer.body.slice(0, 80)}`);
    return null;
  }
}

/**
 * Stripe's deliveries for one finished session. A card payment: completed
 * (paid), then the same event again (a retry). A delayed method: it clears
 * now, and async_payment_succeeded arrives before the older completed
 * (unpaid) event, then again. The first delivery must fulfil (or find it
 * fulfilled); everything after it must change nothing at all.
 */
async function deliverWebhooks(u: User, renewal: PaidRenewal) {
  const payments = u.world.payments;
  u.doing = `${WEBHOOKS}: ${renewal.method}`;
  try {
    let first: SignedEvent;
    let late: SignedEvent[] = [];
    if (renewal.method === "card") {
      first = checkoutEvent("checkout.session.completed", renewal.completed);
    } else {
      const cleared = payments.stripe.completeSession(renewal.sessionId, { paymentStatus: "paid" });
      first = checkoutEvent("checkout.session.async_payment_succeeded", cleared);
      late = [checkoutEvent("checkout.session.completed", renewal.completed, new Date(Date.now() - 60_000))];
    }
    const answer = await deliver(u, first);
    if (!answer) return;
    // A delivery resent after its instance died may find the first one
    // processed there: a duplicate then is the right answer, as it is for
    // Stripe's own retry after a connection cut.
    if ((answer.duplicate && !answer.resent) || (answer.outcome !== "fulfilled" && answer.outcome !== "already_fulfilled")) {
      u.recorder.wrong(WEBHOOKS, `POST /webhooks/stripe ${first.type}`, `first delivery answered ${JSON.stringify(answer)}`);
      return;
    }
    payments.delivered.push({ event: first, quoteId: renewal.quoteId });
    const before = await renewalFingerprint(u.world.db, renewal.quoteId);
    for (const event of [...late, first]) {
      const again = await deliver(u, event);
      if (!again) continue;
      if (event === first && again.duplicate !== true) u.recorder.wrong(WEBHOOKS, `POST /webhooks/stripe ${event.type} (again)`, `not seen as a duplicate: ${JSON.stringify(again)}`);
      if (event === first) payments.counts.duplicatesIgnored++;
      else payments.counts.lateEventsIgnored++;
    }
    const after = await renewalFingerprint(u.world.db, renewal.quoteId);
    if (after !== before) u.recorder.wrong(WEBHOOKS, `quote ${renewal.quoteId}`, `a repeated or late event changed the renewal:\n${before}\n${after}`);
    else payments.counts.unchangedAfterRepeat++;
  } finally {
    u.doing = null;
  }
}

async function redeliverOldEvent(u: User) {
  const payments = u.world.payments;
  if (payments.delivered.length === 0) return;
  const { event, quoteId } = u.pick(payments.delivered);
  const before = await renewalFingerprint(u.world.db, quoteId);
  const again = await deliver(u, event);
  if (!again) return;
  if (again.duplicate !== true) u.recorder.wrong(WEBHOOKS, `POST /webhooks/stripe ${event.type} (redelivered)`, `not seen as a duplicate: ${JSON.stringify(again)}`);
  const after = await renewalFingerprint(u.world.db, quoteId);
  if (after !== before) u.recorder.wrong(WEBHOOKS, `quote ${quoteId}`, "a redelivered event changed the renewal");
  else payments.counts.unchangedAfterRepeat++;
  payments.counts.duplicatesIgnored++;
}

interface Journey {
  name: string;
  weight: number;
  /** Route files (app/routes) it needs; without them it is skipped. */
  requires: string[];
  run?: (user: User) => Promise<void>;
  /** Why it has no run yet. */
  pending?: string;
}

const JOURNEYS: Journey[] = [
  {
    name: "public pages",
    weight: 3,
    requires: ["_index.tsx", "sign-in._index.tsx"],
    run: async (u) => {
      await u.request("public pages", "GET", "/", [200], { cookie: "" });
      await u.request("public pages", "GET", "/sign-in", [200], { cookie: "" });
    },
  },
  {
    name: "browse help and search",
    weight: 3,
    requires: ["help._index.tsx", "help.search.tsx", "help.articles.$slug.tsx"],
    run: async (u) => {
      const home = await u.request("browse help and search", "GET", "/help", [200], { cookie: "" });
      await u.request("browse help and search", "GET", `/help/search?q=${encodeURIComponent(u.pick(["renewal", "invoice", "sign in", "seats", "xylophone"]))}`, [200], { cookie: "" });
      const article = home ? /href="(\/help\/articles\/[^"?#]+)"/.exec(home.body)?.[1] : undefined;
      if (article) await u.request("browse help and search", "GET", article, [200], { cookie: "" });
    },
  },
  {
    name: "account and contract",
    weight: 4,
    requires: ["account._index.tsx", "account.contracts.$contractId._index.tsx"],
    run: async (u) => {
      const cookie = u.pick(u.world.customerCookies);
      const home = await u.request("account and contract", "GET", "/account", [200], { cookie });
      const contract = home ? /href="(\/account\/contracts\/[0-9a-f-]{36})"/.exec(home.body)?.[1] : undefined;
      if (contract) await u.request("account and contract", "GET", contract, [200], { cookie });
    },
  },
  {
    name: "sign-in link request",
    weight: 1,
    requires: ["sign-in._index.tsx", "sign-in.check-email.tsx"],
    run: async (u) => {
      u.forgetCookies();
      // Addresses nobody has: the same answer as for a real one, no email.
      const email = `load-${u.id}-${Math.random().toString(36).slice(2, 10)}@load.example`;
      const asked = await u.request("sign-in link request", "POST", "/sign-in", [303], { cookie: "", form: { email } });
      if (asked?.location) await u.request("sign-in link request", "GET", asked.location, [200], { cookie: "" });
    },
  },
  {
    name: "portal link sent and opened",
    weight: 1,
    requires: ["staff.portal-links.tsx", "l.$token.tsx", "renew.$contractId._index.tsx"],
    run: async (u) => {
      const target = u.pick(u.world.linkTargets);
      const created = await u.request("portal link sent and opened", "POST", "/staff/portal-links", [200], {
        cookie: target.cookie,
        form: { intent: "create", accountId: target.accountId, contactId: target.contactId, contractId: target.contractId, expiresInDays: "14", note: "", send: "on" },
      });
      const link = created ? /(\/l\/[A-Za-z0-9_-]{43})/.exec(created.body)?.[1] : undefined;
      if (!link) {
        if (created) u.recorder.failures.push({ journey: "portal link sent and opened", request: "POST /staff/portal-links", reason: "no link in the answer" });
        return;
      }
      u.forgetCookies();
      const opened = await u.request("portal link sent and opened", "GET", link, [302]);
      if (opened?.location) await u.request("portal link sent and opened", "GET", opened.location, [200]);
    },
  },
  {
    name: RENEW,
    weight: 2,
    requires: ["renew.$contractId._index.tsx", "renew.$contractId.quotes.$quoteId._index.tsx", "checkout.$quoteId._index.tsx", "checkout.$quoteId.success.tsx", "checkout.$quoteId.cancel.tsx"],
    run: async (u) => {
      await renewAndPay(u, randomPlan());
    },
  },
  {
    name: WEBHOOKS,
    weight: 1,
    requires: ["webhooks.stripe.ts"],
    run: async (u) => {
      // Stripe delivers what it owes, a few at a time; with nothing owed it
      // redelivers an old event now and then, as it does.
      const owed = u.world.payments.owed.splice(0, 3);
      for (const renewal of owed) await deliverWebhooks(u, renewal);
      if (owed.length === 0) await redeliverOldEvent(u);
    },
  },
];

function routeExists(file: string) {
  return existsSync(path.join(repoRoot, "app/routes", file));
}

async function drive(phase: string, users: User[], seconds: number, journeys: Journey[], during?: (elapsedMs: number) => Promise<void> | void) {
  const total = journeys.reduce((sum, j) => sum + j.weight, 0);
  const choose = () => {
    let r = Math.random() * total;
    for (const j of journeys) if ((r -= j.weight) < 0) return j;
    return journeys[journeys.length - 1]!;
  };
  const started = Date.now();
  const end = started + seconds * 1000;
  let hook: Promise<void> | undefined;
  const ticker = during
    ? setInterval(() => {
        hook = Promise.resolve(during(Date.now() - started));
      }, 250)
    : undefined;
  console.log(`== ${phase}: ${users.length} users for ${seconds} s`);
  await Promise.all(
    users.map(async (user) => {
      // Users arrive over the first two seconds, not in one burst.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2000));
      while (Date.now() < end) {
        const journey = choose();
        user.recorder.iterations.set(journey.name, (user.recorder.iterations.get(journey.name) ?? 0) + 1);
        await journey.run!(user);
      }
    }),
  );
  if (ticker) clearInterval(ticker);
  await hook;
}

function summarise(recorder: Recorder, seconds: number) {
  const byJourney = new Map<string, Sample[]>();
  for (const s of recorder.samples) byJourney.set(s.journey, [...(byJourney.get(s.journey) ?? []), s]);
  const rows = [...byJourney.entries()].map(([journey, samples]) => {
    const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
    return {
      journey,
      iterations: recorder.iterations.get(journey) ?? 0,
      requests: samples.length,
      errors: samples.filter((s) => !s.ok).length + (recorder.wrongByJourney.get(journey) ?? 0),
      p50: Math.round(percentile(ms, 50)),
      p95: Math.round(percentile(ms, 95)),
      p99: Math.round(percentile(ms, 99)),
    };
  });
  const requests = recorder.samples.length;
  return {
    requests,
    requestsPerSecond: Math.round(requests / seconds),
    errors: recorder.samples.filter((s) => !s.ok).length + recorder.wrongAnswers,
    wrongAnswers: recorder.wrongAnswers,
    retried: recorder.retried,
    journeys: rows,
    failureSamples: recorder.failures.slice(0, 10),
  };
}

function printPhase(summary: ReturnType<typeof summarise>) {
  console.log(
    renderTable(
      ["journey", "iterations", "requests", "errors", "p50 ms", "p95 ms", "p99 ms"],
      summary.journeys.map((r) => [r.journey, String(r.iterations), String(r.requests), String(r.errors), String(r.p50), String(r.p95), String(r.p99)]),
      ["left", "right", "right", "right", "right", "right", "right"],
    ),
  );
  console.log(`   ${summary.requests} requests (${summary.requestsPerSecond}/s), ${summary.errors} errors, ${summary.retried} retried on the other instance`);
  for (const f of summary.failureSamples) console.log(`   ✗ ${f.journey}: ${f.request} — ${f.reason}`);
}

// ------------------------------------------------------------ background work

async function emailState(db: Database) {
  const rows = await db
    .selectFrom("emailOutbox")
    .select(["status", sql<number>`count(*)::int`.as("n"), sql<number>`coalesce(max(attempts), 0)::int`.as("maxAttempts")])
    .groupBy("status")
    .execute();
  const jobs = await sql<{ state: string; n: number }>`select state, count(*)::int as n from pgboss.job where name = 'email-send' group by state`.execute(db);
  return {
    outbox: Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>,
    maxAttempts: Math.max(0, ...rows.map((r) => r.maxAttempts)),
    jobs: Object.fromEntries(jobs.rows.map((r) => [r.state, r.n])) as Record<string, number>,
  };
}

/** Waits until every email is sent and no email job is waiting or running, or the bound passes. */
async function drain(db: Database, seconds: number) {
  const started = Date.now();
  for (;;) {
    const state = await emailState(db).catch(() => null);
    const pending = state ? (state.outbox.queued ?? 0) + (state.jobs.created ?? 0) + (state.jobs.retry ?? 0) + (state.jobs.active ?? 0) : Infinity;
    if (state && pending === 0) return { drained: true, seconds: Math.round((Date.now() - started) / 1000), state };
    if (Date.now() - started > seconds * 1000) {
      const stuck = await sql`select id, state, retry_count, started_on, heartbeat_on, heartbeat_seconds, expire_seconds, pgboss.job_now() as now
        from pgboss.job where name = 'email-send' and state in ('created', 'retry', 'active')`.execute(db).catch(() => null);
      return { drained: false, seconds, state, stuck: stuck?.rows };
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the payments-reconcile job now instead of at its next ten-minute
 * mark: sent to its queue, where a live instance's worker takes it, as the
 * schedule would. Waits (bounded) for it to finish.
 */
async function reconcileNow(handle: DatabaseHandle, url: string, seconds = 90) {
  const boss = createBoss(handle, url, false);
  boss.on("error", () => undefined);
  await boss.start();
  const started = Date.now();
  try {
    const id = await boss.send(QUEUES.reconcilePayments.name, {});
    if (!id) return { state: "not sent", ms: 0 };
    while (Date.now() - started < seconds * 1000) {
      const job = await boss.getJobById(QUEUES.reconcilePayments.name, id);
      if (job && (job.state === "completed" || job.state === "failed")) return { state: job.state, ms: Date.now() - started };
      await sleep(500);
    }
    return { state: "still running", ms: Date.now() - started };
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}

function providerSessions(stripe: MockStripe): ProviderSession[] {
  return stripe.sessions().map((s) => ({
    id: String(s.id),
    quoteId: typeof s.client_reference_id === "string" ? s.client_reference_id : null,
    status: String(s.status),
    paymentStatus: String(s.payment_status),
    amountTotal: Number(s.amount_total),
    currency: String(s.currency),
  }));
}

type Check = { check: string; ok: boolean; detail: string };

/**
 * The end of a phase on Stripe's side and ours: the webhooks Stripe still
 * owes are delivered (it keeps retrying), the reconciliation job runs, and
 * every session Stripe took money for is checked against the database.
 */
async function settlePayments(
  phase: string,
  balancer: Balancer,
  world: World,
  database: { handle: DatabaseHandle; url: string; accountIds: string[] },
  checks: Check[],
) {
  const recorder = new Recorder();
  const courier = new User(9000, balancer, recorder, world);
  const owed = world.payments.owed.length;
  for (let renewal = world.payments.owed.shift(); renewal; renewal = world.payments.owed.shift()) await deliverWebhooks(courier, renewal);
  const flush = summarise(recorder, 1);
  const reconcile = await reconcileNow(database.handle, database.url);
  const audit = await auditRenewals(world.db, { accountIds: database.accountIds, sessions: providerSessions(world.payments.stripe) });
  const counts = { ...world.payments.counts, contractsLeft: world.renewals.length };
  console.log(
    `   payments after ${phase}: ${owed} sessions' webhooks delivered after the phase (${flush.errors} errors); reconcile ${reconcile.state} in ${reconcile.ms} ms; ` +
      `${audit.paidSessions} paid sessions, ${audit.fulfilledOnce}/${audit.paidQuotes} quotes fulfilled exactly once, by ${JSON.stringify(audit.fulfilledBy)}`,
  );
  for (const problem of audit.problems.slice(0, 10)) console.log(`   ✗ ${problem}`);
  for (const f of flush.failureSamples) console.log(`   ✗ ${f.journey}: ${f.request} — ${f.reason}`);
  checks.push({ check: `${phase}: webhooks Stripe still owed delivered with 0 errors`, ok: flush.errors === 0, detail: `${owed} sessions, ${flush.requests} deliveries, ${flush.errors} errors` });
  checks.push({ check: `${phase}: reconciliation ran on a live instance`, ok: reconcile.state === "completed", detail: `${reconcile.state} in ${reconcile.ms} ms` });
  checks.push({
    check: `${phase}: every renewal paid at Stripe fulfilled exactly once, none half-done`,
    ok: audit.problems.length === 0 && audit.paidQuotes > 0 && audit.fulfilledOnce === audit.paidQuotes,
    detail: `${audit.fulfilledOnce} of ${audit.paidQuotes} paid quotes (${audit.paidSessions} paid sessions); ${audit.problems.length} problems${audit.problems.length ? `: ${audit.problems.slice(0, 3).join("; ")}` : ""}`,
  });
  // A paid renewal whose customer left and whose webhooks never came has only reconciliation to fulfil it.
  const lost = world.payments.lost;
  const byReconciliation = lost.filter((quoteId) => audit.sourceOf.get(quoteId) === "reconciliation").length;
  checks.push({
    check: `${phase}: reconciliation fulfilled every paid renewal whose webhooks never came`,
    ok: byReconciliation === lost.length,
    detail: `${byReconciliation} of ${lost.length} (so far) fulfilled by reconciliation`,
  });
  const { sourceOf: _sources, ...reported } = audit;
  return { flush: { owed, ...flush }, reconcile, audit: { ...reported, problems: audit.problems.slice(0, 20) }, counts };
}

// ------------------------------------------------------------ setup

async function prepare(pgUrl: string, stripe: MockStripe) {
  const admin = new pg.Client({ connectionString: pgUrl.replace(/\/[^/]+$/, "/postgres") });
  await admin.connect();
  await admin.query("create database customer365_load");
  await admin.end();
  const handle = await openDatabase({ url: pgUrl, poolSize: 8 });
  await migrateToLatest(handle.db);
  await seedAll(handle.db, systemClock);
  const db = handle.db;
  const contacts = await db
    .selectFrom("contacts")
    .innerJoin("contracts", "contracts.accountId", "contacts.accountId")
    .select(["contacts.id", "contacts.accountId"])
    .distinct()
    .execute();
  const customerCookies: string[] = [];
  for (let i = 0; i < 60; i++) {
    const c = contacts[i % contacts.length]!;
    customerCookies.push(await mintSessionCookie(db, { kind: "contact", contactId: c.id, accountId: c.accountId }));
  }
  const staff = await db.selectFrom("staffUsers").select(["id", "role"]).where("role", "=", "csm").execute();
  const staffCookies: string[] = [];
  const linkTargets: World["linkTargets"] = [];
  for (const s of staff) {
    for (let i = 0; i < 5; i++) {
      const cookie = await mintSessionCookie(db, { kind: "staff", staffUserId: s.id });
      staffCookies.push(cookie);
      for (const account of await listAccountsOwnedBy(db, s.id)) {
        const detail = await findAccountForPortalLink(db, account.id);
        const contact = detail?.contacts[0];
        const contract = detail?.contracts[0];
        if (detail && contact && contract) linkTargets.push({ cookie, accountId: detail.id, contactId: contact.id, contractId: contract.id });
      }
    }
  }
  // After the link targets, so success managers' portal links keep to the demo accounts.
  const seeded = Date.now();
  const renewable = await seedRenewableAccounts(db, { accounts: PHASES.renewalAccounts, contractsPerAccount: CONTRACTS_PER_ACCOUNT, today: todayIso(systemClock) });
  const cookieOf = new Map<string, string>();
  const renewals: RenewalTarget[] = [];
  for (const r of renewable) {
    let cookie = cookieOf.get(r.accountId);
    if (!cookie) {
      cookie = await mintSessionCookie(db, { kind: "contact", contactId: r.contactId, accountId: r.accountId });
      cookieOf.set(r.accountId, cookie);
    }
    renewals.push({ accountId: r.accountId, contractId: r.contractId, cookie });
  }
  // Shuffled, so users next to each other renew in different markets and windows.
  for (let i = renewals.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [renewals[i], renewals[j]] = [renewals[j]!, renewals[i]!];
  }
  console.log(`   ${renewable.length} renewable contracts in ${cookieOf.size} accounts seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
  const world: World = { customerCookies, staffCookies, linkTargets, renewals, payments: new Payments(stripe), db };
  return { handle, world, accountIds: [...cookieOf.keys()] };
}

/** One webhook delivery straight to an instance, outside any user's count (the outage check reads its answer itself). */
async function postWebhook(baseUrl: string, event: SignedEvent) {
  try {
    const response = await fetch(`${baseUrl}/webhooks/stripe`, {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=utf-8", "Stripe-Signature": signatureFor(event.payload) },
      body: event.payload,
      signal: AbortSignal.timeout(15_000),
    });
    return { status: response.status, body: (await response.text()).slice(0, 200) };
  } catch (error) {
    return { status: 0, body: error instanceof Error ? error.message : String(error) };
  }
}

async function pollHealth(url: string) {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(3000) });
    return response.status;
  } catch {
    return 0;
  }
}

// ------------------------------------------------------------ main

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (!argv.includes("--no-build")) {
    console.log("== build");
    if (spawnSync("npm", ["run", "build"], { cwd: repoRoot, stdio: "inherit" }).status !== 0) return 1;
  }
  const active = JOURNEYS.filter((j) => j.run && j.requires.every(routeExists));
  const skipped = JOURNEYS.filter((j) => !active.includes(j)).map((j) => ({
    journey: j.name,
    reason: j.requires.every(routeExists) ? `not written yet: ${j.pending}` : `needs app/routes/${j.requires.filter((r) => !routeExists(r)).join(", ")} (not on this branch yet)${j.pending ? `; then ${j.pending}` : ""}`,
  }));
  const renewing = active.some((j) => j.name === RENEW);

  let postgres: OwnPostgres | undefined;
  let stripe: MockStripe | undefined;
  const servers: RunningServer[] = [];
  const checks: Check[] = [];
  const results: Record<string, unknown> = {};
  let handle: DatabaseHandle | undefined;
  const cleanup = () => {
    for (const s of servers) {
      try {
        process.kill(s.pid, "SIGKILL");
      } catch {
        // gone
      }
    }
    postgres?.destroy();
  };
  process.once("SIGINT", () => {
    cleanup();
    process.exit(130);
  });
  try {
    console.log(`== postgres: own cluster on 127.0.0.1:${PG_PORT}`);
    postgres = createOwnPostgres(PG_PORT);
    postgres.start();
    const url = postgres.url("customer365_load");
    stripe = await startMockStripe();
    const prepared = await prepare(url, stripe);
    handle = prepared.handle;
    const world = prepared.world;
    const ledger = { handle, url, accountIds: prepared.accountIds };
    const target = { kind: "postgres" as const, url, name: "customer365_load" };
    const env = {
      // One public address for both instances, as behind any load balancer:
      // the URLs they give Stripe (success, cancel) must be the same, or an
      // instance that takes over a Pay its dead peer began reuses the
      // idempotency key with other parameters and Stripe refuses it.
      APP_URL: LOAD_PUBLIC_URL,
      JOBS: "on",
      TRUST_PROXY: "true",
      DATABASE_POOL_SIZE: "20",
      STRIPE_SECRET_KEY: LOAD_STRIPE_KEY,
      STRIPE_WEBHOOK_SECRET: LOAD_WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
    };
    const a = await startServer(target, { env, port: FIRST_PORT });
    servers.push(a);
    const b = await startServer(target, { env, port: FIRST_PORT + 1 });
    servers.push(b);
    const instances: Instance[] = [
      { name: "A", server: a, up: true },
      { name: "B", server: b, up: true },
    ];
    console.log(`   instances: A ${a.baseUrl} (pid ${a.pid}), B ${b.baseUrl} (pid ${b.pid}); Stripe mock ${stripe.url}`);
    for (const s of skipped) console.log(`   skipped journey "${s.journey}": ${s.reason}`);

    // -- steady
    const steady = new Recorder();
    const steadyBalancer = new Balancer(instances);
    await drive("steady", Array.from({ length: PHASES.steady.users }, (_, i) => new User(i, steadyBalancer, steady, world)), PHASES.steady.seconds, active);
    const steadySummary = summarise(steady, PHASES.steady.seconds);
    printPhase(steadySummary);
    checks.push({ check: "steady load: 0 errors", ok: steadySummary.errors === 0 && steadySummary.requests > 0, detail: `${steadySummary.errors} errors in ${steadySummary.requests} requests` });
    const steadyPayments = renewing ? await settlePayments("steady load", steadyBalancer, world, ledger, checks) : undefined;
    const steadyDrain = await drain(handle.db, PHASES.drainSeconds);
    checks.push({ check: "steady load: every email sent", ok: steadyDrain.drained, detail: JSON.stringify(steadyDrain.state) });
    results.steady = { ...steadySummary, payments: steadyPayments, drain: steadyDrain };

    // -- kill one instance mid-run
    const kill = new Recorder();
    const killBalancer = new Balancer(instances);
    const killUsers = Array.from({ length: PHASES.kill.users }, (_, i) => new User(1000 + i, killBalancer, kill, world));
    let killedAt: number | undefined;
    let inFlightAtKill: unknown;
    let cutOff: Record<string, number> = {};
    let renewalsInFlight: string[] = [];
    const killDb = handle.db;
    await drive("kill", killUsers, PHASES.kill.seconds, active, async (elapsed) => {
      if (killedAt === undefined && elapsed >= PHASES.kill.killAfterSeconds * 1000) {
        killedAt = elapsed;
        process.kill(b.pid, "SIGKILL");
        // What the users were in the middle of when B died (half of it on B).
        cutOff = {};
        for (const u of killUsers) if (u.doing) cutOff[u.doing] = (cutOff[u.doing] ?? 0) + 1;
        renewalsInFlight = killUsers.flatMap((u) => (u.renewing ? [u.renewing] : []));
        console.log(`   SIGKILL instance B (pid ${b.pid}) at ${(elapsed / 1000).toFixed(1)} s; users mid-way: ${JSON.stringify(cutOff)}`);
        inFlightAtKill = await emailState(killDb).catch(() => null);
      }
    });
    const killSummary = summarise(kill, PHASES.kill.seconds);
    printPhase(killSummary);
    checks.push({ check: "instance killed: 0 errors seen by users", ok: killSummary.errors === 0, detail: `${killSummary.errors} errors, ${killSummary.retried} requests retried on A` });
    const killPayments = renewing ? await settlePayments("instance killed", new Balancer([instances[0]!]), world, ledger, checks) : undefined;
    // How the renewals the kill caught mid-way ended: renewed, or not paid for (left on Stripe's page).
    const inFlightOutcome = renewalsInFlight.length
      ? Object.fromEntries(
          (
            await handle.db.selectFrom("contracts").select(["status", sql<number>`count(*)::int`.as("n")]).where("id", "in", renewalsInFlight).groupBy("status").execute()
          ).map((r) => [r.status, r.n]),
        )
      : {};
    console.log(`   renewals in flight when B died: ${renewalsInFlight.length}, their contracts now ${JSON.stringify(inFlightOutcome)}`);
    const killDrain = await drain(handle.db, PHASES.drainSeconds);
    console.log(`   email jobs when B died: ${JSON.stringify(inFlightAtKill)}; drained by A in ${killDrain.seconds} s: ${killDrain.drained}`);
    checks.push({
      check: "instance killed: its email jobs delivered by the survivor, each once",
      ok: killDrain.drained && (killDrain.state?.outbox.failed ?? 0) === 0,
      detail: JSON.stringify(killDrain.state),
    });
    results.kill = { ...killSummary, killedAtSeconds: (killedAt ?? 0) / 1000, usersMidWayAtKill: cutOff, renewalsInFlightAtKill: { count: renewalsInFlight.length, contractsNow: inFlightOutcome }, emailAtKill: inFlightAtKill, payments: killPayments, drain: killDrain };

    // -- restart PostgreSQL under the surviving instance
    const onlyA = new Balancer([{ name: "A", server: a, up: true }]);
    // A renewal paid just before the outage whose webhook arrives while the database is down.
    const outage = new Recorder();
    const held = renewing ? await renewAndPay(new User(3000, onlyA, outage, world), { pay: true, method: "card", then: "close", webhooks: "held" }) : null;
    const heldEvent = held ? checkoutEvent("checkout.session.completed", held.completed) : null;
    let duringOutage: { status: number; body: string } | undefined;

    console.log("== db: stopping PostgreSQL");
    const health: { atMs: number; status: number }[] = [];
    const t0 = Date.now();
    const watcher = setInterval(() => {
      void pollHealth(a.baseUrl).then((status) => health.push({ atMs: Date.now() - t0, status }));
    }, 250);
    await sleep(1000);
    postgres.stop();
    await sleep((PHASES.outageSeconds * 1000) / 2);
    if (heldEvent) duringOutage = await postWebhook(a.baseUrl, heldEvent);
    await sleep((PHASES.outageSeconds * 1000) / 2);
    postgres.start();
    console.log("== db: PostgreSQL started again");
    let recoveredAt: number | undefined;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const last = health[health.length - 1];
      if (last && last.status === 200 && health.some((h) => h.status === 503)) {
        recoveredAt = last.atMs;
        break;
      }
      await sleep(250);
    }
    clearInterval(watcher);
    const saw503 = health.some((h) => h.status === 503);
    const first503 = health.find((h) => h.status === 503)?.atMs;
    checks.push({ check: "db restarted: /healthz 503 while down", ok: saw503, detail: `first 503 at ${first503 ?? "-"} ms` });
    checks.push({ check: "db restarted: /healthz back to 200 without restarting the app", ok: recoveredAt !== undefined, detail: `200 again at ${recoveredAt ?? "-"} ms` });
    checks.push({ check: "db restarted: the instance never died", ok: (() => { try { process.kill(a.pid, 0); return true; } catch { return false; } })(), detail: `pid ${a.pid}` });

    // The load test's own pool lost its connections with the server; the app's did too, and must cope by itself.
    await handle.close();
    handle = await openDatabase({ url, poolSize: 4 });
    world.db = handle.db;
    ledger.handle = handle;

    let heldOutcome: unknown;
    if (held && heldEvent) {
      // Stripe retries a delivery that failed; the retry must fulfil it, once.
      const untouched = (await handle.db.selectFrom("paymentEvents").select("eventId").where("eventId", "=", heldEvent.id).executeTakeFirst()) === undefined;
      const quote = await handle.db.selectFrom("quotes").select("status").where("id", "=", held.quoteId).executeTakeFirst();
      const retried = await deliver(new User(3001, onlyA, outage, world), heldEvent);
      heldOutcome = { duringOutage, storedDuringOutage: !untouched, quoteAfterOutage: quote?.status, retry: retried };
      // (The instances' own ten-minute reconciliation may get there between
      // the outage and the retry; then the retry finds it fulfilled.)
      const fulfilledMeanwhile = quote?.status === "fulfilled" && retried?.outcome === "already_fulfilled";
      checks.push({
        check: "db restarted: a webhook during the outage answered 500 and left nothing half-done; Stripe's retry fulfilled it",
        ok: duringOutage?.status === 500 && untouched && ((quote?.status === "awaiting_payment" && retried?.outcome === "fulfilled") || fulfilledMeanwhile) && summarise(outage, 1).errors === 0,
        detail: JSON.stringify(heldOutcome),
      });
    }

    const recovery = new Recorder();
    const renewalsBefore = world.payments.counts.paidByCard + world.payments.counts.paidDelayed;
    await drive("recovery", Array.from({ length: PHASES.recovery.users }, (_, i) => new User(2000 + i, onlyA, recovery, world)), PHASES.recovery.seconds, active);
    const recoverySummary = summarise(recovery, PHASES.recovery.seconds);
    printPhase(recoverySummary);
    checks.push({ check: "db restarted: 0 errors afterwards", ok: recoverySummary.errors === 0 && recoverySummary.requests > 0, detail: `${recoverySummary.errors} errors in ${recoverySummary.requests} requests` });
    let recoveryPayments: Awaited<ReturnType<typeof settlePayments>> | undefined;
    if (renewing) {
      const renewedAfter = world.payments.counts.paidByCard + world.payments.counts.paidDelayed - renewalsBefore;
      checks.push({ check: "db restarted: renewals paid again without restarting the app", ok: renewedAfter > 0, detail: `${renewedAfter} renewals paid after the restart` });
      recoveryPayments = await settlePayments("db restarted", onlyA, world, ledger, checks);
    }
    const recoveryDrain = await drain(handle.db, PHASES.drainSeconds);
    checks.push({ check: "db restarted: the job worker delivers again", ok: recoveryDrain.drained, detail: JSON.stringify(recoveryDrain.state) });
    results.db = { health, first503Ms: first503, recoveredAtMs: recoveredAt, webhookDuringOutage: heldOutcome, recovery: recoverySummary, payments: recoveryPayments, drain: recoveryDrain };
    results.payments = {
      provider: "Stripe Checkout against tests/mocks/stripe-server.ts (STRIPE_API_URL)",
      renewableContracts: PHASES.renewalAccounts * CONTRACTS_PER_ACCOUNT,
      ...world.payments.counts,
      contractsLeft: world.renewals.length,
      stripeApiRequests: stripe.requests.length,
    };
    results.stderrTail = { A: a.stderrTail().split("\n").slice(-5) };
  } finally {
    await handle?.close().catch(() => undefined);
    for (const s of servers) await s.stop().catch(() => undefined);
    await stripe?.close().catch(() => undefined);
    postgres?.destroy();
  }

  console.log("\nChecks");
  for (const c of checks) console.log(`  ${c.ok ? "✓" : "✗"} ${c.check} — ${c.detail}`);
  const cpus = os.cpus();
  const out = QUICK ? path.join(repoRoot, "bench/.work/load-results-quick.json") : resultsPath;
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        quick: QUICK,
        machine: { cores: cpus.length, cpu: cpus[0]?.model.trim() ?? "unknown", memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10, node: process.version, loadAverage: os.loadavg() },
        phases: PHASES,
        journeys: JOURNEYS.map((j) => ({ name: j.name, weight: j.weight, ran: Boolean(j.run && j.requires.every(routeExists)) })),
        skipped,
        checks,
        ...results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
  return checks.every((c) => c.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  },
);
