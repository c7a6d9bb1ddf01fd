/**
 * Everything the renewal page shows, in one round trip: the contract as the
 * pricing engine sees it, the catalogue in its currency, the incentive rules
 * of its segment, whether the save offer was used, the latest "not renewing"
 * answer and the latest confirmed quote. Each part is the same select the
 * single-purpose model functions run (findRenewalContext, loadCatalogue,
 * loadIncentiveRules, isSaveOfferUsed, findNonRenewal, findConfirmedQuote),
 * nested as a subquery, so the page and the actions cannot disagree.
 */
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";

import type { Catalogue, IncentiveRule } from "~/domain/pricing";
import type { Database } from "~/lib/db.server";
import { preparedQuery } from "~/lib/prepared-query.server";

import type { QuoteStatus } from "../../db/schema";
import { selectCatalogue, selectIncentiveRules, toCatalogue } from "./catalogue.server";
import { selectNonRenewal } from "./non-renewal.server";
import { selectRenewalContract, selectRenewalLines, toRenewalContract, type RenewalContract } from "./renewal-context.server";
import { isUuid } from "./contracts.server";
import { selectConfirmedQuote, selectSaveOfferUses } from "./renewal-quotes.server";

export interface RenewalPageData {
  /** With `saveOfferUsed` set, as loadRenewal gives it. */
  renewal: RenewalContract;
  catalogue: Catalogue;
  /** The rules in force on `today`. */
  rules: IncentiveRule[];
  autoRenew: boolean;
  nonRenewal: { createdAt: Date } | null;
  confirmed: { id: string; number: string; status: QuoteStatus; confirmedAt: Date | null } | null;
}

/** Null for a malformed id, an unknown contract or another account's. One query. */
export async function findRenewalPage(db: Database, accountId: string, contractId: string, today: string): Promise<RenewalPageData | null> {
  if (!isUuid(accountId) || !isUuid(contractId)) return null;
  const [row] = await renewalPageQuery(db, accountId, contractId, today);
  if (!row) return null;
  const { lines, catalogue, incentiveRules, saveOfferUsed, autoRenew, nonRenewal, confirmed, ...contract } = row;
  const renewal = toRenewalContract(contract, lines);
  // Nested rows arrive as JSON: timestamps are strings there.
  return {
    renewal: { ...renewal, context: { ...renewal.context, saveOfferUsed: Boolean(saveOfferUsed) } },
    catalogue: toCatalogue(contract.currency, catalogue),
    rules: incentiveRules,
    autoRenew,
    nonRenewal: nonRenewal ? { createdAt: new Date(nonRenewal.createdAt) } : null,
    confirmed: confirmed
      ? {
          id: confirmed.id,
          number: confirmed.number,
          status: confirmed.status,
          confirmedAt: confirmed.confirmedAt === null ? null : new Date(confirmed.confirmedAt),
        }
      : null,
  };
}

// Compiled once and prepared on the server: the page runs it on every view.
const renewalPageQuery = preparedQuery(
  "renewal page",
  (db: Database, accountId: string, contractId: string, today: string) =>
    selectRenewalContract(db)
      .select((eb) => [
        "contracts.autoRenew",
        jsonArrayFrom(selectRenewalLines(db, eb.ref("contracts.id"))).as("lines"),
        jsonArrayFrom(selectCatalogue(db, eb.ref("contracts.currency"))).as("catalogue"),
        jsonArrayFrom(selectIncentiveRules(db, eb.ref("accounts.segment"), today)).as("incentiveRules"),
        eb.exists(selectSaveOfferUses(db, eb.ref("contracts.id"))).as("saveOfferUsed"),
        jsonObjectFrom(selectNonRenewal(db, eb.ref("contracts.accountId"), eb.ref("contracts.id"))).as("nonRenewal"),
        jsonObjectFrom(selectConfirmedQuote(db, eb.ref("contracts.accountId"), eb.ref("contracts.id"))).as("confirmed"),
      ])
      .where("contracts.id", "=", contractId)
      .where("contracts.accountId", "=", accountId),
);
