import { useTranslation } from "react-i18next";

import { DEFAULT_LOCALE, isLocale, type Locale } from "~/lib/i18n/config";
import { formatDate, formatMoney, formatNumber, formatPercent } from "~/lib/format";

/** Intl formatting bound to the page's language (the i18next instance the page renders with). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
  return {
    locale,
    date: (iso: string) => formatDate(iso, locale),
    month: (iso: string) => formatDate(iso, locale, "monthYear"),
    number: (value: number) => formatNumber(value, locale),
    percent: (fraction: number) => formatPercent(fraction, locale),
    money: (minorUnits: number, currency: string) => formatMoney(minorUnits, currency, locale),
    /** Hours as "18 hours", or as days from two days up ("3.5 days"). */
    duration: (hours: number) =>
      hours < 48
        ? formatNumber(Math.round(hours * 10) / 10, locale, { style: "unit", unit: "hour", unitDisplay: "long" })
        : formatNumber(Math.round((hours / 24) * 10) / 10, locale, { style: "unit", unit: "day", unitDisplay: "long" }),
  };
}

export type Formatters = ReturnType<typeof useFormat>;
