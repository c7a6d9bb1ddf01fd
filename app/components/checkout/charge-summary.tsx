import { useTranslation } from "react-i18next";

import { formatMoney } from "~/lib/format";

export interface SummaryLine {
  kind: "product" | "discount" | "bonus";
  code: string;
  quantity: number;
  unitAmount: number;
  amount: number;
  detail: Record<string, unknown>;
}

export interface SummaryProps {
  lines: readonly SummaryLine[];
  currency: string;
  subtotal: number;
  total: number;
  /** The table's caption (what it is: what you pay, what you paid). */
  caption: string;
  totalLabel: string;
}

/**
 * A quote's lines as a table: each product for the whole term (and any
 * bonus), the subtotal, each discount on its own line, then the total.
 * The same table on the checkout, demo payment and receipt pages, so the
 * customer sees one set of numbers everywhere.
 */
export function ChargeSummary({ lines, currency, subtotal, total, caption, totalLabel }: SummaryProps) {
  const { t, i18n } = useTranslation(["checkout", "pricing", "catalog"]);
  const money = (amount: number) => formatMoney(amount, currency, i18n.language);
  // The quote's order of operations: what is bought, its subtotal, each discount on it, the total.
  const items = lines.filter((line) => line.kind !== "discount");
  const discounts = lines.filter((line) => line.kind === "discount");
  return (
    <div className="table-wrap">
      <table className="charge-summary">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("checkout:summary.item")}</th>
            <th scope="col" className="num">
              {t("checkout:summary.amount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((line) => (
            <Row key={`${line.kind}-${line.code}`} line={line} currency={currency} />
          ))}
          <tr className="charge-subtotal">
            <th scope="row">{t("checkout:summary.subtotal")}</th>
            <td className="num">{money(subtotal)}</td>
          </tr>
          {discounts.map((line) => (
            <Row key={`${line.kind}-${line.code}`} line={line} currency={currency} />
          ))}
        </tbody>
        <tfoot>
          <tr className="charge-total">
            <th scope="row">{totalLabel}</th>
            <td className="num">{money(total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Row({ line, currency }: { line: SummaryLine; currency: string }) {
  const { t, i18n } = useTranslation("checkout");
  return (
    <tr className={`charge-line charge-line-${line.kind}`}>
      <th scope="row">
        <LineLabel line={line} currency={currency} />
      </th>
      <td className="num">{line.kind === "bonus" ? t("summary.included") : formatMoney(line.amount, currency, i18n.language)}</td>
    </tr>
  );
}

function LineLabel({ line, currency }: { line: SummaryLine; currency: string }) {
  const { t, i18n } = useTranslation(["checkout", "pricing", "catalog"]);
  const detail = line.detail;
  const num = (key: string) => (typeof detail[key] === "number" ? (detail[key] as number) : 0);
  if (line.kind === "product") {
    const perSeat = detail.pricingModel === "per_seat";
    return (
      <>
        <span className="charge-name">{t(`catalog:products.${line.code}.name`, { defaultValue: line.code })}</span>
        <span className="charge-detail">
          {t(perSeat ? "pricing:lines.perSeat" : "pricing:lines.flat", {
            count: line.quantity,
            unitPrice: formatMoney(line.unitAmount, currency, i18n.language),
          })}{" "}
          {t("pricing:lines.forYears", { count: num("termYears") || 1 })}
        </span>
      </>
    );
  }
  if (line.kind === "discount") {
    const count = line.code === "early_renewal" ? num("days") : num("termYears");
    return <span className="charge-name">{t(`pricing:lines.${line.code}`, { count, percent: num("percent") })}</span>;
  }
  const feature = typeof detail.feature === "string" ? detail.feature : null;
  return (
    <span className="charge-name">
      {line.quantity > 0
        ? t("pricing:lines.bonusMonths", { count: line.quantity })
        : t("pricing:lines.bonusFeature", { feature: feature ?? "" })}
    </span>
  );
}
