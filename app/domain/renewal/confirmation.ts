/**
 * Whether a saved quote may be confirmed, decided from facts the server
 * gathered (the stored quote, the submitted hidden fields, the recomputed
 * hash, the clock). Pure, so every refusal is unit-tested without a database.
 * The order matters: a double submit must read "already confirmed", not
 * "tampered", and a quote that is both expired and stale is "expired".
 */
import type { QuoteStatus } from "../../../db/schema";

export const CONFIRMABLE_STATUSES: readonly QuoteStatus[] = ["draft", "shared", "approved"];
export const CONFIRMED_STATUSES: readonly QuoteStatus[] = ["awaiting_payment", "paid", "fulfilled"];

export type ConfirmRefusal =
  | "already_confirmed"
  | "superseded"
  | "not_open"
  | "tampered"
  | "expired"
  | "stale"
  | "closed";

export interface ConfirmFacts {
  stored: { status: QuoteStatus; version: number; priceHash: string; expiresAt: Date };
  /** The newest version of the contract's quotes. */
  latestVersion: number;
  submitted: { version: number; priceHash: string };
  /** Hash of the quote recomputed with its pricing date and today's catalogue and rules; null when it no longer prices. */
  recomputedHash: string | null;
  now: Date;
}

export function confirmRefusal(facts: ConfirmFacts): ConfirmRefusal | null {
  const { stored } = facts;
  if (CONFIRMED_STATUSES.includes(stored.status)) return "already_confirmed";
  if (stored.status === "superseded" || facts.latestVersion > stored.version) return "superseded";
  if (!CONFIRMABLE_STATUSES.includes(stored.status)) return "not_open";
  if (facts.submitted.version !== stored.version || facts.submitted.priceHash !== stored.priceHash) return "tampered";
  if (stored.expiresAt.getTime() <= facts.now.getTime()) return "expired";
  if (facts.recomputedHash === null) return "closed";
  if (facts.recomputedHash !== stored.priceHash) return "stale";
  return null;
}
