import type { APIRequestContext, APIResponse } from "@playwright/test";

import { isTokenParam, listRouteFiles, patternOf, urlOf, type RouteFile } from "../support/route-files";
import { expect, test } from "./support/fixtures";

/**
 * The security headers, checked on every page route of app/routes, signed out
 * and signed in as each kind of person: a customer contact (Wang Lei), a success
 * manager (Maya), an admin (the incentive rules are theirs) and a portal-link visitor (Maya's link for a renewal of the
 * first account on her staff home). Route parameters come from the seeded
 * demo data, found by crawling the links of the pages each person can see
 * (after Wang Lei has renewed and paid, so quotes, checkouts and a receipt
 * exist); tokens are the real ones the app emails (read from the dev
 * mailbox), or a dead one.
 *
 * A new route is covered without touching this file as long as some page
 * links to it. If none does and its parameter is unknown here, the test fails
 * naming the route and the parameter: add a resolver to RESOLVERS below.
 */

type Kind = "signed out" | "customer" | "staff" | "admin" | "portal link";
const KINDS: Kind[] = ["signed out", "customer", "staff", "admin", "portal link"];

/** Routes that by design never answer 200: the status their page renders with. */
const NEVER_200: Record<string, { status: number; why: string }> = {
  "$.tsx": { status: 404, why: "the not-found page" },
};

/** Where the crawl starts for everyone; it then follows same-site links. */
const CRAWL_SEEDS = ["/", "/account", "/staff", "/staff/portal-links", "/help", "/faq", "/sign-in", "/dev/mailbox"];
const CRAWL_LIMIT = 80;
/** Enough URLs per route to fill its parameters; a help centre of 200 articles need not be read whole. */
const PER_ROUTE = 3;

const DEAD_TOKEN = "dead-link-for-header-checks-000000000000000";

/**
 * Parameters no page links to. Each returns a value, or null when it cannot.
 * Any other parameter is taken from a crawled path of another route with a
 * parameter of the same name (a quote id seen on /checkout/:quoteId fills
 * /checkout/:quoteId/cancel).
 */
const RESOLVERS: Record<string, (found: Found) => string | null> = {
  // A token no page links to (e.g. an approver link before one is shared): a
  // dead one renders the route's own "link no longer works" page.
  token: () => DEAD_TOKEN,
  "*": () => "no-such-page-for-header-checks",
};

/** The value of parameter `name` in any crawled path of a route that has it. */
function seenValueOf(name: string, found: Found): string | null {
  const group = name.replace(/[^A-Za-z0-9_]/g, "_");
  for (const paths of found.paths.values()) {
    for (const candidate of paths) {
      const route = routeFor(candidate);
      if (!route?.params.includes(name)) continue;
      const value = patternOf(route).exec(candidate)?.groups?.[group];
      if (value) return value;
    }
  }
  return null;
}

interface Found {
  /** Every same-site path the crawl saw linked, per kind. */
  paths: Map<Kind, Set<string>>;
}

const routes = listRouteFiles();
const pages = routes.filter((r) => r.isPage);

function score(route: RouteFile): number {
  return route.segments.reduce((sum, s) => sum + (s.kind === "static" ? 10 : s.kind === "param" ? 3 : 0), 0);
}

/** The route Remix would pick for a path (static segments beat parameters, the splat comes last). */
function routeFor(pathname: string): RouteFile | undefined {
  return routes
    .filter((r) => patternOf(r).test(pathname))
    .sort((a, b) => score(b) - score(a))[0];
}

function hrefsIn(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/\b(?:href|action)="([^"#]*)"/g)) {
    const raw = match[1]!.replace(/&amp;/g, "&");
    if (!raw.startsWith("/") || raw.startsWith("//") || isAsset(raw)) continue;
    found.push(raw);
  }
  // Links the app prints as text (emails in the dev mailbox, a created portal link).
  for (const match of html.matchAll(/https?:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?(\/[^\s"<&]*)/g)) found.push(match[1]!);
  return found;
}

/** Static files (served before the app, fingerprinted): not pages. */
function isAsset(path: string): boolean {
  return path.startsWith("/build/") || /^\/[^/]+\.(svg|ico|png|css|js|txt|webmanifest)$/.test(path);
}

function parseCsp(value: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of value.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

interface Checked {
  route: string;
  kind: Kind;
  url: string;
  status: number;
}

const nonces: string[] = [];

/** Every header rule that holds for this response; returns the CSP nonce. */
async function checkResponse(response: APIResponse, { route, kind, url }: { route: RouteFile; kind: Kind; url: string }) {
  const where = `${kind} GET ${url} (${route.file}) → ${response.status()}`;
  const headers = response.headers();
  expect(response.status(), `${where}: a server error`).toBeLessThan(500);

  expect(headers["content-security-policy"], `${where}: no enforced CSP`).toBeTruthy();
  expect(headers["content-security-policy-report-only"], `${where}: CSP must be enforced, not report-only`).toBeUndefined();
  const csp = parseCsp(headers["content-security-policy"]!);
  const scriptSrc = csp.get("script-src") ?? [];
  const nonceSource = scriptSrc.find((s) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(s));
  expect(nonceSource, `${where}: script-src has no nonce (${scriptSrc.join(" ")})`).toBeTruthy();
  expect(scriptSrc, `${where}: script-src`).toContain("'strict-dynamic'");
  expect(scriptSrc, `${where}: script-src allows inline script`).not.toContain("'unsafe-inline'");
  expect(csp.get("object-src"), `${where}: object-src`).toEqual(["'none'"]);
  expect(csp.get("base-uri"), `${where}: base-uri`).toEqual(["'none'"]);
  expect(csp.get("frame-ancestors"), `${where}: frame-ancestors`).toEqual(["'none'"]);
  expect(headers["x-content-type-options"], `${where}: X-Content-Type-Options`).toBe("nosniff");

  if (route.params.some(isTokenParam)) {
    expect(headers["referrer-policy"], `${where}: a token page must not leak its URL`).toBe("no-referrer");
  }
  if (kind !== "signed out") {
    expect(headers["cache-control"] ?? "", `${where}: a signed-in page must not be cached`).toMatch(/\bno-store\b/);
  }

  const nonce = nonceSource!.slice("'nonce-".length, -1);
  nonces.push(nonce);
  if ((headers["content-type"] ?? "").startsWith("text/html")) {
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
    expect(scripts.length, `${where}: a rendered page without scripts`).toBeGreaterThan(0);
    for (const tag of scripts) {
      expect(tag, `${where}: a <script> without this response's nonce`).toContain(`nonce="${nonce}"`);
    }
  }
}

async function signInAs(request: APIRequestContext, email: string) {
  const response = await request.post("/sign-in/demo", { form: { email }, maxRedirects: 0 });
  expect(response.status(), `demo sign-in as ${email}`).toBe(303);
}

/** The `value` of the form field `name` in a page (hidden fields the confirm form carries). */
function fieldValue(html: string, name: string): string {
  const tag = [...html.matchAll(/<input\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${name}"`));
  const value = tag && /\bvalue="([^"]*)"/.exec(tag)?.[1];
  expect(value, `the ${name} field of the page`).toBeTruthy();
  return value!;
}

/** Where a POST sent the person (it must redirect). */
async function redirected(response: APIResponse, what: string): Promise<string> {
  expect([302, 303], `${what}: ${response.status()} ${response.status() >= 400 ? await response.text() : ""}`).toContain(response.status());
  const to = new URL(response.headers()["location"]!, "http://x");
  return to.pathname + to.search;
}

/**
 * Renews a contract the way the portal's forms do (recommended quote, review,
 * confirm, demo checkout with a test card), so the quote, checkout, success
 * and receipt pages have real ids. Returns the pages it passed through.
 */
async function renewAndPay(request: APIRequestContext, contractId: string): Promise<string[]> {
  const quotePath = await redirected(await request.post(`/renew/${contractId}`, { form: { intent: "review" }, maxRedirects: 0 }), "saving the recommended quote");
  const quotePage = await (await request.get(quotePath)).text();
  const confirm = { intent: "confirm", version: fieldValue(quotePage, "version"), priceHash: fieldValue(quotePage, "priceHash"), acceptTerms: "on" };
  const checkoutPath = await redirected(await request.post(quotePath, { form: confirm, maxRedirects: 0 }), "confirming the quote");
  const demoPath = await redirected(await request.post(checkoutPath, { form: {}, maxRedirects: 0 }), "opening the demo checkout");
  const card = { cardNumber: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" };
  const successPath = await redirected(await request.post(demoPath, { form: card, maxRedirects: 0 }), "paying with a test card");
  return [quotePath, checkoutPath, demoPath, successPath];
}

async function crawl(request: APIRequestContext, kind: Kind, seeds: string[], into: Found) {
  const seen = into.paths.get(kind) ?? new Set<string>();
  into.paths.set(kind, seen);
  const perRoute = new Map<string, number>();
  const queue = [...seeds];
  const visited = new Set<string>();
  while (queue.length > 0 && visited.size < CRAWL_LIMIT) {
    const next = queue.shift()!;
    const url = new URL(next, "http://x");
    const key = url.pathname + url.search;
    if (visited.has(key)) continue;
    const route = routeFor(url.pathname);
    // Token links are recorded, not followed: opening a portal link would
    // replace this person's session with the link's.
    if (!route || route.params.some(isTokenParam) || !route.isPage) continue;
    const count = perRoute.get(route.file) ?? 0;
    if (count >= PER_ROUTE) continue;
    perRoute.set(route.file, count + 1);
    visited.add(key);
    seen.add(url.pathname);
    const response = await request.get(key, { maxRedirects: 0 });
    if (!(response.headers()["content-type"] ?? "").startsWith("text/html")) continue;
    for (const href of hrefsIn(await response.text())) {
      const pathname = new URL(href, "http://x").pathname;
      seen.add(pathname);
      queue.push(href);
    }
  }
}

/** The path to check `route` at as `kind`: a crawled one, else one built from resolvers. */
function pathFor(route: RouteFile, kind: Kind, found: Found): { path: string } | { missing: string } {
  if (route.params.length === 0) return { path: urlOf(route, {}) };
  // The splat answers anything no other route does: a made-up path says that best.
  if (route.params.includes("*")) return { path: urlOf(route, { "*": RESOLVERS["*"]!(found)! }) };
  const pattern = patternOf(route);
  const ordered = [kind, ...KINDS.filter((k) => k !== kind)];
  for (const k of ordered) {
    for (const candidate of found.paths.get(k) ?? []) {
      if (pattern.test(candidate) && routeFor(candidate) === route) return { path: candidate };
    }
  }
  const params: Record<string, string> = {};
  for (const name of route.params) {
    const resolver = RESOLVERS[name] ?? (isTokenParam(name) ? RESOLVERS.token : undefined);
    const value = resolver ? resolver(found) : seenValueOf(name, found);
    if (value === null) return { missing: name };
    params[name] = value;
  }
  return { path: urlOf(route, params) };
}

test("every page route sends the security headers, signed out and signed in", async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  const contexts = new Map<Kind, APIRequestContext>();
  for (const kind of KINDS) contexts.set(kind, await playwright.request.newContext({ baseURL }));
  try {
    await signInAs(contexts.get("customer")!, "wang.lei@yunfan.example");
    await signInAs(contexts.get("staff")!, "maya.tan@customer365.example");
    await signInAs(contexts.get("admin")!, "admin@customer365.example");
    const found: Found = { paths: new Map() };

    // A real sign-in link (for an address no other test asks links for) and a
    // real portal link, so the token pages are seen valid as well as dead.
    const anonymous = contexts.get("signed out")!;
    const asked = await anonymous.post("/sign-in", { form: { email: "olivia.new@freshstart.example" }, maxRedirects: 0 });
    expect(asked.status(), "asking for a sign-in link").toBe(303);
    const staff = contexts.get("staff")!;
    const customerHome = await contexts.get("customer")!.get("/account");
    const contractId = /\/account\/contracts\/([0-9a-f-]{36})/.exec(await customerHome.text())?.[1];
    expect(contractId, "a contract of Wang Lei's on his account home").toBeTruthy();
    const staffHome = await (await staff.get("/staff")).text();
    const accountHref = /href="(\/staff\/portal-links\?accountId=[0-9a-f-]{36})"/.exec(staffHome)?.[1];
    expect(accountHref, "an account on Maya's staff home").toBeTruthy();
    const form = await (await staff.get(accountHref!.replace(/&amp;/g, "&"))).text();
    const accountId = /name="accountId" value="([0-9a-f-]{36})"/.exec(form)?.[1];
    const contactId = /<select id="contactId"[^>]*>\s*<option value="([0-9a-f-]{36})"/.exec(form)?.[1];
    const linkContract = /<select id="contractId"[^>]*>\s*<option value="([0-9a-f-]{36})"/.exec(form)?.[1];
    expect([accountId, contactId, linkContract].every(Boolean), "the portal-link form's account, contact and contract").toBe(true);
    const created = await staff.post("/staff/portal-links", {
      form: { intent: "create", accountId: accountId!, contactId: contactId!, contractId: linkContract!, expiresInDays: "14", note: "", send: "on" },
    });
    const portalPath = /(\/l\/[A-Za-z0-9_-]{43})/.exec(await created.text())?.[1];
    expect(portalPath, "the created portal link").toBeTruthy();
    const opened = await contexts.get("portal link")!.get(portalPath!, { maxRedirects: 0 });
    expect(opened.status(), "opening the portal link").toBe(302);
    const renewal = opened.headers()["location"]!;

    await crawl(anonymous, "signed out", CRAWL_SEEDS, found);
    // Wang Lei's renewal (an account no other test renews) taken to a receipt.
    const journey = await renewAndPay(contexts.get("customer")!, contractId!);
    await crawl(contexts.get("customer")!, "customer", [...journey, ...CRAWL_SEEDS], found);
    await crawl(staff, "staff", CRAWL_SEEDS, found);
    await crawl(contexts.get("admin")!, "admin", ["/staff/incentives", ...CRAWL_SEEDS], found);
    await crawl(contexts.get("portal link")!, "portal link", [renewal, ...CRAWL_SEEDS], found);

    const missing: string[] = [];
    const results: Checked[] = [];
    for (const route of pages) {
      for (const kind of KINDS) {
        const target = pathFor(route, kind, found);
        if ("missing" in target) {
          missing.push(`${route.file}: no page links to it and RESOLVERS has nothing for its parameter "${target.missing}"`);
          break;
        }
        const isToken = route.params.some(isTokenParam);
        // A token page is seen with the real token the app sent and with a dead one.
        const paths = isToken ? [...new Set([target.path, urlOf(route, Object.fromEntries(route.params.map((p) => [p, DEAD_TOKEN])))])] : [target.path];
        for (const path of paths) {
          // Opened in a copy of the person's context: a valid portal link
          // would replace their session with the link's.
          const context = isToken
            ? await playwright.request.newContext({ baseURL, storageState: await contexts.get(kind)!.storageState() })
            : contexts.get(kind)!;
          const response = await context.get(path, { maxRedirects: 0 });
          await checkResponse(response, { route, kind, url: path });
          if (isToken) await context.dispose();
          results.push({ route: route.file, kind, url: path, status: response.status() });
          // The data a client-side navigation fetches is a page too.
          if (kind !== "signed out" && response.status() === 200) {
            const data = await contexts.get(kind)!.get(`${path === "/" ? "/_root" : path}.data`, { maxRedirects: 0 });
            expect(data.headers()["cache-control"] ?? "", `${kind} GET ${path}.data must not be cached`).toMatch(/\bno-store\b/);
          }
        }
      }
    }
    expect(missing, "routes this test cannot reach yet (tests/e2e/headers.spec.ts)").toEqual([]);

    // Each route must have been seen as a real page by someone, or the checks
    // above only ever looked at redirects.
    for (const route of pages) {
      const statuses = results.filter((r) => r.route === route.file).map((r) => r.status);
      const expected = NEVER_200[route.file]?.status;
      if (expected) expect(statuses, `${route.file} (${NEVER_200[route.file]!.why})`).toContain(expected);
      else if (route.params.some(isTokenParam)) expect(statuses.some((s) => s === 200 || s === 404 || s === 410), `${route.file} rendered no page: ${statuses.join(", ")}`).toBe(true);
      else expect(statuses, `${route.file} answered no one with 200 (${results.filter((r) => r.route === route.file).map((r) => `${r.kind}: ${r.status}`).join("; ")}): give it what it needs in tests/e2e/headers.spec.ts`).toContain(200);
    }
    // The valid sign-in link and portal link were reached, not just dead ones.
    expect(results.some((r) => r.route === "sign-in.verify.$token.tsx" && r.status === 200), "a valid sign-in link page").toBe(true);
    expect(results.some((r) => r.route === "l.$token.tsx" && r.status === 302), "a valid portal link").toBe(true);

    expect(new Set(nonces).size, "a nonce was reused across responses").toBe(nonces.length);
  } finally {
    for (const context of contexts.values()) await context.dispose();
  }
});
