/** Locales the portal speaks, shared by server and client. */
export const LOCALES = ["en", "ms", "zh-Hans", "zh-Hant"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const DEFAULT_NAMESPACE = "common";
export const LOCALE_COOKIE = "lng";
/** The id of the script element that carries the page's catalogues (I18nStore → entry.client). */
export const I18N_STORE_ID = "i18n-store";

/** The BCP 47 tag Intl formats with, per portal locale. */
export const INTL_LOCALE: Record<Locale, string> = {
  en: "en-GB",
  ms: "ms-MY",
  "zh-Hans": "zh-Hans-CN",
  "zh-Hant": "zh-Hant-TW",
};

/** Each language's own name, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  ms: "Bahasa Melayu",
  "zh-Hans": "简体中文",
  "zh-Hant": "繁體中文",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * Maps one language tag (from Accept-Language or a cookie) to a portal locale:
 * zh-CN, zh-SG, zh-Hans… → zh-Hans; zh-TW, zh-HK, zh-MO, zh-Hant… → zh-Hant;
 * ms, ms-MY… → ms; en-* → en. Unknown tags give null.
 */
export function matchLocale(tag: string): Locale | null {
  const parts = tag.trim().toLowerCase().split(/[-_]/);
  const [language] = parts;
  if (language === "en") return "en";
  if (language === "ms") return "ms";
  if (language === "zh") {
    if (parts.includes("hant")) return "zh-Hant";
    if (parts.includes("hans")) return "zh-Hans";
    if (parts.some((p) => p === "tw" || p === "hk" || p === "mo")) return "zh-Hant";
    return "zh-Hans";
  }
  return null;
}

/** Picks the best portal locale from an Accept-Language header (by q-value). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return null;
}
