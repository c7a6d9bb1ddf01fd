import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import fc from "fast-check";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";

import { demoSessionId } from "../../app/lib/payments/demo.server";
import { buildTicket } from "../../db/seed/factories";
import { seedKnowledgeBase } from "../../db/seed/kb";
import { DEMO_CONTACTS, seedDemo } from "../support/demo";
import { callActionRaw, sessionCookieFor, type Outcome } from "../support/routes";
import { listRouteFiles, urlOf, type RouteFile } from "../support/route-files";
import { useTestDatabase } from "../support/test-database";

/**
 * Every route action of app/routes, posted random and hostile payloads by
 * every kind of visitor: signed out, a customer contact, a success manager,
 * an admin and a portal-link visitor. Whatever arrives — oversized fields,
 * wrong types, lone surrogates, RTL overrides, NUL, SQL and HTML fragments,
 * missing and duplicated fields, bodies that are not forms at all — the
 * answer is a 2xx, 3xx or 4xx, never a 5xx or an unhandled throw; a 4xx or a
 * validation result carries a message the person can read; and then nothing
 * in the database has changed (no row, no email, no job).
 *
 * Seeded: FUZZ_SEED=<n> replays another run, FUZZ_RUNS=<n> runs more or fewer
 * payloads per action (a failure prints the seed and the shrunk payload).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

type Kind = "signed out" | "customer" | "staff" | "admin" | "portal link";
const KINDS: Kind[] = ["signed out", "customer", "staff", "admin", "portal link"];

/** Actions that answer every visitor the same refusal by design. */
const ALWAYS_REFUSES: Record<string, string> = {
  "$.tsx": "the not-found splat: every POST is a 404",
};

const database = useTestDatabase();
const actions = listRouteFiles().filter((r) => r.hasAction);

// ---------------------------------------------------------------- payloads

const HOSTILE = [
  "",
  " ",
  "a".repeat(100_000),
  "😀".repeat(25_000),
  "\uD800",
  "abc\uDC00def",
  "\u202Egnp.exe\u202C",
  "\u200B\u200C\u200D\uFEFF",
  "a\u0000b",
  "\u0000",
  "e\u0301\u0301\u0301\u0301",
  "🏳️‍🌈👩‍👩‍👧‍👦",
  "' OR '1'='1' --",
  "'; DROP TABLE accounts; --",
  "1; select pg_sleep(5)",
  "\\",
  "%",
  "_%'\"`",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "//evil.example",
  "/\\evil.example",
  "%2F%2Fevil.example",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "9999999999999999999999",
  "1.5",
  "0x10",
  "-0",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  '{"__proto__":{"admin":true}}',
  "[object Object]",
  "00000000-0000-0000-0000-000000000000",
  "A@B",
  "amelia.hart@northwind.example\u0000",
  "AMELIA.HART@NORTHWIND.EXAMPLE",
  "\r\nSet-Cookie: x=1",
  "../../../../etc/passwd",
];

/** Field names any form here uses: from the route's own source and every zod schema. */
function schemaFieldNames(): string[] {
  const names = new Set<string>();
  const domain = path.resolve("app/domain");
  for (const area of readdirSync(domain)) {
    let text = "";
    try {
      text = readFileSync(path.join(domain, area, "schemas.ts"), "utf8");
    } catch {
      continue;
    }
    for (const m of text.matchAll(/^\s+([A-Za-z][A-Za-z0-9]*)\s*:/gm)) names.add(m[1]!);
  }
  return [...names];
}
const SCHEMA_FIELDS = schemaFieldNames();

function fieldsOf(route: RouteFile): { names: string[]; values: string[] } {
  const names = new Set<string>(["intent", ...SCHEMA_FIELDS]);
  for (const m of route.source.matchAll(/\bname="([A-Za-z][\w[\].-]*)"/g)) names.add(m[1]!);
  for (const m of route.source.matchAll(/\.(?:get|getAll|has)\("([^"]+)"\)/g)) names.add(m[1]!);
  for (const m of route.source.matchAll(/register\("([^"]+)"\)/g)) names.add(m[1]!);
  const values = new Set<string>();
  for (const m of route.source.matchAll(/\bvalue="([^"]*)"/g)) values.add(m[1]!);
  for (const m of route.source.matchAll(/===?\s*"([a-z][a-z-]*)"/g)) values.add(m[1]!);
  return { names: [...names], values: [...values] };
}

interface Payload {
  kind: Kind;
  /** Posted fields, in order; a name may repeat. */
  fields: [string, string][];
  encoding: "urlencoded" | "multipart" | "json" | "text" | "none" | "raw";
  raw: string;
  params: Record<string, string>;
}

// ---------------------------------------------------------------- the world

interface World {
  cookies: (kind: Kind) => Promise<string | undefined>;
  plausible: string[];
  paramValues: Record<string, string[]>;
}
let world: World;

beforeAll(async () => {
  const demo = await seedDemo(database.db);
  const amelia = await demo.contactByEmail(DEMO_CONTACTS.amelia.email);
  const nurul = await demo.contactByEmail(DEMO_CONTACTS.nurul.email);
  const maya = await demo.staffByEmail("maya.tan@customer365.example");
  const admin = await demo.staffByEmail("admin@customer365.example");
  const ameliaContract = await demo.contractByNumber("C365-10001");
  const foreignContract = await demo.contractByNumber("C365-10026");
  const link = await database.db
    .insertInto("portalLinks")
    .values({
      tokenHash: "fuzz-portal-link-token-hash",
      purpose: "renewal",
      accountId: amelia.accountId,
      contactId: amelia.id,
      contractId: ameliaContract.id,
      createdByStaffId: maya.id,
      recipientEmail: amelia.email,
      expiresAt: new Date("2026-12-09T00:00:00Z"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const quote = await database.db
    .insertInto("quotes")
    .values({
      number: "Q-FUZZ-1",
      accountId: amelia.accountId,
      contractId: ameliaContract.id,
      version: 1,
      currency: "USD",
      termYears: 1,
      subtotal: 100000,
      discountTotal: 0,
      total: 100000,
      priceHash: "fuzz",
      newTermStart: "2027-03-01",
      newTermEnd: "2028-02-29",
      pricedAt: new Date("2026-11-25T00:00:00Z"),
      expiresAt: new Date("2026-12-25T00:00:00Z"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // A demo checkout session of that quote, and an id of the right shape that names none.
  const demoSession = demoSessionId(quote.id, 1, 1);
  await database.db
    .insertInto("payments")
    .values({ quoteId: quote.id, accountId: amelia.accountId, provider: "demo", providerSessionId: demoSession, amount: 100000, currency: "USD", expiresAt: new Date("2026-11-25T02:00:00Z") })
    .execute();
  await seedKnowledgeBase(database.db, { contentDir: path.resolve("content") });
  // A request of Amelia's (hers to reply to) and one of another account's (a 404 to her).
  const ownTicket = await buildTicket(database.db, { accountId: amelia.accountId, contactId: amelia.id, contractId: ameliaContract.id });
  const foreignTicket = await buildTicket(database.db, { accountId: nurul.accountId, contactId: nurul.id });
  const article = await database.db.selectFrom("kbArticles").select(["slug", "category"]).executeTakeFirst();
  const message = await database.db.selectFrom("emailOutbox").select("id").executeTakeFirst();

  const subjects = {
    customer: { kind: "contact", contactId: amelia.id, accountId: amelia.accountId },
    staff: { kind: "staff", staffUserId: maya.id },
    admin: { kind: "staff", staffUserId: admin.id },
    "portal link": { kind: "portal_link", portalLinkId: link.id, accountId: amelia.accountId, contactId: amelia.id },
  } as const;
  world = {
    // A fresh session for every payload: a sign-out, or a sign-out on all
    // devices, must not leave the next payload signed out by accident.
    cookies: async (kind) => (kind === "signed out" ? undefined : sessionCookieFor(subjects[kind])),
    plausible: [
      amelia.id,
      amelia.accountId,
      ameliaContract.id,
      nurul.id,
      nurul.accountId,
      foreignContract.id,
      link.id,
      quote.id,
      DEMO_CONTACTS.amelia.email,
      DEMO_CONTACTS.olivia.email,
      "maya.tan@customer365.example",
      "new.person@example.com",
      "/account",
      "14",
      "1",
      "2",
      "3",
      "on",
      "en",
      "ms",
      "zh-Hans",
      "zh-Hant",
      "Thank you — see you next year.",
    ],
    paramValues: {
      contractId: [ameliaContract.id, foreignContract.id],
      quoteId: [quote.id],
      token: ["A".repeat(43), "x"],
      "*": ["no-such-page", "a/b/c"],
      id: message ? [message.id] : [],
      slug: article ? [article.slug] : [],
      category: article ? [article.category] : [],
      ticketId: [ownTicket.id, foreignTicket.id],
      sessionId: [demoSession, `demo_cs_${"0".repeat(32)}`],
    },
  };
});

/** No lone surrogate (encodeURIComponent refuses exactly those). */
function isWellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

function payloadFor(route: RouteFile): fc.Arbitrary<Payload> {
  const { names, values } = fieldsOf(route);
  const name = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
  const value = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 4, arbitrary: fc.constantFrom(...world.plausible, ...values) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 64 }) },
    { weight: 1, arbitrary: fc.integer().map(String) },
  );
  const param = (paramName: string) => {
    // A URL cannot carry a lone surrogate, so a route parameter never holds one.
    const known = world.paramValues[paramName] ?? [];
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE.filter((h) => h.length < 200 && h !== "" && isWellFormed(h))) });
  };
  // Missing fields, random ones, duplicated ones; or every field of the form
  // at once with plausible values, so payloads also get past validation.
  const randomFields = fc.array(fc.tuple(name, value), { maxLength: 8 });
  const wholeForm = fc.tuple(...names.map((n) => fc.tuple(fc.constant(n), value))).map((pairs) => pairs as [string, string][]);
  const fields = fc.oneof({ weight: 3, arbitrary: randomFields }, { weight: 2, arbitrary: wholeForm });
  const params = route.params.length === 0 ? fc.constant({}) : fc.record(Object.fromEntries(route.params.map((p) => [p, param(p)])));
  return fc.record({
    kind: fc.constantFrom(...KINDS),
    fields,
    encoding: fc.constantFrom("urlencoded", "urlencoded", "urlencoded", "multipart", "json", "text", "none", "raw"),
    raw: fc.oneof(fc.constantFrom("%", "a=%ZZ&b=%E0%A4%A", "&&==&", "a=1&a=2&a=3", "\u0000=\u0000"), fc.string({ unit: "binary", maxLength: 200 })),
    params,
  }) as fc.Arbitrary<Payload>;
}

function bodyOf(payload: Payload): { body?: BodyInit; contentType?: string } {
  switch (payload.encoding) {
    case "urlencoded":
      return { body: new URLSearchParams(payload.fields).toString(), contentType: "application/x-www-form-urlencoded" };
    case "multipart": {
      const form = new FormData();
      for (const [k, v] of payload.fields) form.append(k, v);
      // A file where text is expected.
      form.append(payload.fields[0]?.[0] ?? "file", new Blob(["%PDF-1.4 not really"], { type: "application/pdf" }), "x.pdf");
      return { body: form };
    }
    case "json":
      return { body: JSON.stringify(Object.fromEntries(payload.fields)), contentType: "application/json" };
    case "text":
      return { body: payload.fields.map(([k, v]) => `${k}=${v}`).join("\n"), contentType: "text/plain" };
    case "none":
      return {};
    case "raw":
      // Claims to be a form; is not quite one (or a multipart body without its boundary).
      return payload.raw.length % 2 === 0
        ? { body: payload.raw, contentType: "application/x-www-form-urlencoded" }
        : { body: payload.raw, contentType: "multipart/form-data" };
  }
}

// ---------------------------------------------------------------- checks

let tables: string[] | undefined;

/** md5 of every row of every table a visitor's request could change, plus queued jobs. */
async function fingerprint(): Promise<Record<string, string>> {
  tables ??= (
    await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('sessions', 'rate_limits', 'kysely_migration', 'kysely_migration_lock')
      order by table_name`.execute(database.db)
  ).rows.map((r) => r.name);
  const parts = tables.map(
    (name) => sql`select ${name}::text as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.table(name)} t`,
  );
  parts.push(sql`select 'pgboss.job'::text as name, count(*)::text as digest from pgboss.job`);
  const rows = await sql<{ name: string; digest: string }>`${sql.join(parts, sql` union all `)}`.execute(database.db);
  return Object.fromEntries(rows.rows.map((r) => [r.name, r.digest]));
}

const LOCALES = ["en", "ms", "zh-Hans", "zh-Hant"];
const catalogues = new Map<string, unknown>();
function hasKey(locale: string, key: string): boolean {
  const [ns, path_] = key.includes(":") ? (key.split(":", 2) as [string, string]) : ["common", key];
  const id = `${locale}/${ns}`;
  if (!catalogues.has(id)) {
    try {
      catalogues.set(id, JSON.parse(readFileSync(path.resolve("locales", locale, `${ns}.json`), "utf8")));
    } catch {
      catalogues.set(id, undefined);
    }
  }
  let node = catalogues.get(id);
  for (const part of path_.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string";
}

/** A result that says "no": a 4xx, or a page returned with field errors or ok: false. */
function isRefusal(outcome: Outcome): boolean {
  if (outcome.status >= 400) return true;
  const data = outcome.data as { errors?: Record<string, unknown>; ok?: boolean } | null;
  return Boolean(data && typeof data === "object" && ((data.errors && Object.keys(data.errors).length > 0) || data.ok === false));
}

/** The person sees a message: every field error is a key in all four catalogues; a 4xx page has its localised text. */
function expectMessage(outcome: Outcome, where: string) {
  const data = outcome.data as { errors?: Record<string, unknown> } | null;
  if (data && typeof data === "object" && data.errors) {
    for (const [field, key] of Object.entries(data.errors)) {
      for (const locale of LOCALES) expect(typeof key === "string" && hasKey(locale, key), `${where}: error of "${field}" is not a message in ${locale}: ${String(key)}`).toBe(true);
    }
    return;
  }
  if (outcome.status >= 400) {
    const own = data && typeof data === "object";
    // A thrown status is rendered by GeneralErrorBoundary from common:errors.<status> (or .other).
    const boundaryKey = hasKey("en", `common:errors.${outcome.status}.body`) ? `common:errors.${outcome.status}.body` : "common:errors.other.body";
    if (!own) for (const locale of LOCALES) expect(hasKey(locale, boundaryKey), `${where}: no ${locale} message for ${outcome.status}`).toBe(true);
  }
}

function isGuardAnswer(outcome: Outcome): boolean {
  const to = outcome.location ?? "";
  return (outcome.status >= 300 && outcome.status < 400 && (to.startsWith("/sign-in?") || to === "/staff")) || (outcome.status === 404 && outcome.data === "Not found");
}

function describePayload(route: RouteFile, p: Payload): string {
  const short = (v: string) => (v.length > 40 ? `${JSON.stringify(v.slice(0, 40))}… (${v.length} chars)` : JSON.stringify(v));
  return `${p.kind} POST ${route.file} ${p.encoding} [${p.fields.map(([k, v]) => `${k}=${short(v)}`).join(", ")}] params ${JSON.stringify(p.params)}`;
}

// ---------------------------------------------------------------- the suite

describe("fuzzing every route action", () => {
  it("finds the actions of app/routes", () => {
    expect(actions.length).toBeGreaterThan(0);
  });

  for (const route of actions) {
    it(`${route.file}: hostile payloads never give a 5xx, and a refusal changes nothing`, async () => {
      const unknown = route.params.filter((p) => (world.paramValues[p] ?? []).length === 0);
      expect(unknown, `${route.file} takes parameters this test has no values for: add them to paramValues in tests/integration/fuzz-actions.test.ts`).toEqual([]);
      const module = (await import(route.modulePath)) as { action: Parameters<typeof callActionRaw>[0] };
      let before = await fingerprint();
      let pastGuard = 0;
      let ip = 0;
      await fc.assert(
        fc.asyncProperty(payloadFor(route), async (payload) => {
          const where = describePayload(route, payload);
          const { body, contentType } = bodyOf(payload);
          ip++;
          const outcome = await callActionRaw(module.action, {
            path: urlOf(route, payload.params),
            params: payload.params,
            cookie: await world.cookies(payload.kind),
            // Each payload from its own address, so per-IP limits do not turn the run into 429s.
            ip: `198.51.${Math.floor(ip / 250) % 250}.${ip % 250}`,
            body,
            contentType,
          });
          expect(outcome.status, `${where}: answered ${outcome.status}`).toBeLessThan(500);
          expect(outcome.status, where).toBeGreaterThanOrEqual(200);
          const after = await fingerprint();
          if (isRefusal(outcome)) {
            expectMessage(outcome, where);
            const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
            expect(changed, `${where}: refused with ${outcome.status} but changed these tables`).toEqual([]);
          }
          if (!isGuardAnswer(outcome)) pastGuard++;
          before = after;
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      if (!(route.file in ALWAYS_REFUSES)) {
        expect(pastGuard, `${route.file}: no payload got past its guard for any kind of visitor (${KINDS.join(", ")}); it may need a session kind or a parameter this test does not know`).toBeGreaterThan(0);
      }
    }, 120_000);
  }
});
