import { createCookie } from "@remix-run/node";
import i18next, { type i18n as I18n, type TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";

import {
  DEFAULT_LOCALE,
  DEFAULT_NAMESPACE,
  LOCALE_COOKIE,
  LOCALES,
  isLocale,
  localeFromAcceptLanguage,
  type Locale,
} from "./config";
import { oncePerRequest } from "../request-scope.server";
import { memoizeFixedT } from "./memo-t.server";
import { loadResources, namespaces } from "./resources.server";

export const localeCookie = createCookie(LOCALE_COOKIE, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/**
 * Language detection: the `lng` cookie (set by the language switcher), else
 * Accept-Language mapped onto our four locales (zh-CN/zh-SG → zh-Hans,
 * zh-TW/zh-HK → zh-Hant), else English.
 */
export const remixI18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    order: ["cookie", "custom"],
    findLocale: async (request) => localeFromAcceptLanguage(request.headers.get("Accept-Language")),
  },
});

/**
 * The reader's language. Asked by the root loader, the page's loader and the
 * document renderer of the same request: worked out once per request (from
 * the two headers it reads).
 */
export function getLocale(request: Request): Promise<Locale> {
  const key = `locale\u0000${request.headers.get("Cookie") ?? ""}\u0000${request.headers.get("Accept-Language") ?? ""}`;
  return oncePerRequest(key, async () => {
    const locale = await remixI18n.getLocale(request);
    return isLocale(locale) ? locale : DEFAULT_LOCALE;
  });
}

// One initialised i18next instance per language, created once: creating one
// per request halves throughput (shared/STACK.md).
const instances = new Map<Locale, I18n>();

export function i18nFor(locale: Locale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    const resources = loadResources();
    instance = i18next.createInstance();
    void instance.init({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: [...LOCALES],
      ns: namespaces(resources),
      defaultNS: DEFAULT_NAMESPACE,
      resources,
      initAsync: false,
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
    });
    memoizeFixedT(instance);
    instances.set(locale, instance);
  }
  return instance;
}

/** A server-side translate function (emails, PDFs, meta titles). */
export function getFixedT(locale: Locale, namespace: string = DEFAULT_NAMESPACE): TFunction {
  return i18nFor(locale).getFixedT(locale, namespace);
}
