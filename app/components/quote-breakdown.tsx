import { useTranslation } from "react-i18next";

import { formatMoney } from "~/lib/format";
import { describeLine, type QuoteLineView } from "~/lib/renewal/lines";
import { RENEWAL_NAMESPACES } from "~/lib/renewal/namespaces";

export interface BreakdownQuote {
  currency: string;
  termYears: number;
  lines: readonly QuoteLineView[];
  subtotal: number;
  discountTotal: number;
  total: number;
}

/**
 * The plain breakdown of a quote: every product line with its arithmetic,
 * every discount with its percent and reason, the total. Nothing else is
 * charged, so nothing else is shown.
 */
export function QuoteBreakdown({ quote, caption }: { quote: BreakdownQuote; caption?: string }) {
  const { t, i18n } = useTranslation(RENEWAL_NAMESPACES);
  const lng = i18n.language;
  const money = (amount: number) => formatMoney(amount, quote.currency, lng);
  return (
    <div className="table-wrap">
      <table className="quote-table">
        <caption className={caption ? undefined : "visually-hidden"}>{caption ?? t("breakdown.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("breakdown.item")}</th>
            <th scope="col">{t("breakdown.detail")}</th>
            <th scope="col" className="num">
              {t("breakdown.amount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {quote.lines.map((line, index) => {
            const text = describeLine(t, line, quote.currency, lng);
            return (
              <tr key={`${line.code}-${index}`} className={`quote-line quote-line-${line.kind}`}>
                <th scope="row">{text.name}</th>
                <td>{text.arithmetic}</td>
                <td className="num">{line.kind === "bonus" ? t("breakdown.included") : money(line.amount)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t("pricing:totals.subtotal")}
            </th>
            <td className="num">{money(quote.subtotal)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>
              {t("pricing:totals.discountTotal")}
            </th>
            <td className="num">{money(-quote.discountTotal)}</td>
          </tr>
          <tr className="quote-total">
            <th scope="row" colSpan={2}>
              {t("pricing:totals.totalForTerm", { count: quote.termYears })}
            </th>
            <td className="num">{money(quote.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
