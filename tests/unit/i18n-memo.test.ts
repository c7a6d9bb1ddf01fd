import i18next, { type i18n as I18n } from "i18next";
import { describe, expect, it, vi } from "vitest";

import { MEMO_LIMIT, memoizeFixedT } from "~/lib/i18n/memo-t.server";

const resources = {
  en: {
    account: {
      seats: "Seats",
      daysLeft_one: "{{count}} day left",
      daysLeft_other: "{{count}} days left",
      range: "{{start}} to {{end}}",
      friend_male: "A boyfriend",
      friend_female: "A girlfriend",
      friend: "A friend",
      list: ["a", "b"],
    },
    common: { fallbackOnly: "From common" },
  },
  ms: { account: { seats: "Tempat duduk", daysLeft_other: "{{count}} hari lagi" } },
};

function instance(memoised: boolean): I18n {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: "en",
    fallbackLng: "en",
    resources,
    ns: ["account", "common"],
    defaultNS: "common",
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  if (memoised) memoizeFixedT(i18n);
  return i18n;
}

type LooseT = (key: string, options?: Record<string, unknown>) => unknown;

/** getFixedT as react-i18next calls it (with the scope option its types leave out). */
function fixedT(i18n: I18n, lng: string, ns: string, scope?: { scopeNs: string[] }): LooseT {
  return (i18n.getFixedT as unknown as (...args: unknown[]) => LooseT)(lng, ns, undefined, scope);
}

const calls: [string, Record<string, unknown>?][] = [
  ["seats"],
  ["daysLeft", { count: 1 }],
  ["daysLeft", { count: 88 }],
  ["daysLeft", { count: "88" }],
  ["range", { start: "1 Jan", end: "2 Feb" }],
  ["range", { start: "3 Mar", end: "4 Apr" }],
  ["range", { start: undefined, end: null }],
  ["friend", { context: "male" }],
  ["friend", { context: "female" }],
  ["friend"],
  ["missing.key", { defaultValue: "Shown instead" }],
  ["missing.key", { defaultValue: "Another default" }],
  ["common:fallbackOnly"],
];

describe("memoised fixed t (server renders)", () => {
  it("gives exactly what i18next gives, in every language and scope, on first and repeated calls", () => {
    const plain = instance(false);
    const memo = instance(true);
    for (const lng of ["en", "ms"]) {
      for (const scope of [undefined, { scopeNs: ["account", "common"] }]) {
        const expected = fixedT(plain, lng, "account", scope);
        const actual = fixedT(memo, lng, "account", scope);
        for (const round of [1, 2]) {
          for (const [key, options] of calls) {
            expect(actual(key, options), `${lng} ${key} ${JSON.stringify(options)} round ${round}`).toBe(expected(key, options));
          }
        }
      }
    }
  });

  it("answers a repeated call without asking i18next again", () => {
    const memo = instance(true);
    const translate = vi.spyOn(memo, "t");
    const t = fixedT(memo, "en", "account", { scopeNs: ["account"] });
    expect(t("daysLeft", { count: 88 })).toBe("88 days left");
    expect(t("daysLeft", { count: 88 })).toBe("88 days left");
    expect(fixedT(memo, "en", "account", { scopeNs: ["account"] })("daysLeft", { count: 88 })).toBe("88 days left");
    expect(translate).toHaveBeenCalledTimes(1);
    expect(t("daysLeft", { count: 2 })).toBe("2 days left");
    expect(translate).toHaveBeenCalledTimes(2);
  });

  it("keeps languages, namespaces and value types apart", () => {
    const memo = instance(true);
    expect(fixedT(memo, "en", "account")("seats")).toBe("Seats");
    expect(fixedT(memo, "ms", "account")("seats")).toBe("Tempat duduk");
    expect(fixedT(memo, "en", "common")("seats")).toBe("seats");
    expect(fixedT(memo, "en", "account")("daysLeft", { count: 1 })).toBe("1 day left");
    expect(fixedT(memo, "ms", "account")("daysLeft", { count: 5 })).toBe("5 hari lagi");
  });

  it("passes calls with objects, functions or returnObjects straight to i18next", () => {
    const memo = instance(true);
    const translate = vi.spyOn(memo, "t");
    const t = fixedT(memo, "en", "account");
    expect(t("list", { returnObjects: true })).toEqual(["a", "b"]);
    expect(t("list", { returnObjects: true })).toEqual(["a", "b"]);
    expect(t("range", { start: { toString: () => "x" }, end: "y" })).toBe("x to y");
    expect(t("range", { start: { toString: () => "z" }, end: "y" })).toBe("z to y");
    expect(translate).toHaveBeenCalledTimes(4);
  });

  it("starts over instead of growing without bound", () => {
    const memo = instance(true);
    const translate = vi.spyOn(memo, "t");
    const t = fixedT(memo, "en", "account");
    for (let count = 0; count <= MEMO_LIMIT; count++) t("daysLeft", { count });
    translate.mockClear();
    t("daysLeft", { count: 1 });
    expect(translate).toHaveBeenCalledTimes(1); // dropped when the memo started over
    t("daysLeft", { count: MEMO_LIMIT });
    expect(translate).toHaveBeenCalledTimes(1); // the newest entry was kept
  });
});
