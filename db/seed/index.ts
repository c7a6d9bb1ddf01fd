/**
 * The demo data seed: a success team, a catalogue in four currencies, the
 * incentive rules of docs/product-policies.md, and ~30 customers in every
 * renewal situation, all dated relative to `today` (see story.ts).
 *
 * It runs in one transaction with set-based inserts, works on PGlite and on
 * PostgreSQL 15, and is deterministic: the same `today` gives the same rows,
 * ids included. It refuses a database that already holds accounts or a
 * catalogue (reset first). The knowledge base is seeded elsewhere.
 */
import type { Kysely } from "kysely";

import { isIsoDate } from "../../app/lib/dates";
import type { DB } from "../schema";
import { insertRows } from "./factories";
import { planDemoData, type DemoRows } from "./plan";

export { DEMO_IDENTITIES, DEMO_CONTACTS, DEMO_STAFF } from "./identities";
export type { DemoContactIdentity, DemoStaffIdentity } from "./identities";

export interface SeedOptions {
  /** ISO date (YYYY-MM-DD) the story is anchored on: contract ends, usage and tickets are relative to it. */
  today: string;
}

/** Rows inserted, per table. */
export interface SeedSummary {
  staffUsers: number;
  products: number;
  productPrices: number;
  incentiveRules: number;
  accounts: number;
  contacts: number;
  contracts: number;
  contractLines: number;
  usageSnapshots: number;
  supportTickets: number;
  ticketMessages: number;
  surveyResponses: number;
}

export async function seedDemoData(db: Kysely<DB>, options: SeedOptions): Promise<SeedSummary> {
  if (!isIsoDate(options.today)) throw new RangeError(`seedDemoData: today must be an ISO date, got ${options.today}`);
  const rows = planDemoData(options.today);
  // A caller may already be inside a transaction (Kysely cannot nest them).
  return db.isTransaction ? insertAll(db, rows) : db.transaction().execute((trx) => insertAll(trx, rows));
}

async function insertAll(db: Kysely<DB>, rows: DemoRows): Promise<SeedSummary> {
  await assertEmpty(db);
  // Foreign-key order. Contracts reference their predecessors: plan.ts emits
  // every renewal chain oldest first, so a predecessor is never in a later chunk.
  return {
    staffUsers: await insertRows(db, "staffUsers", rows.staffUsers),
    products: await insertRows(db, "products", rows.products),
    productPrices: await insertRows(db, "productPrices", rows.productPrices),
    incentiveRules: await insertRows(db, "incentiveRules", rows.incentiveRules),
    accounts: await insertRows(db, "accounts", rows.accounts),
    contacts: await insertRows(db, "contacts", rows.contacts),
    contracts: await insertRows(db, "contracts", rows.contracts),
    contractLines: await insertRows(db, "contractLines", rows.contractLines),
    usageSnapshots: await insertRows(db, "usageSnapshots", rows.usageSnapshots),
    supportTickets: await insertRows(db, "supportTickets", rows.supportTickets),
    ticketMessages: await insertRows(db, "ticketMessages", rows.ticketMessages),
    surveyResponses: await insertRows(db, "surveyResponses", rows.surveyResponses),
  };
}

/** The seed's fixed ids and numbers would collide with an earlier seed: fail with a clear message instead. */
async function assertEmpty(db: Kysely<DB>): Promise<void> {
  const account = await db.selectFrom("accounts").select("id").limit(1).executeTakeFirst();
  const product = await db.selectFrom("products").select("id").limit(1).executeTakeFirst();
  if (account || product) {
    throw new Error("seedDemoData: the database already has accounts or products; reset it before seeding the demo data.");
  }
}
