/**
 * A local stand-in for Stripe's API, for exactly the endpoints the portal
 * uses: create / retrieve / list / expire Checkout Sessions, and create a
 * coupon. The real `stripe` SDK is pointed at it (STRIPE_API_URL → host,
 * port, protocol). It answers like Stripe (same shapes, same validation of
 * what we send, idempotency keys honoured: same key and same body → the
 * same response; same key and another body → an idempotency error) and
 * RECORDS every request, decoded, so tests assert what would have been sent.
 *
 * Tests drive what happens on Stripe's side with the in-process controls
 * (`completeSession`, `expireSessionNow`, `failNext`), as a customer paying
 * on the hosted page or an outage would.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  idempotencyKey: string | null;
  stripeVersion: string | null;
  authorization: string | null;
}

type Json = Record<string, unknown>;

export interface MockStripe {
  url: string;
  requests: RecordedRequest[];
  /** Requests to one endpoint, e.g. `requestsTo("POST", "/v1/checkout/sessions")`. */
  requestsTo(method: string, path: string): RecordedRequest[];
  session(id: string): Json;
  sessions(): Json[];
  /** The customer finished on Stripe's page: paid (card) or unpaid (a delayed method still clearing). */
  completeSession(id: string, options?: { paymentStatus?: "paid" | "unpaid" }): Json;
  /** Stripe expired the session (its expires_at passed). */
  expireSessionNow(id: string): Json;
  /** The next `count` requests answer `status` (an outage); the SDK's own retries count too. */
  failNext(count: number, status?: number): void;
  reset(): void;
  close(): Promise<void>;
}

/** Decodes Stripe's form encoding (`a[b][0][c]=v`) into nested objects and arrays. */
export function decodeForm(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const match = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(key);
    if (!match) continue;
    const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!)];
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((segment, index) => {
      const last = index === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[index + 1]!);
      const slot = Array.isArray(node) ? Number(segment) : segment;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[slot] = value;
      } else {
        container[slot] ??= nextIsIndex ? [] : {};
        node = container[slot] as Record<string, unknown> | unknown[];
      }
    });
  }
  return root;
}

class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const now = () => Math.floor(Date.now() / 1000);

export async function startMockStripe(): Promise<MockStripe> {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, Json>();
  const coupons = new Map<string, Json>();
  const idempotency = new Map<string, { fingerprint: string; status: number; body: string }>();
  let failures = 0;
  let failureStatus = 500;
  let counter = 0;

  const id = (prefix: string) => `${prefix}_test_${(++counter).toString().padStart(4, "0")}${randomBytes(8).toString("hex")}`;

  function createCoupon(body: Json): Json {
    const amountOff = Number(body.amount_off);
    if (!Number.isSafeInteger(amountOff) || amountOff <= 0) throw new StripeApiError(400, "invalid_request_error", "Invalid amount_off", "parameter_invalid_integer");
    if (typeof body.currency !== "string" || body.currency !== body.currency.toLowerCase()) {
      throw new StripeApiError(400, "invalid_request_error", "Invalid currency", "parameter_invalid_string");
    }
    if (typeof body.name === "string" && body.name.length > 40) throw new StripeApiError(400, "invalid_request_error", "name: must be at most 40 characters");
    const coupon = {
      id: typeof body.id === "string" ? body.id : id("cpn"),
      object: "coupon",
      amount_off: amountOff,
      currency: body.currency,
      duration: body.duration ?? "once",
      max_redemptions: body.max_redemptions === undefined ? null : Number(body.max_redemptions),
      name: body.name ?? null,
      metadata: body.metadata ?? {},
      valid: true,
      created: now(),
      livemode: false,
    };
    coupons.set(coupon.id, coupon);
    return coupon;
  }

  function createSession(body: Json): Json {
    if (body.mode !== "payment") throw new StripeApiError(400, "invalid_request_error", "mode: only payment is supported here");
    const items = body.line_items as Array<{ quantity?: string; price_data?: Json }> | undefined;
    if (!Array.isArray(items) || items.length === 0) throw new StripeApiError(400, "invalid_request_error", "line_items: required");
    let currency: string | null = null;
    let subtotal = 0;
    for (const item of items) {
      const price = item.price_data ?? {};
      const unit = Number(price.unit_amount);
      const quantity = Number(item.quantity ?? 1);
      if (!Number.isSafeInteger(unit) || unit < 0) throw new StripeApiError(400, "invalid_request_error", "unit_amount: must be a non-negative integer");
      if (!Number.isSafeInteger(quantity) || quantity < 1) throw new StripeApiError(400, "invalid_request_error", "quantity: must be a positive integer");
      if (typeof price.currency !== "string" || price.currency !== price.currency.toLowerCase()) {
        throw new StripeApiError(400, "invalid_request_error", "currency: must be a lowercase ISO code");
      }
      if (currency && price.currency !== currency) throw new StripeApiError(400, "invalid_request_error", "All line items must be in one currency");
      currency = price.currency;
      const name = (price.product_data as Json | undefined)?.name;
      if (typeof name !== "string" || name.length === 0) throw new StripeApiError(400, "invalid_request_error", "product_data.name: required");
      subtotal += unit * quantity;
    }
    let discount = 0;
    const discounts = (body.discounts as Array<{ coupon?: string }> | undefined) ?? [];
    for (const entry of discounts) {
      const coupon = entry.coupon ? coupons.get(entry.coupon) : undefined;
      if (!coupon) throw new StripeApiError(400, "invalid_request_error", `No such coupon: '${entry.coupon}'`, "resource_missing");
      if (coupon.currency !== currency) throw new StripeApiError(400, "invalid_request_error", "The coupon's currency does not match");
      discount += Number(coupon.amount_off);
    }
    const total = Math.max(0, subtotal - discount);
    if (total > 99_999_999) throw new StripeApiError(400, "invalid_request_error", "Amount must be no more than 99999999", "amount_too_large");
    if (typeof body.success_url !== "string" || !/^https?:\/\//.test(body.success_url)) {
      throw new StripeApiError(400, "invalid_request_error", "success_url: must be an absolute URL");
    }
    const created = now();
    const expiresAt = body.expires_at === undefined ? created + 24 * 3600 : Number(body.expires_at);
    // Stripe: "expires_at must be between 30 minutes and 24 hours from now" (a little slack for slow tests).
    if (!Number.isSafeInteger(expiresAt) || expiresAt < created + 30 * 60 - 60 || expiresAt > created + 24 * 3600 + 60) {
      throw new StripeApiError(400, "invalid_request_error", "expires_at: must be between 30 minutes and 24 hours from now");
    }
    const sessionId = id("cs");
    const session: Json = {
      id: sessionId,
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_subtotal: subtotal,
      amount_total: total,
      total_details: { amount_discount: discount, amount_shipping: 0, amount_tax: 0 },
      currency,
      customer_email: body.customer_email ?? null,
      client_reference_id: body.client_reference_id ?? null,
      metadata: body.metadata ?? {},
      expires_at: expiresAt,
      created,
      url: `https://checkout.stripe.com/c/pay/${sessionId}`,
      success_url: body.success_url,
      cancel_url: body.cancel_url ?? null,
      locale: body.locale ?? null,
      payment_intent: null,
      invoice: null,
      invoice_creation: body.invoice_creation ?? null,
      discounts: discounts.map((d) => ({ coupon: d.coupon })),
      livemode: false,
    };
    sessions.set(sessionId, session);
    return session;
  }

  function sessionOr404(sessionId: string): Json {
    const session = sessions.get(sessionId);
    if (!session) throw new StripeApiError(404, "invalid_request_error", `No such checkout.session: '${sessionId}'`, "resource_missing");
    return session;
  }

  function list(query: Json): Json {
    const created = (query.created as Json | undefined) ?? {};
    const gte = created.gte === undefined ? 0 : Number(created.gte);
    const limit = Math.min(100, Number(query.limit ?? 10));
    const all = [...sessions.values()]
      .filter((s) => Number(s.created) >= gte)
      .sort((a, b) => Number(b.created) - Number(a.created) || String(b.id).localeCompare(String(a.id)));
    const start = query.starting_after ? all.findIndex((s) => s.id === query.starting_after) + 1 : 0;
    const page = all.slice(start, start + limit);
    return { object: "list", url: "/v1/checkout/sessions", has_more: start + limit < all.length, data: page };
  }

  function route(method: string, path: string, query: Json, body: Json): Json {
    if (method === "POST" && path === "/v1/coupons") return createCoupon(body);
    if (method === "POST" && path === "/v1/checkout/sessions") return createSession(body);
    if (method === "GET" && path === "/v1/checkout/sessions") return list(query);
    const expire = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path);
    if (method === "POST" && expire) {
      const session = sessionOr404(decodeURIComponent(expire[1]!));
      if (session.status !== "open") {
        throw new StripeApiError(400, "invalid_request_error", 'Only Checkout Sessions with a status in ["open"] can be expired.');
      }
      Object.assign(session, { status: "expired", url: null });
      return session;
    }
    const one = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === "GET" && one) return sessionOr404(decodeURIComponent(one[1]!));
    throw new StripeApiError(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path})`);
  }

  function send(res: ServerResponse, status: number, body: string, replayed = false) {
    res.writeHead(status, {
      "Content-Type": "application/json",
      "Request-Id": `req_${randomBytes(6).toString("hex")}`,
      ...(replayed ? { "Idempotent-Replayed": "true" } : {}),
    });
    res.end(body);
  }

  function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const url = new URL(req.url ?? "/", "http://stripe.mock");
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === "string" ? value : null;
    };
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: decodeForm(url.search.slice(1)),
      body: decodeForm(raw),
      idempotencyKey: header("idempotency-key"),
      stripeVersion: header("stripe-version"),
      authorization: header("authorization"),
    };
    requests.push(record);

    if (failures > 0) {
      failures--;
      return send(res, failureStatus, JSON.stringify({ error: { type: "api_error", message: "The mock is having an outage." } }));
    }
    if (!record.authorization?.startsWith("Bearer sk_test_")) {
      return send(res, 401, JSON.stringify({ error: { type: "invalid_request_error", message: "Invalid API Key provided" } }));
    }
    const key = record.method === "POST" ? record.idempotencyKey : null;
    const fingerprint = JSON.stringify([record.method, record.path, record.body]);
    if (key) {
      const earlier = idempotency.get(key);
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) {
          return send(
            res,
            400,
            JSON.stringify({
              error: {
                type: "idempotency_error",
                message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
              },
            }),
          );
        }
        return send(res, earlier.status, earlier.body, true);
      }
    }
    let status = 200;
    let body: string;
    try {
      body = JSON.stringify(route(record.method, record.path, record.query, record.body));
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      status = error.status;
      body = JSON.stringify({ error: { type: error.type, message: error.message, ...(error.code ? { code: error.code } : {}) } });
    }
    // Stripe stores the result of a keyed request, errors included (not 5xx).
    if (key) idempotency.set(key, { fingerprint, status, body });
    send(res, status, body);
  }

  const server: Server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (method, path) => requests.filter((r) => r.method === method && r.path === path),
    session: (sessionId) => structuredClone(sessionOr404(sessionId)),
    sessions: () => [...sessions.values()].map((s) => structuredClone(s)),
    completeSession(sessionId, options = {}) {
      const session = sessionOr404(sessionId);
      Object.assign(session, {
        status: "complete",
        payment_status: options.paymentStatus ?? "paid",
        payment_intent: session.payment_intent ?? id("pi"),
        url: null,
      });
      return structuredClone(session);
    },
    expireSessionNow(sessionId) {
      const session = sessionOr404(sessionId);
      Object.assign(session, { status: "expired", url: null });
      return structuredClone(session);
    },
    failNext(count, status = 500) {
      failures = count;
      failureStatus = status;
    },
    reset() {
      requests.length = 0;
      failures = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
