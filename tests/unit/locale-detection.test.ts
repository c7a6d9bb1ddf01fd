import { describe, expect, it, vi } from "vitest";

import { localeFromAcceptLanguage, matchLocale } from "~/lib/i18n/config";

describe("matchLocale", () => {
  it.each([
    ["en", "en"],
    ["en-US", "en"],
    ["ms", "ms"],
    ["ms-MY", "ms"],
    ["zh", "zh-Hans"],
    ["zh-CN", "zh-Hans"],
    ["zh-SG", "zh-Hans"],
    ["zh-Hans", "zh-Hans"],
    ["zh-Hans-CN", "zh-Hans"],
    ["zh-TW", "zh-Hant"],
    ["zh-HK", "zh-Hant"],
    ["zh-MO", "zh-Hant"],
    ["zh-Hant", "zh-Hant"],
    ["zh-Hant-HK", "zh-Hant"],
    ["zh_TW", "zh-Hant"],
    ["fr-FR", null],
    ["", null],
  ])("%s → %s", (tag, expected) => {
    expect(matchLocale(tag)).toBe(expected);
  });
});

describe("localeFromAcceptLanguage", () => {
  it("prefers the highest q-value that we speak", () => {
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,zh-TW;q=0.8,en;q=0.7")).toBe("zh-Hant");
    expect(localeFromAcceptLanguage("en;q=0.5, ms-MY;q=0.9")).toBe("ms");
  });

  it("keeps header order for equal q-values", () => {
    expect(localeFromAcceptLanguage("zh-CN, en")).toBe("zh-Hans");
  });

  it("ignores q=0 and nonsense", () => {
    expect(localeFromAcceptLanguage("ms;q=0, en;q=0.1")).toBe("en");
    expect(localeFromAcceptLanguage(";;;,,q=1")).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
    expect(localeFromAcceptLanguage("de, fr")).toBeNull();
  });
});

describe("getLocale", () => {
  it("reads the cookie, then Accept-Language, and works it out once per request", async () => {
    const { getLocale, localeCookie, remixI18n } = await import("~/lib/i18n/i18n.server");
    const { runInRequestScope } = await import("~/lib/request-scope.server");
    const detect = vi.spyOn(remixI18n, "getLocale");
    try {
      const cookie = (await localeCookie.serialize("ms")).split(";")[0]!;
      const request = new Request("http://portal.test/", { headers: { Cookie: cookie, "Accept-Language": "zh-TW" } });
      expect(await getLocale(request)).toBe("ms");
      expect(await getLocale(new Request("http://portal.test/", { headers: { "Accept-Language": "zh-TW" } }))).toBe("zh-Hant");
      detect.mockClear();
      const [a, b] = await runInRequestScope(() => Promise.all([getLocale(request), getLocale(new Request(request))]));
      expect([a, b]).toEqual(["ms", "ms"]);
      expect(detect).toHaveBeenCalledTimes(1);
    } finally {
      detect.mockRestore();
    }
  });
});
