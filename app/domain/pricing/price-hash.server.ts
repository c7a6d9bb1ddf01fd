import { createHash } from "node:crypto";

import { priceFingerprint } from "./fingerprint";
import type { PricedQuote, QuoteOptions } from "./types";

/** SHA-256 (hex) of the quote's price fingerprint: the value stored in quotes.price_hash. */
export function priceHash(quote: PricedQuote, options: QuoteOptions, contractId: string, version: number): string {
  return createHash("sha256").update(priceFingerprint(quote, options, contractId, version)).digest("hex");
}
