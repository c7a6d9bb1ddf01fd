import path from "node:path";

import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";

import { seedKnowledgeBase } from "../../db/seed/kb";
import { searchHelpCentre, type HelpSearchResult } from "~/domain/help/search.server";
import type { SnippetPart } from "~/domain/help/snippet";
import type { Locale } from "~/lib/i18n/config";
import { countArticleView, listPopularArticles } from "~/models/kb.server";
import { useTestDatabase } from "../support/test-database";

const database = useTestDatabase();
const CONTENT = path.resolve("content");

beforeAll(async () => {
  await seedKnowledgeBase(database.db, { contentDir: CONTENT });
});

const slugs = (result: HelpSearchResult) => result.hits.map((hit) => hit.slug);
const marked = (parts: SnippetPart[]) => parts.filter((p) => p.mark).map((p) => p.text);

async function failedSearches() {
  return database.db.selectFrom("kbSearches").select(["locale", "query", "resultCount"]).orderBy("id").execute();
}

describe("importing the knowledge base", () => {
  it("loads every article in all four languages, published, with its English source date", async () => {
    const rows = await database.db
      .selectFrom("kbArticles")
      .select(["locale", "slug", "published", "updatedAt", "sourceUpdatedAt", "bodyHtml", "category"])
      .execute();
    expect(rows).toHaveLength(31 * 4);
    for (const locale of ["en", "ms", "zh-Hans", "zh-Hant"]) expect(rows.filter((r) => r.locale === locale)).toHaveLength(31);
    const english = new Map(rows.filter((r) => r.locale === "en").map((r) => [r.slug, r]));
    for (const row of rows) {
      expect(row.published).toBe(true);
      expect(row.sourceUpdatedAt?.toISOString()).toBe(english.get(row.slug)!.updatedAt.toISOString());
      expect(row.category).toBe(english.get(row.slug)!.category);
      expect(row.bodyHtml).toMatch(/<h2 id="kb-/);
      expect(row.bodyHtml).not.toMatch(/<script|href="\s*javascript:|<[^>]*\son\w+=/i);
    }
  });

  it("can run again: articles are updated in place, views kept, nothing duplicated", async () => {
    const before = await database.db
      .selectFrom("kbArticles")
      .select(["id", "views"])
      .where("slug", "=", "auto-renew")
      .where("locale", "=", "en")
      .executeTakeFirstOrThrow();
    await countArticleView(database.db, before.id);
    const summary = await seedKnowledgeBase(database.db, { contentDir: CONTENT });
    expect(summary.articles).toBe(124);
    expect(summary.searchTerms).toBeGreaterThan(1500);
    const after = await database.db
      .selectFrom("kbArticles")
      .select(["id", "views"])
      .where("slug", "=", "auto-renew")
      .where("locale", "=", "en")
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ id: before.id, views: before.views + 1 });
    const { n } = await database.db
      .selectFrom("kbArticles")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    expect(n).toBe(124);
  });
});

describe("searching in each language", () => {
  it.each<[Locale, string, string, RegExp]>([
    ["en", "grace period", "end-date-and-grace-period", /^(grace|period)$/i],
    ["en", "tax id", "tax-ids-and-billing-details", /^(tax|ids?)$/i],
    ["en", "how do I export my data", "exporting-your-data", /^(export\w*|data)$/i],
    ["ms", "tempoh ihsan", "end-date-and-grace-period", /^(tempoh|ihsan)$/i],
    ["ms", "invois", "invoices-and-receipts", /^invois$/i],
    ["zh-Hans", "宽限期", "end-date-and-grace-period", /^宽限期$/],
    ["zh-Hans", "如何导出数据", "exporting-your-data", /^[导出数据]{2,4}$/],
    ["zh-Hant", "發票", "invoices-and-receipts", /^發票$/],
    ["zh-Hant", "匯出資料", "exporting-your-data", /^[匯出資料]{2,4}$/],
  ])("%s: “%s” finds %s first, with the words highlighted", async (locale, query, slug, highlight) => {
    const result = await searchHelpCentre(database.db, { at: database.services.clock.now(), locale, query });
    expect(result.problem).toBeNull();
    expect(result.hits[0]?.slug).toBe(slug);
    expect(result.total).toBeGreaterThanOrEqual(1);
    const first = result.hits[0]!;
    const marks = [...marked(first.title), ...marked(first.snippet)];
    expect(marks.length).toBeGreaterThan(0);
    for (const text of marks) expect(text).toMatch(highlight);
  });

  it("searches only the reader's language", async () => {
    const english = await searchHelpCentre(database.db, { at: database.services.clock.now(), locale: "en", query: "perkhidmatan" });
    expect(english.total).toBe(0);
    const malay = await searchHelpCentre(database.db, { at: database.services.clock.now(), locale: "ms", query: "perkhidmatan" });
    expect(malay.total).toBeGreaterThan(0);
    const chinese = await searchHelpCentre(database.db, { at: database.services.clock.now(), locale: "zh-Hans", query: "發票" });
    expect(slugs(chinese)).not.toContain("invoices-and-receipts");
  });
});

describe("typos and suggestions", () => {
  it("finds the renewal articles for a misspelled English word and says what it searched for", async () => {
    const result = await searchHelpCentre(database.db, { at: database.services.clock.now(), locale: "en", query: "renewl" });
    expect(result.showingSuggestion).toBe(true);
    expect(result.suggestion).toMatch(/^renew(al)?$/);
    expect(slugs(result)).toContain("how-renewal-works");
  });

  it("finds the renewal articles for a misspelled Malay word", async () => {
    const result = await searchHelpCentre(database.db, { at: database.services.clock.now(), locale: "ms", query: "pembaharun" });
    expect(result.suggestion).toBe("pembaharuan");
    expect(result.showingSuggestion).toBe(true);
    expect(slugs(result)).toContain("how-renewal-works");
  });

  it("puts the corrected article first when the misspelling is unambiguous", async () => {
    const result = await searchHelpCentre(database.db, { at: database.services.clock.now(), locale: "en", query: "invoce" });
    expect(result.suggestion).toBe("invoice");
    expect(result.hits[0]?.slug).toBe("invoices-and-receipts");
  });

  it("offers “did you mean” beside partial results, keeping the words that were right", async () => {
    const result = await searchHelpCentre(database.db, { at: database.services.clock.now(), locale: "en", query: "grace perod" });
    expect(result.total).toBeGreaterThan(0);
    expect(result.showingSuggestion).toBe(false);
    expect(result.suggestion).toBe("grace period");
  });

  it("does not “correct” words the articles use in another form", async () => {
    const result = await searchHelpCentre(database.db, { at: database.services.clock.now(), locale: "en", query: "renewing" });
    expect(result.suggestion).toBeNull();
    expect(result.total).toBeGreaterThan(0);
  });

  it("offers popular articles when nothing matches, and no made-up suggestion", async () => {
    const result = await searchHelpCentre(database.db, { at: database.services.clock.now(), locale: "en", query: "xylophone lessons" });
    expect(result.total).toBe(0);
    expect(result.hits).toEqual([]);
    expect(result.suggestion).toBeNull();
    expect(result.popular).toHaveLength(5);
  });
});

describe("bad input", () => {
  it("searches nothing for an empty or one-character query, and records nothing", async () => {
    const before = (await failedSearches()).length;
    for (const query of ["", "   ", null, undefined, ["a", "b"], "a", "税", "\u0000\u0001"]) {
      const result = await searchHelpCentre(database.db, { at: database.services.clock.now(), locale: "en", query });
      expect(result.hits).toEqual([]);
      expect(result.problem).toMatch(/^(empty|too_short)$/);
      expect(result.popular.length).toBeGreaterThan(0);
    }
    expect(await failedSearches()).toHaveLength(before);
  });

  it("handles a 10 kB query: cut to 200 characters and searched", async () => {
    const result = await searchHelpCentre(database.db, { at: database.services.clock.now(), locale: "en", query: "grace period ".repeat(800) });
    expect(Array.from(result.query).length).toBeLessThanOrEqual(200);
    expect(result.hits[0]?.slug).toBe("end-date-and-grace-period");
    const noise = await searchHelpCentre(database.db, {
      at: database.services.clock.now(),
      locale: "zh-Hans",
      query: Array.from({ length: 10_240 }, (_, i) => String.fromCharCode(i % 0xd7ff)).join(""),
    });
    expect(Array.from(noise.query).length).toBeLessThanOrEqual(200);
  });

  it("treats SQL and tsquery syntax in a query as words, changing nothing", async () => {
    const queries = [
      "'; drop table kb_articles; --",
      "renewal' or '1'='1",
      "a & | ! ( ) :* <-> \\ ' \"",
      "invoice:* & !renew",
      "<img src=x onerror=alert(1)>",
    ];
    for (const query of queries) {
      for (const locale of ["en", "ms", "zh-Hans", "zh-Hant"] as const) {
        await expect(searchHelpCentre(database.db, { at: database.services.clock.now(), locale, query })).resolves.toBeTruthy();
      }
    }
    const { n } = await database.db
      .selectFrom("kbArticles")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    expect(n).toBe(124);
  });
});

describe("failed searches", () => {
  it("records a search that found nothing, truncated to 200 characters, and not one that found something", async () => {
    const before = (await failedSearches()).length;
    await searchHelpCentre(database.db, { at: database.services.clock.now(), locale: "ms", query: "  mesin   kopi\u0007 " });
    await searchHelpCentre(database.db, { at: database.services.clock.now(), locale: "en", query: "grace period" });
    await searchHelpCentre(database.db, { at: database.services.clock.now(), locale: "en", query: "invoce" });
    await searchHelpCentre(database.db, { at: database.services.clock.now(), locale: "zh-Hant", query: `量子${"電".repeat(400)}` });
    const recorded = (await failedSearches()).slice(before);
    expect(recorded).toEqual([
      { locale: "ms", query: "mesin kopi", resultCount: 0 },
      { locale: "zh-Hant", query: `量子${"電".repeat(198)}`, resultCount: 0 },
    ]);
  });
});

describe("popular articles", () => {
  it("are the most read, in the reader's language", async () => {
    const rows = await database.db
      .selectFrom("kbArticles")
      .select(["id", "slug"])
      .where("locale", "=", "ms")
      .where("slug", "in", ["multi-year-terms", "sign-in-links"])
      .execute();
    const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
    for (let i = 0; i < 30; i++) await countArticleView(database.db, bySlug.get("multi-year-terms")!);
    for (let i = 0; i < 20; i++) await countArticleView(database.db, bySlug.get("sign-in-links")!);
    const popular = await listPopularArticles(database.db, { locale: "ms", limit: 3 });
    expect(popular.map((a) => [a.slug, a.locale])).toEqual([
      ["multi-year-terms", "ms"],
      ["sign-in-links", "ms"],
      expect.any(Array),
    ]);
  });
});
