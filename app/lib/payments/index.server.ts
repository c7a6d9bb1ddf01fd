/**
 * Which payment provider this process uses: Stripe when STRIPE_SECRET_KEY is
 * set, else the demo checkout (development and tests only; production
 * refuses to start without a key, see env.server.ts). Tests install their
 * own with `setPaymentProvider`.
 */
import { env } from "../env.server";
import { clock, db } from "../services.server";
import { createDemoProvider } from "./demo.server";
import type { PaymentProvider } from "./provider";
import { createStripeProvider } from "./stripe.server";

let current: PaymentProvider | undefined;

export function paymentProvider(): PaymentProvider {
  if (!current) {
    const config = env();
    if (config.STRIPE_SECRET_KEY) {
      current = createStripeProvider({
        secretKey: config.STRIPE_SECRET_KEY,
        webhookSecret: config.STRIPE_WEBHOOK_SECRET ?? "",
        apiUrl: config.STRIPE_API_URL,
      });
    } else if (config.NODE_ENV === "production") {
      throw new Error("STRIPE_SECRET_KEY is required in production: the demo checkout takes no payment");
    } else {
      current = createDemoProvider({ db, now: () => clock().now() });
    }
  }
  return current;
}

export function setPaymentProvider(provider: PaymentProvider | undefined) {
  current = provider;
}

/** The portal's public origin for links that leave the request (emails, the provider's return URLs). */
export function publicBaseUrl(request?: Request): string {
  const configured = env().APP_URL;
  if (configured) return configured.replace(/\/+$/, "");
  if (request) return new URL(request.url).origin;
  return `http://localhost:${env().PORT}`;
}
