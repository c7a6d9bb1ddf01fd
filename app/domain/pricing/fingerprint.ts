/**
 * A canonical text of everything that determines a quote's price, so the
 * server can tell at confirmation whether the quote a customer confirms is
 * the one it priced: recompute the quote from the stored options and compare
 * fingerprints (hashed: price-hash.server.ts). A changed price, line, option,
 * version or term gives a different fingerprint.
 *
 * Left out on purpose: the day-count text of the early-renewal line and the
 * schedule, which change every day without changing the price. Recompute
 * with the quote's pricing date to check a quote inside its price lock; with
 * today's date to see whether a fresh quote would still cost the same.
 */
import type { PricedLine, PricedQuote, QuoteOptions } from "./types";

/** Bump when the canonical form changes, so old hashes never match by accident. */
export const FINGERPRINT_FORMAT = 1;

function lineParts(line: PricedLine): unknown[] {
  const base = [line.kind, line.code, line.productId, line.quantity, line.unitAmount, line.amount];
  switch (line.kind) {
    case "product":
      return [...base, line.detail.termYears];
    case "discount":
      return [...base, line.detail.ruleId, line.detail.bps, line.detail.base];
    case "bonus":
      return [...base, line.detail.ruleId, line.detail.months, line.detail.feature];
  }
}

export function priceFingerprint(quote: PricedQuote, options: QuoteOptions, contractId: string, version: number): string {
  // Arrays only, in a fixed order: no object key order can change the text.
  // An add-on's quantity is the one priced (per-seat add-ons follow the seats
  // whatever quantity was sent), so equivalent options give one fingerprint.
  const priced = new Map(quote.lines.flatMap((line) => (line.kind === "product" ? [[line.code, line.quantity] as const] : [])));
  const addOns = options.addOns
    .map((choice) => [choice.code, priced.get(choice.code) ?? choice.quantity ?? 1] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([
    "c365-quote",
    FINGERPRINT_FORMAT,
    contractId,
    version,
    [options.termYears, options.planCode, options.seats, addOns, options.saveOffer === true],
    quote.currency,
    quote.lines.map(lineParts),
    [quote.subtotal, quote.discountTotal, quote.total],
    [quote.newTermStart, quote.newTermEnd],
  ]);
}
