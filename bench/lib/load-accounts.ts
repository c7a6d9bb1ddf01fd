/**
 * Customers for the renewal journey of `npm run test:load`: a contract can be
 * renewed once, so every renewal a virtual user makes needs a contract of its
 * own. These accounts look like the demo's (four markets, four segments, a
 * success manager, an admin contact, plans with add-ons, a year of usage) and
 * are built with the seed's factories (`make*`), inserted set-based.
 *
 * Every contract is active and ends between 10 days from `today` and a year
 * ahead, or sits a few days into its grace period, so the renewal page offers
 * a quote for each, across every early-renewal window.
 */
import type { Insertable } from "kysely";

import type { Database } from "../../app/lib/db.server";
import { addDays } from "../../app/lib/dates";
import type { ContractLinesTable, ContractsTable, Locale, Segment, UsageSnapshotsTable } from "../../db/schema";
import {
  FEATURES_BY_PLAN,
  PLAN_CODES,
  insertRows,
  loadCatalogue,
  makeAccount,
  makeContact,
  makeContract,
  makeUsageHistory,
  pricedLines,
  type AddonCode,
  type CurrencyCode,
  type UsageShape,
} from "../../db/seed/factories";
import { createRng } from "../../db/seed/random";

export interface RenewableContract {
  accountId: string;
  contactId: string;
  contactEmail: string;
  contractId: string;
  contractNumber: string;
  termEnd: string;
  currency: CurrencyCode;
}

export interface LoadAccountsOptions {
  accounts: number;
  contractsPerAccount: number;
  /** The date the portal calls today (contract ends are placed around it). */
  today: string;
  /** Distinct seeds give distinct rows (ids, emails, numbers) in one database. */
  seed?: string;
}

const MARKETS: readonly { currency: CurrencyCode; locale: Locale; country: string }[] = [
  { currency: "USD", locale: "en", country: "US" },
  { currency: "MYR", locale: "ms", country: "MY" },
  { currency: "CNY", locale: "zh-Hans", country: "CN" },
  { currency: "TWD", locale: "zh-Hant", country: "TW" },
];
const SEGMENTS: readonly Segment[] = ["smb", "mid_market", "enterprise", "public_sector"];
const ADDONS: readonly AddonCode[] = ["analytics", "premium_support", "sso_audit", "sandbox", "api_boost"];
const SHAPES: readonly UsageShape[] = ["rising", "flat", "falling", "expansion"];

/**
 * Inserts `accounts` accounts, each with one admin contact and
 * `contractsPerAccount` renewable contracts, and returns the contracts. The
 * catalogue, the incentive rules and the success team must already be there
 * (the demo seed puts them in); owners are the success managers, in turn.
 */
export async function seedRenewableAccounts(db: Database, options: LoadAccountsOptions): Promise<RenewableContract[]> {
  const rng = createRng(options.seed ?? "customer365-load-accounts");
  const catalogue = await loadCatalogue(db);
  if (!catalogue.professional) throw new Error("seedRenewableAccounts: the catalogue is missing; seed the demo data first");
  const managers = await db.selectFrom("staffUsers").select("id").where("role", "=", "csm").orderBy("email").execute();

  const accounts: ReturnType<typeof makeAccount>[] = [];
  const contacts: ReturnType<typeof makeContact>[] = [];
  const contracts: Insertable<ContractsTable>[] = [];
  const lines: Insertable<ContractLinesTable>[] = [];
  const usage: Insertable<UsageSnapshotsTable>[] = [];
  const renewable: RenewableContract[] = [];
  const tag = rng.int(0, 36 ** 3 - 1).toString(36).padStart(3, "0");

  for (let a = 0; a < options.accounts; a++) {
    const market = MARKETS[a % MARKETS.length]!;
    const account = makeAccount(
      {
        name: `Load Customer ${tag}-${a + 1}`,
        segment: SEGMENTS[Math.floor(a / MARKETS.length) % SEGMENTS.length]!,
        country: market.country,
        currency: market.currency,
        locale: market.locale,
        ownerStaffId: managers.length > 0 ? managers[a % managers.length]!.id : null,
      },
      rng,
    );
    const contact = makeContact(
      { accountId: account.id, email: `admin-${tag}-${a + 1}@load-customer.example`, name: `Load Admin ${a + 1}`, role: "admin", locale: market.locale },
      rng,
    );
    accounts.push(account);
    contacts.push(contact);
    for (let c = 0; c < options.contractsPerAccount; c++) {
      // One in ten a few days into grace (a late renewal), the rest 10–365 days ahead.
      const endsIn = rng.chance(0.1) ? -rng.int(1, 20) : rng.int(10, 365);
      const termEnd = addDays(options.today, endsIn);
      const plan = rng.pick(PLAN_CODES);
      const seats = rng.int(3, 30);
      const addons = ADDONS.filter(() => rng.chance(0.3)).map((code) => ({ code }));
      const rows = makeContract(
        {
          accountId: account.id,
          currency: market.currency,
          number: `LOAD-${tag}-${String(a + 1).padStart(5, "0")}-${c + 1}`,
          termEnd,
          lines: pricedLines({ catalogue, currency: market.currency, plan, seats, addons, discount: rng.pick([0, 0, 0.05, 0.1]) }),
        },
        rng,
      );
      contracts.push(rows.contract);
      lines.push(...rows.lines);
      usage.push(
        ...makeUsageHistory(
          { contractId: rows.contract.id, termStart: rows.contract.termStart, termEnd, today: options.today, seats, shape: rng.pick(SHAPES), features: FEATURES_BY_PLAN[plan] },
          rng,
        ),
      );
      renewable.push({
        accountId: account.id,
        contactId: contact.id,
        contactEmail: contact.email,
        contractId: rows.contract.id,
        contractNumber: rows.contract.number,
        termEnd,
        currency: market.currency,
      });
    }
  }

  await db.transaction().execute(async (trx) => {
    await insertRows(trx, "accounts", accounts);
    await insertRows(trx, "contacts", contacts);
    await insertRows(trx, "contracts", contracts);
    await insertRows(trx, "contractLines", lines);
    await insertRows(trx, "usageSnapshots", usage);
  });
  return renewable;
}
