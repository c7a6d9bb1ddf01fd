import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "~/lib/env.server";
import { fromStripeSession, stripeConnection } from "~/lib/payments/stripe.server";

describe("STRIPE_API_URL", () => {
  it("becomes the SDK's host, port and protocol", () => {
    expect(stripeConnection(undefined)).toEqual({});
    expect(stripeConnection("http://127.0.0.1:12111")).toEqual({ host: "127.0.0.1", port: 12111, protocol: "http" });
    expect(stripeConnection("https://stripe-mock.internal")).toEqual({ host: "stripe-mock.internal", port: 443, protocol: "https" });
    expect(stripeConnection("http://[::1]:8420/")).toEqual({ host: "::1", port: 8420, protocol: "http" });
  });
});

describe("a Stripe Checkout Session in the portal's terms", () => {
  it("reads the quote from client_reference_id and metadata, and upper-cases the currency", () => {
    const session = fromStripeSession({
      id: "cs_test_1",
      object: "checkout.session",
      status: "complete",
      payment_status: "paid",
      client_reference_id: "q-1",
      metadata: { quoteId: "q-1", quoteVersion: "4", attempt: "2" },
      amount_total: 12_345,
      currency: "myr",
      payment_intent: "pi_1",
      url: null,
      expires_at: 1_795_000_000,
      created: 1_794_990_000,
    } as unknown as Parameters<typeof fromStripeSession>[0]);
    expect(session).toMatchObject({
      status: "complete",
      paymentStatus: "paid",
      quoteId: "q-1",
      quoteVersion: 4,
      attempt: 2,
      amountTotal: 12_345,
      currency: "MYR",
      paymentIntentId: "pi_1",
    });
    expect(session.expiresAt.toISOString()).toBe(new Date(1_795_000_000_000).toISOString());
  });
});

describe("configuration", () => {
  it("refuses production without a Stripe key, naming it", () => {
    const base = { NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), APP_URL: "https://portal.example" };
    expect(() => parseEnv(base)).toThrow(EnvError);
    try {
      parseEnv(base);
    } catch (error) {
      expect((error as EnvError).problems).toEqual([expect.stringMatching(/^STRIPE_SECRET_KEY is required in production/)]);
    }
    expect(parseEnv({ ...base, STRIPE_SECRET_KEY: "sk_live_x", STRIPE_WEBHOOK_SECRET: "whsec_x" }).STRIPE_SECRET_KEY).toBe("sk_live_x");
  });
});
