import { readFileSync } from "node:fs";

import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";

import { loadResources } from "~/lib/i18n/resources.server";

import { CATALOGUE } from "../../../db/seed/factories";

/*
 * The engine speaks in i18n keys of the `pricing` namespace; the existing
 * catalogue test makes every locale match English, so checking English here
 * covers all four.
 */
const resources = loadResources();
const english = resources.en;
const pricing = english.pricing as Record<string, Record<string, unknown>>;
const catalog = english.catalog as { products: Record<string, { name?: string; description?: string }> };

const engineSource = readFileSync(new URL("../../../app/domain/pricing/engine.ts", import.meta.url), "utf8");
const codes = (prefix: string) =>
  [...new Set([...engineSource.matchAll(new RegExp(`code: "${prefix}\\.(\\w+)"`, "g"))].map((m) => m[1] as string))].sort();

describe("pricing locale keys", () => {
  it("has a message for every error the engine returns, and none it never returns", () => {
    expect(codes("errors").length).toBeGreaterThan(10);
    expect(Object.keys(pricing.errors ?? {}).sort()).toEqual(codes("errors"));
  });

  it("has a message for every warning the engine returns, and none it never returns", () => {
    expect(Object.keys(pricing.warnings ?? {}).sort()).toEqual(codes("warnings"));
  });

  it("labels every discount line, with singular and plural forms where a count is shown", () => {
    const lines = pricing.lines ?? {};
    for (const key of ["multi_year_one", "multi_year_other", "early_renewal_one", "early_renewal_other", "save_offer"]) {
      expect(lines[key], key).toEqual(expect.stringContaining("{{percent}}"));
    }
    expect(lines.early_renewal_other).toBe("Early-renewal discount ({{percent}}%, {{count}} days before end)");
    expect(lines.multi_year_other).toBe("Multi-year discount ({{count}} years, {{percent}}%)");
  });

  it("names and describes each of the nine products the seed sells", () => {
    expect(Object.keys(catalog.products).sort()).toEqual(CATALOGUE.map((entry) => entry.code).sort());
    for (const entry of CATALOGUE) {
      expect(catalog.products[entry.code]?.name, entry.code).toBe(entry.name);
      expect(catalog.products[entry.code]?.description, entry.code).toMatch(/^[A-Z].{20,}\.$/);
    }
  });

  it("reads as the brief's line labels in every language, singular and plural", async () => {
    const i18n = createInstance();
    await i18n.init({ resources, lng: "en", fallbackLng: false, interpolation: { escapeValue: false } });
    const label = (lng: string, key: string, values: Record<string, unknown>) => i18n.getFixedT(lng, "pricing")(key, values);
    expect(label("en", "lines.early_renewal", { count: 95, percent: 10 })).toBe("Early-renewal discount (10%, 95 days before end)");
    expect(label("en", "lines.early_renewal", { count: 1, percent: 4 })).toBe("Early-renewal discount (4%, 1 day before end)");
    expect(label("en", "lines.multi_year", { count: 2, percent: 5 })).toBe("Multi-year discount (2 years, 5%)");
    expect(label("ms", "lines.early_renewal", { count: 95, percent: 10 })).toBe("Diskaun pembaharuan awal (10%, 95 hari sebelum tamat)");
    expect(label("zh-Hans", "lines.multi_year", { count: 2, percent: 5 })).toBe("多年期折扣（2 年，5%）");
    expect(label("zh-Hant", "lines.early_renewal", { count: 1, percent: 4 })).toBe("提前續約折扣（4%，到期前 1 天）");
  });
});
