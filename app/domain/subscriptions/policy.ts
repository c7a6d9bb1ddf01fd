/**
 * Product facts the subscription view follows (docs/product-policies.md).
 * Change them there first.
 */
import type { Segment } from "./types";

import { GRACE_DAYS } from "../pricing";

/** After the end date the service keeps running this long; then the contract has ended. */
export const GRACE_PERIOD_DAYS = GRACE_DAYS;

/** Renewal opens this many days before the end date (public sector approvals take longer). */
export function renewalWindowDays(segment: Segment): number {
  return segment === "public_sector" ? 120 : 90;
}

/** A renewal confirmed at least this many days before the end date is "early". */
export const EARLY_RENEWAL_MIN_DAYS = 30;

