/**
 * How a quote line reads, the same on the page, in the PDF and in tests:
 * product lines say quantity × unit price × years; discount lines their
 * percent and reason; bonus lines what is given. Labels are keys in the
 * `pricing` and `catalog` namespaces (docs/pricing.md, "Labels").
 */
import type { TFunction } from "i18next";

import { formatMoney } from "../format";

export interface QuoteLineView {
  kind: "product" | "discount" | "bonus";
  code: string;
  quantity: number;
  unitAmount: number;
  amount: number;
  detail: unknown;
}

export interface LineText {
  name: string;
  arithmetic: string | null;
}

function num(detail: unknown, key: string): number | undefined {
  const value = (detail as Record<string, unknown> | null)?.[key];
  return typeof value === "number" ? value : undefined;
}

function str(detail: unknown, key: string): string | null {
  const value = (detail as Record<string, unknown> | null)?.[key];
  return typeof value === "string" ? value : null;
}

export function describeLine(t: TFunction, line: QuoteLineView, currency: string, locale: string): LineText {
  if (line.kind === "product") {
    const years = num(line.detail, "termYears") ?? 1;
    const perSeat = str(line.detail, "pricingModel") === "per_seat";
    const unitPrice = formatMoney(line.unitAmount, currency, locale);
    return {
      name: t(`catalog:products.${line.code}.name`, { defaultValue: line.code }),
      arithmetic: `${t(perSeat ? "pricing:lines.perSeat" : "pricing:lines.flat", { count: line.quantity, unitPrice })} ${t("pricing:lines.forYears", { count: years })}`,
    };
  }
  if (line.kind === "discount") {
    const percent = num(line.detail, "percent") ?? 0;
    const base = num(line.detail, "base");
    const count = line.code === "early_renewal" ? (num(line.detail, "days") ?? 0) : (num(line.detail, "termYears") ?? 1);
    return {
      name: t(`pricing:lines.${line.code}`, { count, percent }),
      arithmetic: base !== undefined ? t("renewal:breakdown.percentOf", { percent, base: formatMoney(base, currency, locale) }) : null,
    };
  }
  const months = num(line.detail, "months") ?? line.quantity;
  const feature = str(line.detail, "feature");
  const source = str(line.detail, "source");
  const name = months > 0 ? t("pricing:lines.bonusMonths", { count: months }) : t("pricing:lines.bonusFeature", { feature: feature ?? "" });
  return { name, arithmetic: source ? t(`pricing:lines.bonusSource.${source}`) : null };
}
