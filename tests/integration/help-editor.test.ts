import path from "node:path";

import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";

import { seedKnowledgeBase } from "../../db/seed/kb";
import { searchHelpCentre } from "~/domain/help/search.server";
import { recordAudit } from "~/models/audit.server";
import { loader as publicArticleLoader } from "~/routes/help.articles.$slug";
import { loader as listLoader } from "~/routes/staff.help._index";
import { action as editAction, loader as editLoader } from "~/routes/staff.help.articles.$slug";
import { loader as insightsLoader } from "~/routes/staff.help.insights";
import { action as newAction } from "~/routes/staff.help.new";
import { seedDemo } from "../support/demo";
import { callAction, callLoader, sessionCookieFor } from "../support/routes";
import { useTestDatabase } from "../support/test-database";

const NOW = new Date("2026-11-25T10:00:00Z");
const database = useTestDatabase({ today: "2026-11-25T10:00:00Z" });
const context = {} as AppLoadContext;

let staff: string;
let staffId: string;

beforeAll(async () => {
  const demo = await seedDemo(database.db);
  await seedKnowledgeBase(database.db, { contentDir: path.resolve("content") });
  const li = await demo.staffByEmail("li.na@customer365.example");
  staffId = li.id;
  staff = await sessionCookieFor({ kind: "staff", staffUserId: li.id });
});

type States = Array<{ locale: string; state: string }>;

async function statesOf(slug: string): Promise<Record<string, string>> {
  const outcome = await callLoader(listLoader, { path: `/staff/help?q=${slug}`, cookie: staff });
  const article = (outcome.data as { articles: Array<{ slug: string; states: States }> }).articles.find((a) => a.slug === slug);
  return Object.fromEntries((article?.states ?? []).map((s) => [s.locale, s.state]));
}

async function editorFor(slug: string, locale = "en") {
  const outcome = await callLoader(editLoader, { path: `/staff/help/articles/${slug}?locale=${locale}`, params: { slug }, cookie: staff });
  return outcome.data as {
    version: { title: string; bodyMd: string; summary: string; keywords: string; category: string; updatedAt: string; sourceUpdatedAt: string | null; published: boolean } | null;
    english: { updatedAt: string; category: string };
    states: States;
  };
}

function saveForm(version: { title: string; summary: string; keywords: string; category: string; bodyMd: string; updatedAt?: string }, locale: string, changes: Record<string, string> = {}) {
  return {
    intent: "save",
    locale,
    title: version.title,
    summary: version.summary,
    keywords: version.keywords,
    category: version.category,
    bodyMd: version.bodyMd,
    baseUpdatedAt: version.updatedAt ?? "",
    ...changes,
  };
}

const HOSTILE = `Intro with <script>alert('x')</script> and <img src=x onerror="alert(1)">.

## Safe heading

[click](javascript:alert(1)) <a href="jav&#x09;ascript:alert(2)" onclick="alert(3)">me</a>
<iframe src="https://evil.example"></iframe><div onmouseover="alert(4)" style="position:fixed">hover</div>`;

describe("the article list", () => {
  it("shows every article with each language published, and none outdated after an import", async () => {
    const outcome = await callLoader(listLoader, { path: "/staff/help", cookie: staff });
    const data = outcome.data as { totalArticles: number; articles: Array<{ slug: string; states: States }> };
    expect(data.totalArticles).toBeGreaterThanOrEqual(24);
    expect(data.articles.every((a) => a.states.every((s) => s.state === "published"))).toBe(true);
    const attention = await callLoader(listLoader, { path: "/staff/help?attention=1", cookie: staff });
    expect((attention.data as { totalArticles: number }).totalArticles).toBe(0);
  });
});

describe("editing an article", () => {
  it("marks every translation outdated when the English article is saved, and a saved translation up to date again", async () => {
    const english = await editorFor("multi-year-terms");
    const saved = await callAction(editAction, {
      path: "/staff/help/articles/multi-year-terms",
      params: { slug: "multi-year-terms" },
      cookie: staff,
      form: saveForm(english.version!, "en", { bodyMd: `${english.version!.bodyMd}\n\nFrom 2027, 3-year terms can also be paid yearly.` }),
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe("/staff/help/articles/multi-year-terms?locale=en&saved=1");
    expect(await statesOf("multi-year-terms")).toEqual({ en: "published", ms: "stale", "zh-Hans": "stale", "zh-Hant": "stale" });
    const afterEnglish = await editorFor("multi-year-terms", "ms");
    expect(afterEnglish.english.updatedAt).toBe(NOW.toISOString());
    expect(afterEnglish.states.find((s) => s.locale === "ms")?.state).toBe("stale");

    const attention = await callLoader(listLoader, { path: "/staff/help?attention=1", cookie: staff });
    expect((attention.data as { articles: Array<{ slug: string }> }).articles.map((a) => a.slug)).toEqual(["multi-year-terms"]);

    const malay = afterEnglish.version!;
    const translated = await callAction(editAction, {
      path: "/staff/help/articles/multi-year-terms",
      params: { slug: "multi-year-terms" },
      cookie: staff,
      form: saveForm(malay, "ms", { bodyMd: `${malay.bodyMd}\n\nMulai 2027, terma 3 tahun juga boleh dibayar setiap tahun.` }),
    });
    expect(translated.status).toBe(303);
    expect(await statesOf("multi-year-terms")).toEqual({ en: "published", ms: "published", "zh-Hans": "stale", "zh-Hant": "stale" });
    const row = await database.db
      .selectFrom("kbArticles")
      .select(["sourceUpdatedAt", "authorStaffId", "published"])
      .where("slug", "=", "multi-year-terms")
      .where("locale", "=", "ms")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ sourceUpdatedAt: NOW, authorStaffId: staffId, published: true });
    const audit = await database.db.selectFrom("auditEvents").select(["action", "data"]).where("entityType", "=", "kb_article").where("entityId", "=", "multi-year-terms").execute();
    expect(audit).toEqual([
      { action: "kb_article.saved", data: { locale: "en", published: true } },
      { action: "kb_article.saved", data: { locale: "ms", published: true } },
    ]);
  });

  it("refuses a save over someone else's newer save", async () => {
    const english = await editorFor("adding-or-removing-seats");
    const stale = { ...english.version!, updatedAt: "2020-01-01T00:00:00.000Z" };
    const outcome = await callAction(editAction, { path: "/staff/help/articles/adding-or-removing-seats", params: { slug: "adding-or-removing-seats" }, cookie: staff, form: saveForm(stale, "en", { title: "Overwritten" }) });
    expect(outcome.status).toBe(409);
    expect(outcome.data).toMatchObject({ errors: { form: "staff-help:editor.errors.conflict" } });
    expect((await editorFor("adding-or-removing-seats")).version!.title).toBe(english.version!.title);
  });

  it("previews a hostile body as sanitised HTML and saves nothing", async () => {
    const before = await editorFor("adding-or-removing-seats");
    const outcome = await callAction(editAction, {
      path: "/staff/help/articles/adding-or-removing-seats",
      params: { slug: "adding-or-removing-seats" },
      cookie: staff,
      form: saveForm(before.version!, "en", { intent: "preview", bodyMd: HOSTILE }),
    });
    expect(outcome.status).toBe(200);
    const html = (outcome.data as { preview: { html: string } }).preview.html;
    expect(html).toContain('<h2 id="kb-safe-heading">Safe heading</h2>');
    expect(html).toContain("Intro with");
    for (const bad of ["<script", "onerror", "onclick", "onmouseover", "javascript:", "<iframe", "<img", "style="]) {
      expect(html.toLowerCase(), bad).not.toContain(bad);
    }
    const after = await editorFor("adding-or-removing-seats");
    expect(after.version!.updatedAt).toBe(before.version!.updatedAt);
    expect(after.version!.bodyMd).toBe(before.version!.bodyMd);
  });

  it("stores only sanitised HTML when a hostile body is saved, so the public page stays inert", async () => {
    const before = await editorFor("adding-or-removing-seats", "zh-Hant");
    await callAction(editAction, {
      path: "/staff/help/articles/adding-or-removing-seats",
      params: { slug: "adding-or-removing-seats" },
      cookie: staff,
      form: saveForm(before.version!, "zh-Hant", { bodyMd: HOSTILE }),
    });
    const page = (await publicArticleLoader({
      request: new Request("http://localhost/help/articles/adding-or-removing-seats", { headers: { "Accept-Language": "zh-TW", "User-Agent": "Mozilla/5.0 Chrome/126.0" } }),
      params: { slug: "adding-or-removing-seats" },
      context,
    })) as { article: { html: string } };
    expect(page.article.html).toContain("Safe heading");
    expect(page.article.html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe/i);
  });

  it("answers bad input with localised messages and changes nothing", async () => {
    const before = await editorFor("adding-or-removing-seats");
    const outcome = await callAction(editAction, {
      path: "/staff/help/articles/adding-or-removing-seats",
      params: { slug: "adding-or-removing-seats" },
      cookie: staff,
      form: saveForm(before.version!, "en", { title: "", category: "'; drop table kb_articles; --", bodyMd: "" }),
    });
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({
      errors: { title: "staff-help:editor.errors.titleRequired", category: "staff-help:editor.errors.category", bodyMd: "staff-help:editor.errors.bodyRequired" },
    });
    expect((await editorFor("adding-or-removing-seats")).version).toEqual(before.version);
    const missing = await callLoader(editLoader, { path: "/staff/help/articles/no-such-article", params: { slug: "no-such-article" }, cookie: staff });
    expect(missing.status).toBe(404);
    const hostileSlug = await callLoader(editLoader, { path: "/staff/help/articles/x", params: { slug: "../etc/passwd" }, cookie: staff });
    expect(hostileSlug.status).toBe(404);
  });
});

describe("a new article", () => {
  const NEW = {
    intent: "save",
    slug: "sandbox-refresh",
    title: "Refreshing your sandbox",
    summary: "Copy production data into the Sandbox Environment add-on.",
    category: "using-the-product",
    keywords: "sandbox, refresh, test data",
    bodyMd: "## When to refresh\n\nRefresh the sandbox before a training session so the xylograph data is current.",
  };

  it("starts as an English draft that readers cannot open or find until it is published", async () => {
    const created = await callAction(newAction, { path: "/staff/help/new", cookie: staff, form: NEW });
    expect(created.status).toBe(303);
    expect(created.location).toBe("/staff/help/articles/sandbox-refresh?locale=en&saved=1");
    expect(await statesOf("sandbox-refresh")).toEqual({ en: "draft", ms: "missing", "zh-Hans": "missing", "zh-Hant": "missing" });
    const readerRequest = () => new Request("http://localhost/help/articles/sandbox-refresh", { headers: { "Accept-Language": "en", "User-Agent": "Mozilla/5.0 Chrome/126.0" } });
    await expect(publicArticleLoader({ request: readerRequest(), params: { slug: "sandbox-refresh" }, context })).rejects.toMatchObject({ status: 404 });
    expect((await searchHelpCentre(database.db, { at: NOW, locale: "en", query: "xylograph" })).total).toBe(0);

    const published = await callAction(editAction, { path: "/staff/help/articles/sandbox-refresh", params: { slug: "sandbox-refresh" }, cookie: staff, form: { intent: "publish", locale: "en" } });
    expect(published.data).toEqual({ intent: "publish", ok: true, changed: true });
    const page = (await publicArticleLoader({ request: readerRequest(), params: { slug: "sandbox-refresh" }, context })) as { article: { title: string } };
    expect(page.article.title).toBe("Refreshing your sandbox");
    expect((await searchHelpCentre(database.db, { at: NOW, locale: "en", query: "xylograph" })).hits.map((h) => h.slug)).toEqual(["sandbox-refresh"]);

    await callAction(editAction, { path: "/staff/help/articles/sandbox-refresh", params: { slug: "sandbox-refresh" }, cookie: staff, form: { intent: "unpublish", locale: "en" } });
    expect((await searchHelpCentre(database.db, { at: NOW, locale: "en", query: "xylograph" })).total).toBe(0);
  });

  it("refuses a slug that is taken or malformed", async () => {
    const taken = await callAction(newAction, { path: "/staff/help/new", cookie: staff, form: { ...NEW, slug: "adding-or-removing-seats" } });
    expect(taken.status).toBe(409);
    expect(taken.data).toMatchObject({ errors: { slug: "staff-help:editor.errors.slugTaken" } });
    const malformed = await callAction(newAction, { path: "/staff/help/new", cookie: staff, form: { ...NEW, slug: "Hello World!" } });
    expect(malformed.status).toBe(400);
    expect(malformed.data).toMatchObject({ errors: { slug: "staff-help:editor.errors.slug" } });
  });

  it("cannot publish a translation that was never written", async () => {
    const outcome = await callAction(editAction, { path: "/staff/help/articles/sandbox-refresh", params: { slug: "sandbox-refresh" }, cookie: staff, form: { intent: "publish", locale: "ms" } });
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({ errors: { form: "staff-help:editor.errors.saveFirst" } });
  });
});

describe("readers and searches", () => {
  it("reports the most frequent failed searches per language for the last 30 days, and helpfulness and deflection", async () => {
    const day = 86_400_000;
    await database.db
      .insertInto("kbSearches")
      .values([
        { locale: "en", query: "refund policy", resultCount: 0, createdAt: new Date(NOW.getTime() - 1 * day) },
        { locale: "en", query: "Refund  Policy", resultCount: 0, createdAt: new Date(NOW.getTime() - 2 * day) },
        { locale: "en", query: " refund policy ", resultCount: 0, createdAt: new Date(NOW.getTime() - 3 * day) },
        { locale: "en", query: "gdpr <script>", resultCount: 0, createdAt: new Date(NOW.getTime() - 1 * day) },
        // Too old, or not a failure: left out.
        { locale: "en", query: "ancient question", resultCount: 0, createdAt: new Date(NOW.getTime() - 40 * day) },
        { locale: "en", query: "invoice", resultCount: 4, createdAt: new Date(NOW.getTime() - 1 * day) },
        { locale: "ms", query: "bayaran balik", resultCount: 0, createdAt: new Date(NOW.getTime() - 1 * day) },
        { locale: "ms", query: "bayaran balik", resultCount: 0, createdAt: new Date(NOW.getTime() - 5 * day) },
        { locale: "zh-Hans", query: "退款", resultCount: 0, createdAt: new Date(NOW.getTime() - 1 * day) },
      ])
      .execute();
    const article = await database.db.selectFrom("kbArticles").select("id").where("slug", "=", "invoices-and-receipts").where("locale", "=", "en").executeTakeFirstOrThrow();
    await database.db
      .insertInto("kbFeedback")
      .values([
        { articleId: article.id, visitorHash: "a".repeat(64), helpful: false, comment: "Where is the tax ID on the receipt?", createdAt: new Date(NOW.getTime() - day) },
        { articleId: article.id, visitorHash: "b".repeat(64), helpful: false, comment: null, createdAt: new Date(NOW.getTime() - day) },
        { articleId: article.id, visitorHash: "c".repeat(64), helpful: true, comment: null, createdAt: new Date(NOW.getTime() - day) },
      ])
      .execute();
    await recordAudit(database.db, {
      actorKind: "contact",
      actorId: null,
      accountId: null,
      entityType: "kb_article",
      entityId: "invoices-and-receipts",
      action: "support.suggestion_opened",
      at: new Date(NOW.getTime() - day),
    });

    const outcome = await callLoader(insightsLoader, { path: "/staff/help/insights", cookie: staff });
    const data = outcome.data as {
      failed: Array<{ locale: string; searches: Array<{ query: string; searches: number }> }>;
      helpfulness: Array<{ slug: string; helpful: number; notHelpful: number }>;
      comments: Array<{ slug: string; comment: string; helpful: boolean }>;
      deflection: { opened: number; top: Array<{ slug: string; opened: number }> };
    };
    const byLocale = Object.fromEntries(data.failed.map((f) => [f.locale, f.searches]));
    expect(byLocale.en).toEqual([
      { query: "refund policy", searches: 3, last: "2026-11-24" },
      // Searched above while "sandbox-refresh" was a draft, then unpublished: nothing to find.
      { query: "xylograph", searches: 2, last: "2026-11-25" },
      { query: "gdpr <script>", searches: 1, last: "2026-11-24" },
    ]);
    expect(byLocale.ms).toEqual([{ query: "bayaran balik", searches: 2, last: "2026-11-24" }]);
    expect(byLocale["zh-Hans"]).toEqual([{ query: "退款", searches: 1, last: "2026-11-24" }]);
    expect(byLocale["zh-Hant"]).toEqual([]);

    expect(data.helpfulness[0]).toMatchObject({ slug: "invoices-and-receipts", helpful: 1, notHelpful: 2 });
    expect(data.comments[0]).toMatchObject({ slug: "invoices-and-receipts", comment: "Where is the tax ID on the receipt?", helpful: false });
    expect(data.deflection.opened).toBe(1);
    expect(data.deflection.top).toEqual([{ slug: "invoices-and-receipts", opened: 1 }]);
  });

  it("is for staff only", async () => {
    expect((await callLoader(insightsLoader, { path: "/staff/help/insights" })).status).toBe(302);
  });
});
