/**
 * The fixed choices of the renewal forms, without zod: the pages import
 * these, and a page that imported schemas.ts would ship zod to the browser.
 */

/** Reason codes for not renewing (the seed's survey_responses use the same vocabulary). */
export const NON_RENEWAL_REASONS = [
  "price",
  "budget",
  "low_adoption",
  "missing_feature",
  "switched_competitor",
  "business_change",
  "integrations",
  "other",
] as const;
export type NonRenewalReason = (typeof NON_RENEWAL_REASONS)[number];

export const RULE_KINDS = ["early_renewal", "multi_year", "save_offer"] as const;
export const RULE_SEGMENTS = ["all", "smb", "mid_market", "enterprise", "public_sector"] as const;
