import { useTranslation } from "react-i18next";

import { RENEWAL_NAMESPACES } from "~/lib/renewal/namespaces";

/** A quote's breakdown in the reader's words and money (breakdownView in app/lib/renewal/breakdown.server.ts). */
export interface BreakdownView {
  termYears: number;
  rows: ReadonlyArray<{
    kind: "product" | "discount" | "bonus";
    code: string;
    name: string;
    /** quantity × unit price × years, or a discount's percent of what; null when there is nothing to show. */
    arithmetic: string | null;
    /** null for a bonus line: it is included, not charged. */
    amount: string | null;
  }>;
  subtotal: string;
  discountTotal: string;
  total: string;
}

/**
 * The plain breakdown of a quote: every product line with its arithmetic,
 * every discount with its percent and reason, the total. Nothing else is
 * charged, so nothing else is shown.
 */
export function QuoteBreakdown({ view, caption }: { view: BreakdownView; caption?: string }) {
  const { t } = useTranslation(RENEWAL_NAMESPACES);
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
          {view.rows.map((row, index) => (
            <tr key={`${row.code}-${index}`} className={`quote-line quote-line-${row.kind}`}>
              <th scope="row">{row.name}</th>
              <td>{row.arithmetic}</td>
              <td className="num">{row.amount ?? t("breakdown.included")}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t("pricing:totals.subtotal")}
            </th>
            <td className="num">{view.subtotal}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>
              {t("pricing:totals.discountTotal")}
            </th>
            <td className="num">{view.discountTotal}</td>
          </tr>
          <tr className="quote-total">
            <th scope="row" colSpan={2}>
              {t("pricing:totals.totalForTerm", { count: view.termYears })}
            </th>
            <td className="num">{view.total}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
