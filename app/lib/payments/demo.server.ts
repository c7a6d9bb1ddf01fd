import { createHash } from "node:crypto";

import type { CheckoutSession } from "../../domain/payments/types";
import { findDemoSession, listDemoSessions, movePayment, type DemoSessionRow } from "../../models/payments.server";
import type { Database } from "../db.server";
import { PaymentProviderError, type CheckoutRequest, type PaymentProvider } from "./provider";
import { paymentPaths } from "./urls";

/**
 * How long the demo's "processing" card takes to settle: long enough to see
 * the processing page, short enough to watch it turn into a confirmation
 * (reload the page, or let the reconciliation job find it).
 */
export const DEMO_SETTLE_MS = 30_000;

export interface DemoProviderOptions {
  db: () => Database;
  /** The demo's clock (session expiry, settling); the portal's clock by default, so a pinned demo date stays consistent. */
  now: () => Date;
  settleMs?: number;
}

/** The same attempt of the same quote version always gets the same demo session (the demo's idempotency). */
export function demoSessionId(quoteId: string, version: number, attempt: number): string {
  return `demo_cs_${createHash("sha256").update(`${quoteId}:${version}:${attempt}`).digest("hex").slice(0, 32)}`;
}

export function demoPaymentIntentId(sessionId: string): string {
  return `demo_pi_${sessionId.replace(/^demo_cs_/, "")}`;
}

/**
 * The demo checkout: no money moves. Its "provider side" is the payments row
 * itself (the session is the attempt's row), and its page is
 * /checkout/demo/:sessionId. It completes through the same fulfilment
 * function as Stripe. Never used in production (env.server.ts refuses to
 * start there without STRIPE_SECRET_KEY).
 */
export class DemoProvider implements PaymentProvider {
  readonly name = "demo" as const;
  private readonly settleMs: number;

  constructor(private readonly options: DemoProviderOptions) {
    this.settleMs = options.settleMs ?? DEMO_SETTLE_MS;
  }

  now(): Date {
    return this.options.now();
  }

  async createCheckoutSession(request: CheckoutRequest): Promise<CheckoutSession> {
    const id = demoSessionId(request.quote.id, request.quote.version, request.attempt);
    return {
      id,
      provider: "demo",
      status: "open",
      paymentStatus: "unpaid",
      quoteId: request.quote.id,
      quoteVersion: request.quote.version,
      attempt: request.attempt,
      amountTotal: request.charge.total,
      currency: request.charge.currency,
      paymentIntentId: null,
      url: paymentPaths.demo(id),
      expiresAt: request.expiresAt,
      createdAt: this.now(),
    };
  }

  async retrieveSession(sessionId: string): Promise<CheckoutSession> {
    const row = await findDemoSession(this.options.db(), sessionId);
    if (!row) throw new PaymentProviderError(`No such demo session: ${sessionId}`);
    return this.toSession(row);
  }

  async listRecentSessions(options: { createdAfter: Date; limit: number }): Promise<CheckoutSession[]> {
    const rows = await listDemoSessions(this.options.db(), options.createdAfter, options.limit);
    return rows.map((row) => this.toSession(row));
  }

  async expireSession(sessionId: string): Promise<CheckoutSession> {
    const row = await findDemoSession(this.options.db(), sessionId);
    if (!row) throw new PaymentProviderError(`No such demo session: ${sessionId}`);
    if (this.toSession(row).status !== "open") throw new PaymentProviderError("Only an open demo session can be expired");
    const payment = await this.options.db()
      .selectFrom("payments")
      .select("id")
      .where("provider", "=", "demo")
      .where("providerSessionId", "=", sessionId)
      .executeTakeFirstOrThrow();
    await movePayment(this.options.db(), payment.id, "expired", this.now());
    return { ...this.toSession(row), status: "expired", url: null };
  }

  /** The session as a provider would report it, read from the attempt's row. */
  toSession(row: DemoSessionRow): CheckoutSession {
    const now = this.now().getTime();
    const base = {
      id: row.providerSessionId,
      provider: "demo" as const,
      quoteId: row.quoteId,
      quoteVersion: row.quoteVersion,
      attempt: row.attempt,
      amountTotal: row.amount,
      currency: row.currency,
      expiresAt: row.expiresAt ?? row.createdAt,
      createdAt: row.createdAt,
    };
    const intent = row.providerPaymentId ?? demoPaymentIntentId(row.providerSessionId);
    switch (row.status) {
      case "open":
        return (row.expiresAt?.getTime() ?? 0) > now
          ? { ...base, status: "open", paymentStatus: "unpaid", paymentIntentId: null, url: row.checkoutUrl }
          : { ...base, status: "expired", paymentStatus: "unpaid", paymentIntentId: null, url: null };
      case "expired":
        return { ...base, status: "expired", paymentStatus: "unpaid", paymentIntentId: null, url: null };
      case "processing":
        // The delayed method "clears" a little later, as a bank debit would after days.
        return {
          ...base,
          status: "complete",
          paymentStatus: now - row.updatedAt.getTime() >= this.settleMs ? "paid" : "unpaid",
          paymentIntentId: intent,
          url: null,
        };
      case "failed":
        return { ...base, status: "complete", paymentStatus: "unpaid", paymentIntentId: intent, url: null };
      default:
        return { ...base, status: "complete", paymentStatus: "paid", paymentIntentId: intent, url: null };
    }
  }
}

export function createDemoProvider(options: DemoProviderOptions): DemoProvider {
  return new DemoProvider(options);
}
