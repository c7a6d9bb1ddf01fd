import { readdirSync } from "node:fs";
import path from "node:path";

import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";

import { DEMO_CONTACTS, seedDemo } from "../support/demo";
import { callAction, callLoader, sessionCookieFor } from "../support/routes";
import { useTestDatabase } from "../support/test-database";

/**
 * Tenant isolation, enumerated: every route file with an id in its path that
 * a customer (or a customer's portal link) can reach is called, loader and
 * action, as a signed-in Northwind contact with ids that belong to another
 * account. Each must answer 404 and change nothing. A new id-taking route
 * that is not listed here fails this test until it is added.
 */
const NOT_CUSTOMER_ROUTES: Record<string, string> = {
  "$.tsx": "the 404 splat",
  "l.$token.tsx": "a portal-link token, not an id (tests/integration/portal-links.test.ts)",
  "sign-in.verify.$token.tsx": "a sign-in token, not an id (tests/integration/sign-in.test.ts)",
  "locales.$lng.$ns.ts": "public catalogues",
  "dev.mailbox.$id.tsx": "development only, not a customer page",
  "approve.$token.tsx": "an approver-link token, not an id (tests/integration/approvals.test.ts)",
  "approve.$token.pdf.ts": "an approver-link token, not an id (tests/integration/approvals.test.ts)",
  "help.articles.$slug.tsx": "the public help centre: a slug, the same for everyone",
  "help.categories.$category.tsx": "the public help centre: a topic, the same for everyone",
};

const routesDir = path.resolve("app/routes");
const idRoutes = readdirSync(routesDir)
  // Files starting with "__" are the routes' colocated modules, not routes (remix.config.js).
  .filter((file) => !file.startsWith("__") && file.includes("$") && !(file in NOT_CUSTOMER_ROUTES) && !file.startsWith("staff"))
  .sort();

const database = useTestDatabase();
let cookie: string;
const foreign: Record<string, string> = {};

beforeAll(async () => {
  const demo = await seedDemo(database.db);
  const amelia = await demo.contactByEmail(DEMO_CONTACTS.amelia.email);
  cookie = await sessionCookieFor({ kind: "contact", contactId: amelia.id, accountId: amelia.accountId });
  // Ids that exist, but belong to Syarikat Maju Jaya, not Northwind.
  const nurul = await demo.contactByEmail(DEMO_CONTACTS.nurul.email);
  const contract = await demo.contractByNumber("C365-10026");
  foreign.contractId = contract.id;
  foreign.contactId = nurul.id;
  const ticket = await database.db.selectFrom("supportTickets").select("id").where("accountId", "=", nurul.accountId).executeTakeFirst();
  foreign.ticketId = ticket?.id ?? "";
  if (ticket) {
    const file = await database.db
      .insertInto("ticketAttachments")
      .values({ ticketId: ticket.id, filename: "bukti.txt", contentType: "text/plain; charset=utf-8", sizeBytes: 5, sha256: "0".repeat(64), data: Buffer.from("bukti") })
      .returning("id")
      .executeTakeFirstOrThrow();
    foreign.attachmentId = file.id;
  }
  const quote = await database.db
    .insertInto("quotes")
    .values({
      number: "Q-ISOLATION-1",
      accountId: nurul.accountId,
      contractId: contract.id,
      version: 1,
      currency: "MYR",
      termYears: 1,
      subtotal: 100000,
      discountTotal: 0,
      total: 100000,
      priceHash: "x",
      newTermStart: "2027-01-30",
      newTermEnd: "2028-01-29",
      pricedAt: new Date(),
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  foreign.quoteId = quote.id;
  // A paid (demo) attempt at that quote: its receipt and its demo checkout page.
  const payment = await database.db
    .insertInto("payments")
    .values({
      quoteId: quote.id,
      accountId: nurul.accountId,
      provider: "demo",
      providerSessionId: `demo_cs_${"ab".repeat(16)}`,
      amount: 100000,
      currency: "MYR",
      status: "succeeded",
      paidAt: new Date(),
    })
    .returning(["id", "providerSessionId"])
    .executeTakeFirstOrThrow();
  foreign.paymentId = payment.id;
  foreign.sessionId = payment.providerSessionId;
});

/** A fingerprint of every table a customer action could change. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not in ('sessions', 'rate_limits', 'kysely_migration', 'kysely_migration_lock')
    order by table_name`.execute(database.db);
  const result: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const row = await sql<{ digest: string | null }>`
      select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.table(name)} t`.execute(database.db);
    result[name] = row.rows[0]?.digest ?? "";
  }
  return result;
}

function paramsOf(file: string): string[] {
  return [...file.matchAll(/\$([A-Za-z]+)/g)].map((m) => m[1]!);
}

function pathFor(file: string, params: Record<string, string>): string {
  const segments = file
    .replace(/\.(tsx|ts)$/, "")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? params[s.slice(1)] : s.replace(/_$/, "")));
  return `/${segments.join("/")}`;
}

describe("tenant isolation", () => {
  it("finds the customer routes that take an id", () => {
    expect(idRoutes.length).toBeGreaterThan(0);
  });

  for (const file of idRoutes) {
    it(`${file}: another account's ids give 404 and change nothing`, async () => {
      const params: Record<string, string> = {};
      for (const name of paramsOf(file)) {
        expect(foreign[name], `add a foreign "${name}" to tests/integration/tenant-isolation.test.ts`).toBeTruthy();
        params[name] = foreign[name]!;
      }
      const route = (await import(path.join(routesDir, file))) as {
        loader?: Parameters<typeof callLoader>[0];
        action?: Parameters<typeof callAction>[0];
      };
      expect(route.loader ?? route.action, `${file} exports neither loader nor action`).toBeTruthy();
      const before = await fingerprint();
      const url = pathFor(file, params);
      if (route.loader) {
        const outcome = await callLoader(route.loader, { path: url, params, cookie });
        expect(outcome.status, `GET ${url}`).toBe(404);
      }
      if (route.action) {
        const outcome = await callAction(route.action, { path: url, params, cookie, form: { intent: "confirm", seats: "10" } });
        expect(outcome.status, `POST ${url}`).toBe(404);
      }
      expect(await fingerprint()).toEqual(before);
    });
  }
});
