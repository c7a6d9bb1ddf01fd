import type { ActionFunctionArgs } from "@remix-run/node";

import { paymentProvider, publicBaseUrl } from "~/lib/payments/index.server";
import { receiveStripeWebhook } from "~/lib/payments/webhook.server";
import { clock, db } from "~/lib/services.server";

/** Stripe's events are a few kilobytes; anything this large is not one. */
const MAX_BODY_BYTES = 1_000_000;

const headers = (type: string) => ({ "Content-Type": type, "Cache-Control": "no-store" });

/**
 * POST /webhooks/stripe: the raw body (nothing parses it before Remix, so the
 * signature is checked over exactly the bytes Stripe signed). Exempt from the
 * cross-site check and the mutation rate limit (server/protect.ts): Stripe
 * signs its requests instead.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405, headers: { ...headers("text/plain"), Allow: "POST" } });
  const payload = await request.text();
  if (Buffer.byteLength(payload) > MAX_BODY_BYTES) return new Response("Payload Too Large", { status: 413, headers: headers("text/plain") });
  const result = await receiveStripeWebhook(payload, request.headers.get("stripe-signature"), {
    db: db(),
    provider: paymentProvider(),
    now: clock().now(),
    baseUrl: publicBaseUrl(request),
    requestId: context.requestId,
  });
  return new Response(result.body, { status: result.status, headers: headers(result.status === 200 ? "application/json" : "text/plain") });
}

export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { ...headers("text/plain"), Allow: "POST" } });
}
