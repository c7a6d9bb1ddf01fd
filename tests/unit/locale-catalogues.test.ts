import { describe, expect, it } from "vitest";

import { LOCALES } from "~/lib/i18n/config";
import { loadResources, type Catalogue } from "~/lib/i18n/resources.server";

function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object") {
      for (const [k, v] of flatten(value as Catalogue, path)) out.set(k, v);
    } else {
      out.set(path, String(value));
    }
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();

const resources = loadResources();
const english = resources.en;

describe("locale catalogues", () => {
  it("has the four portal locales", () => {
    expect(Object.keys(resources).sort()).toEqual([...LOCALES].sort());
  });

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    describe(locale, () => {
      it("has every namespace English has", () => {
        expect(Object.keys(resources[locale]).sort()).toEqual(Object.keys(english).sort());
      });

      for (const namespace of Object.keys(english)) {
        it(`${namespace}: has every key English has, and no stray ones`, () => {
          const en = flatten(english[namespace] ?? {});
          const other = flatten(resources[locale][namespace] ?? {});
          const missing = [...en.keys()].filter((k) => !other.has(k));
          const extra = [...other.keys()].filter((k) => !en.has(k));
          expect(missing, `${locale}/${namespace}.json lacks keys`).toEqual([]);
          expect(extra, `${locale}/${namespace}.json has keys English lacks`).toEqual([]);
        });

        it(`${namespace}: keeps every {{placeholder}} and leaves nothing empty`, () => {
          const en = flatten(english[namespace] ?? {});
          const other = flatten(resources[locale][namespace] ?? {});
          for (const [key, text] of other) {
            expect(text.trim(), `${locale}/${namespace}:${key} is empty`).not.toBe("");
            expect(placeholders(text), `${locale}/${namespace}:${key} placeholders`).toEqual(
              placeholders(en.get(key) ?? ""),
            );
          }
        });
      }
    });
  }
});
