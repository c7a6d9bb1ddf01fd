import { earlyRenewalStep, type IncentiveFor } from "~/domain/subscriptions";
import type { Segment } from "~/domain/pricing";
import { loadIncentiveRules } from "~/models/catalogue.server";

import type { Database } from "./db.server";

/**
 * The early-renewal step of an account's contracts, from the same incentive
 * rules the renewal page prices with (one query per page: every contract of
 * an account shares its segment).
 */
export async function incentiveStepsFor(db: Database, segment: Segment | null, today: string): Promise<IncentiveFor> {
  const rules = segment ? await loadIncentiveRules(db, segment, today) : [];
  return (contract, day) => earlyRenewalStep(rules, contract, day);
}
