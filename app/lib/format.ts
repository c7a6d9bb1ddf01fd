/**
 * Locale-aware formatting with Intl. Money is integer minor units with an ISO
 * 4217 code; the number of minor digits comes from Intl (ISO 4217 data).
 */
import { INTL_LOCALE, isLocale, type Locale } from "./i18n/config";

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function intlTag(locale: string): string {
  return isLocale(locale) ? INTL_LOCALE[locale] : locale;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(intlTag(locale), options);
    cache.set(key, format);
  }
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(intlTag(locale), options);
    cache.set(key, format);
  }
  return format;
}

/** ISO 4217 minor-unit digits of a currency (USD 2, JPY 0, …). */
const digitsCache = new Map<string, number>();

export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/**
 * Currencies whose minor unit exists in ISO 4217 but not in practice: amounts
 * are kept in minor units but always whole (docs/product-policies.md), so
 * they are shown without decimals.
 */
export const WHOLE_UNIT_CURRENCIES: ReadonlySet<string> = new Set(["TWD"]);

/** Money formats by locale, currency and style (built once each). */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(
  minorUnits: number,
  currency: string,
  locale: Locale | string,
  options: { compact?: boolean } = {},
): string {
  const digits = currencyDigits(currency);
  const major = minorUnits / 10 ** digits;
  const key = `${locale}|${currency}|${options.compact ? "compact" : "full"}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const shown = WHOLE_UNIT_CURRENCIES.has(currency) ? 0 : digits;
    format = numberFormat(locale, {
      style: "currency",
      currency,
      currencyDisplay: "symbol",
      ...(options.compact
        ? { notation: "compact", maximumFractionDigits: 1 }
        : { minimumFractionDigits: shown, maximumFractionDigits: shown }),
    });
    moneyFormats.set(key, format);
  }
  return format.format(major);
}

/** Plain number formats by locale: the common case skips the options key. */
const plainNumbers = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, locale: Locale | string, options?: Intl.NumberFormatOptions) {
  if (options === undefined) {
    let format = plainNumbers.get(locale);
    if (!format) {
      format = numberFormat(locale, {});
      plainNumbers.set(locale, format);
    }
    return format.format(value);
  }
  return numberFormat(locale, options).format(value);
}

export function formatPercent(fraction: number, locale: Locale | string, maximumFractionDigits = 0) {
  return numberFormat(locale, { style: "percent", maximumFractionDigits }).format(fraction);
}

/** Formats an ISO calendar date (YYYY-MM-DD) without any time-zone shift. */
/** Formatted dates by locale, style and day: a page shows the same few dates many times. */
const formattedDates = new Map<string, string>();
const FORMATTED_DATES_LIMIT = 10_000;

export function formatDate(
  isoDate: string,
  locale: Locale | string,
  style: "medium" | "long" | "short" | "monthYear" | "dayMonth" = "medium",
): string {
  const day = isoDate.slice(0, 10);
  const key = `${locale}|${style}|${day}`;
  let formatted = formattedDates.get(key);
  if (formatted === undefined) {
    const options: Intl.DateTimeFormatOptions =
      style === "monthYear"
        ? { year: "numeric", month: "short", timeZone: "UTC" }
        : style === "dayMonth"
          ? { day: "numeric", month: "short", timeZone: "UTC" }
          : { dateStyle: style, timeZone: "UTC" };
    formatted = dateFormat(locale, options).format(new Date(`${day}T00:00:00Z`));
    if (formattedDates.size >= FORMATTED_DATES_LIMIT) formattedDates.clear();
    formattedDates.set(key, formatted);
  }
  return formatted;
}

export function formatDateTime(instant: Date | string, locale: Locale | string, timeZone = "UTC"): string {
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(instant));
}
