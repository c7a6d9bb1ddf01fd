import { earlyRenewalStep, type IncentiveFor } from "~/domain/subscriptions";
import type { IncentiveRule, Segment } from "~/domain/pricing";
import { loadIncentiveRules } from "~/models/catalogue.server";

import type { Database } from "./db.server";

/**
 * The early-renewal step of an account's contracts, from the same incentive
 * rules the renewal page prices with (one query per page: every contract of
 * an account shares its segment).
 */
export async function incentiveStepsFor(db: Database, segment: Segment | null, today: string): Promise<IncentiveFor> {
  return incentiveStepsFrom(segment ? await loadIncentiveRules(db, segment, today) : []);
}

/** The same from rules already loaded (the account home fetches them with its contracts). */
export function incentiveStepsFrom(rules: readonly IncentiveRule[]): IncentiveFor {
  return (contract, day) => earlyRenewalStep(rules, contract, day);
}
