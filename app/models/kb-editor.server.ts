/**
 * The staff side of the knowledge base: every language version of an
 * article (published or not), publishing, helpfulness, failed searches and
 * deflected support requests. Writing an article reuses `upsertArticles`
 * and `rebuildSearchTerms` from kb.server.ts.
 */
import { sql, type SqlBool } from "kysely";

import type { KbCategory, Locale } from "../../db/schema";
import type { Database } from "~/lib/db.server";

type Db = Database;

export interface ArticleVersion {
  id: string;
  slug: string;
  locale: Locale;
  category: KbCategory;
  title: string;
  summary: string;
  keywords: string;
  bodyMd: string;
  published: boolean;
  updatedAt: Date;
  sourceUpdatedAt: Date | null;
  authorName: string | null;
}

/** Every language version of one article. */
export async function findArticleVersions(db: Db, slug: string): Promise<ArticleVersion[]> {
  return db
    .selectFrom("kbArticles as a")
    .leftJoin("staffUsers as s", "s.id", "a.authorStaffId")
    .select([
      "a.id",
      "a.slug",
      "a.locale",
      "a.category",
      "a.title",
      "a.summary",
      "a.keywords",
      "a.bodyMd",
      "a.published",
      "a.updatedAt",
      "a.sourceUpdatedAt",
      "s.name as authorName",
    ])
    .where("a.slug", "=", slug)
    .execute();
}

export async function articleSlugExists(db: Db, slug: string): Promise<boolean> {
  const row = await db.selectFrom("kbArticles").select("id").where("slug", "=", slug).limit(1).executeTakeFirst();
  return Boolean(row);
}

/** Locks one version for a save or a publish (inside a transaction). */
export async function lockArticleVersion(db: Db, slug: string, locale: Locale) {
  return db
    .selectFrom("kbArticles")
    .select(["id", "published", "updatedAt", "sourceUpdatedAt", "category"])
    .where("slug", "=", slug)
    .where("locale", "=", locale)
    .forUpdate()
    .executeTakeFirst();
}

export async function setArticlePublished(db: Db, slug: string, locale: Locale, published: boolean): Promise<boolean> {
  const result = await db
    .updateTable("kbArticles")
    .set({ published })
    .where("slug", "=", slug)
    .where("locale", "=", locale)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The category is the article's, not a language's: English decides it for every version. */
export async function setArticleCategory(db: Db, slug: string, category: KbCategory): Promise<void> {
  await db.updateTable("kbArticles").set({ category }).where("slug", "=", slug).where("category", "<>", category).execute();
}

// ---------------------------------------------------------------------------
// The article list
// ---------------------------------------------------------------------------

export interface ArticleListFilter {
  /** Part of a slug or an English title. */
  q?: string;
  /** Only articles with a missing or stale translation. */
  attention?: boolean;
  limit?: number;
  offset?: number;
}

export interface VersionSummary {
  slug: string;
  locale: Locale;
  title: string;
  category: KbCategory;
  published: boolean;
  updatedAt: Date;
  sourceUpdatedAt: Date | null;
}

/**
 * One page of articles (by slug) with every language version's dates, so the
 * editor can show published, draft, stale or missing per language. Paged by
 * slug: the benchmark's knowledge base has 20,000 articles a language.
 */
export async function listArticleVersions(
  db: Db,
  { q = "", attention = false, limit = 50, offset = 0 }: ArticleListFilter = {},
): Promise<{ versions: VersionSummary[]; totalArticles: number }> {
  const pattern = q.trim() ? `%${q.trim().slice(0, 100).replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  let slugs = db
    .selectFrom("kbArticles as e")
    .select(["e.slug", sql<number>`count(*) over ()`.as("total")])
    .where("e.locale", "=", "en");
  if (pattern) {
    slugs = slugs.where((eb) => eb.or([eb("e.slug", "ilike", pattern), eb("e.title", "ilike", pattern)]));
  }
  if (attention) {
    // Fewer than four versions, or a translation made from an older English text.
    slugs = slugs.where(
      sql<SqlBool>`(select count(*) from kb_articles t where t.slug = e.slug and t.locale <> 'en') < 3
        or exists (select 1 from kb_articles t where t.slug = e.slug and t.locale <> 'en'
                   and (t.source_updated_at is null or t.source_updated_at < e.updated_at))`,
    );
  }
  const page = await slugs.orderBy("e.slug").limit(limit).offset(offset).execute();
  if (page.length === 0) return { versions: [], totalArticles: 0 };
  const versions = await db
    .selectFrom("kbArticles")
    .select(["slug", "locale", "title", "category", "published", "updatedAt", "sourceUpdatedAt"])
    .where(
      "slug",
      "in",
      page.map((row) => row.slug),
    )
    .orderBy("slug")
    .execute();
  return { versions, totalArticles: Number(page[0]!.total) };
}

// ---------------------------------------------------------------------------
// Insights: helpfulness, failed searches, deflection
// ---------------------------------------------------------------------------

export interface ArticleHelpfulness {
  slug: string;
  title: string;
  helpful: number;
  notHelpful: number;
}

/** Yes/no votes per article (all languages together) since `since`, the least helpful first. */
export async function listArticleHelpfulness(db: Db, since: Date, limit = 20): Promise<ArticleHelpfulness[]> {
  const rows = await db
    .selectFrom("kbFeedback as f")
    .innerJoin("kbArticles as a", "a.id", "f.articleId")
    .select([
      "a.slug",
      sql<string>`coalesce(
        (select e.title from kb_articles e where e.slug = a.slug and e.locale = 'en'),
        min(a.title))`.as("title"),
      sql<number>`count(*) filter (where f.helpful)::int`.as("helpful"),
      sql<number>`count(*) filter (where not f.helpful)::int`.as("notHelpful"),
    ])
    .where("f.createdAt", ">=", since)
    .groupBy("a.slug")
    .orderBy(sql`count(*) filter (where not f.helpful)`, "desc")
    .orderBy(sql`count(*)`, "desc")
    .orderBy("a.slug")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, helpful: Number(row.helpful), notHelpful: Number(row.notHelpful) }));
}

export interface ArticleComment {
  slug: string;
  locale: Locale;
  title: string;
  helpful: boolean;
  comment: string;
  createdAt: Date;
}

export async function listRecentArticleComments(db: Db, since: Date, limit = 20): Promise<ArticleComment[]> {
  return db
    .selectFrom("kbFeedback as f")
    .innerJoin("kbArticles as a", "a.id", "f.articleId")
    .select(["a.slug", "a.locale", "a.title", "f.helpful", sql<string>`f.comment`.as("comment"), "f.createdAt"])
    .where("f.createdAt", ">=", since)
    .where("f.comment", "is not", null)
    .where("f.comment", "<>", "")
    .orderBy("f.createdAt", "desc")
    .limit(limit)
    .execute();
}

export interface FailedSearch {
  locale: Locale;
  query: string;
  searches: number;
  lastSearchedAt: Date;
}

/**
 * The most frequent searches that found nothing, per language, since
 * `since`: what to write next. Queries that differ only in case or spacing
 * count as one.
 */
export async function listFailedSearches(db: Db, since: Date, perLocale = 10): Promise<FailedSearch[]> {
  const rows = await sql<{ locale: Locale; query: string; searches: number; lastSearchedAt: Date }>`
    select locale, query, searches, last_searched_at as "lastSearchedAt"
    from (
      select locale, query, searches, last_searched_at,
             row_number() over (partition by locale order by searches desc, last_searched_at desc, query) as position
      from (
        select locale, lower(regexp_replace(btrim(query), '\\s+', ' ', 'g')) as query,
               count(*)::int as searches, max(created_at) as last_searched_at
        from kb_searches
        where result_count = 0 and created_at >= ${since}
        group by 1, 2
      ) grouped
    ) ranked
    where position <= ${perLocale}
    order by locale, searches desc, last_searched_at desc, query`.execute(db);
  return rows.rows.map((row) => ({ ...row, searches: Number(row.searches), lastSearchedAt: new Date(row.lastSearchedAt) }));
}

export const DEFLECTION_ACTION = "support.suggestion_opened";

export interface DeflectionSummary {
  /** Suggested articles opened from the request form. */
  opened: number;
  /** Requests sent in the same period, for scale. */
  requests: number;
  top: Array<{ slug: string; opened: number }>;
}

/** How often the request form's suggestions were opened instead of sending (audit events), since `since`. */
export async function summariseDeflection(db: Db, since: Date): Promise<DeflectionSummary> {
  const [opened, requests, top] = await Promise.all([
    db
      .selectFrom("auditEvents")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("entityType", "=", "kb_article")
      .where("action", "=", DEFLECTION_ACTION)
      .where("occurredAt", ">=", since)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("supportTickets")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("createdAt", ">=", since)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("auditEvents")
      .select(["entityId as slug", sql<number>`count(*)::int`.as("opened")])
      .where("entityType", "=", "kb_article")
      .where("action", "=", DEFLECTION_ACTION)
      .where("occurredAt", ">=", since)
      .groupBy("entityId")
      .orderBy(sql`count(*)`, "desc")
      .orderBy("entityId")
      .limit(10)
      .execute(),
  ]);
  return {
    opened: Number(opened.n),
    requests: Number(requests.n),
    top: top.map((row) => ({ slug: row.slug, opened: Number(row.opened) })),
  };
}
