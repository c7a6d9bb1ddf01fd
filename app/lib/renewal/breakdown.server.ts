import type { BreakdownView } from "~/components/quote-breakdown";

import { formatMoney } from "../format";
import { getFixedT } from "../i18n/i18n.server";
import type { Locale } from "../i18n/config";
import { describeLine, type QuoteLineView } from "./lines";

export interface BreakdownSource {
  currency: string;
  termYears: number;
  lines: readonly QuoteLineView[];
  subtotal: number;
  discountTotal: number;
  total: number;
}

/**
 * A quote's breakdown as the pages show it, every line's words and amounts
 * already in the reader's language (the same `describeLine` the PDF uses).
 * Done here rather than in the browser: the line wording and money
 * formatting then stay out of the renewal pages' JavaScript.
 */
export function breakdownView(quote: BreakdownSource, locale: Locale): BreakdownView {
  const t = getFixedT(locale, "renewal");
  const money = (amount: number) => formatMoney(amount, quote.currency, locale);
  return {
    termYears: quote.termYears,
    rows: quote.lines.map((line) => {
      const text = describeLine(t, line, quote.currency, locale);
      return { kind: line.kind, code: line.code, name: text.name, arithmetic: text.arithmetic, amount: line.kind === "bonus" ? null : money(line.amount) };
    }),
    subtotal: money(quote.subtotal),
    discountTotal: money(-quote.discountTotal),
    total: money(quote.total),
  };
}
