import { priceHash } from "../pricing/price-hash.server";
import type { PricedQuote, QuoteOptions } from "../pricing/types";

export interface StoredQuoteForIntegrity {
  contractId: string;
  version: number;
  currency: string;
  subtotal: number;
  discountTotal: number;
  total: number;
  priceHash: string;
  newTermStart: string;
  newTermEnd: string;
  options: unknown;
  lines: ReadonlyArray<{
    kind: "product" | "discount" | "bonus";
    code: string;
    productId: string | null;
    quantity: number;
    unitAmount: number;
    amount: number;
    detail: unknown;
  }>;
}

/**
 * Whether a stored quote is still exactly the one that was priced: its hash
 * is recomputed from the stored lines, totals, term and options. Any edit
 * after pricing (a line, the total, the term) gives another hash, and the
 * quote is refused instead of charged. It is not re-priced against today's
 * catalogue: a confirmed quote holds its price (product policy).
 */
export function storedQuoteIsIntact(quote: StoredQuoteForIntegrity): boolean {
  const lineSum = quote.lines.reduce((sum, line) => sum + line.amount, 0);
  if (lineSum !== quote.total || quote.subtotal - quote.discountTotal !== quote.total) return false;
  // priceFingerprint reads only these fields of a PricedQuote.
  const asPriced = {
    currency: quote.currency,
    subtotal: quote.subtotal,
    discountTotal: quote.discountTotal,
    total: quote.total,
    newTermStart: quote.newTermStart,
    newTermEnd: quote.newTermEnd,
    lines: quote.lines,
  } as unknown as PricedQuote;
  try {
    return priceHash(asPriced, quote.options as QuoteOptions, quote.contractId, quote.version) === quote.priceHash;
  } catch {
    // Options or line details that are not what the engine stores cannot be checked: not intact.
    return false;
  }
}
