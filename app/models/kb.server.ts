/**
 * Knowledge-base data access: articles, search, search vocabulary, failed
 * searches, views and feedback. Every function takes the Kysely handle (the
 * database or a transaction) first. The staff editor reuses `upsertArticles`
 * and `rebuildSearchTerms`.
 */
import { sql, type SqlBool } from "kysely";

import type { KbCategory, Locale } from "../../db/schema";
import { MAX_QUERY_LENGTH, searchConfig, toTsQuery, type SearchTerms } from "~/domain/help/query";
import type { Database } from "~/lib/db.server";
import { INTL_LOCALE } from "~/lib/i18n/config";

type Db = Database;

// ---------------------------------------------------------------------------
// Writing articles
// ---------------------------------------------------------------------------

export interface ArticleRow {
  slug: string;
  locale: Locale;
  category: KbCategory;
  title: string;
  summary: string;
  keywords: string;
  bodyMd: string;
  /** Sanitised HTML from renderArticleMarkdown (app/domain/help/markdown.server.ts). */
  bodyHtml: string;
  published: boolean;
  /** When this version was written (ISO date or instant). */
  updatedAt: string | Date;
  /** The English article's date this version was translated from (the English article: its own date). */
  sourceUpdatedAt: string | Date | null;
  authorStaffId?: string | null;
}

/**
 * Inserts or updates articles by (locale, slug), in chunks. Views and
 * feedback survive an update; `created_at` stays the first import's.
 */
export async function upsertArticles(db: Db, rows: readonly ArticleRow[]): Promise<number> {
  const CHUNK = 200;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const values = rows.slice(start, start + CHUNK).map((row) => ({
      slug: row.slug,
      locale: row.locale,
      category: row.category,
      title: row.title,
      summary: row.summary,
      keywords: row.keywords,
      bodyMd: row.bodyMd,
      bodyHtml: row.bodyHtml,
      published: row.published,
      updatedAt: row.updatedAt,
      createdAt: row.updatedAt,
      sourceUpdatedAt: row.sourceUpdatedAt,
      authorStaffId: row.authorStaffId ?? null,
    }));
    await db
      .insertInto("kbArticles")
      .values(values)
      .onConflict((oc) =>
        oc.columns(["locale", "slug"]).doUpdateSet((eb) => ({
          category: eb.ref("excluded.category"),
          title: eb.ref("excluded.title"),
          summary: eb.ref("excluded.summary"),
          keywords: eb.ref("excluded.keywords"),
          bodyMd: eb.ref("excluded.bodyMd"),
          bodyHtml: eb.ref("excluded.bodyHtml"),
          published: eb.ref("excluded.published"),
          updatedAt: eb.ref("excluded.updatedAt"),
          sourceUpdatedAt: eb.ref("excluded.sourceUpdatedAt"),
          authorStaffId: eb.ref("excluded.authorStaffId"),
        })),
      )
      .execute();
  }
  return rows.length;
}

// Malay function words are not worth suggesting (query.ts drops them from queries too).
const MALAY_STOP_WORDS = [
  "ada", "adakah", "adalah", "agar", "akan", "anda", "apa", "apakah", "atau", "bagaimana", "bagi", "bahawa", "banyak",
  "belum", "beberapa", "boleh", "bila", "dalam", "dan", "dari", "daripada", "dengan", "hanya", "hendak", "ialah", "ini",
  "itu", "iaitu", "jika", "juga", "kalau", "kami", "kamu", "kan", "kepada", "kita", "lagi", "lain", "macam", "mahu",
  "mana", "mereka", "mesti", "nak", "oleh", "pada", "para", "perlu", "saja", "sahaja", "sama", "saya", "sebab",
  "sebagai", "sudah", "supaya", "telah", "tentang", "untuk", "yang",
];

/**
 * Rebuilds the "did you mean" vocabulary from the published English and
 * Malay articles: every word of three or more letters, with its English stem
 * (English stop words have none and are left out). Set-based; run it after
 * an import or an edit (a few milliseconds for the real knowledge base).
 */
export async function rebuildSearchTerms(db: Db): Promise<number> {
  const run = async (trx: Db) => {
    await trx.deleteFrom("kbSearchTerms").execute();
    const result = await sql`
      insert into kb_search_terms (locale, term, lexeme, documents)
      select locale, term, lexeme, count(distinct id)::int
      from (
        select a.id, a.locale, w.term,
               case a.locale when 'en' then (ts_lexize('english_stem', w.term))[1] else w.term end as lexeme
        from kb_articles a
        cross join lateral regexp_split_to_table(
          lower(a.title || ' ' || a.summary || ' ' || a.keywords || ' ' ||
                regexp_replace(a.body_md, '\\]\\([^)]*\\)', ']', 'g')),
          '[^a-z]+') as w(term)
        where a.published and a.locale in ('en', 'ms') and length(w.term) between 3 and 40
      ) words
      where lexeme is not null and lexeme <> '' and not (locale = 'ms' and term = any(${MALAY_STOP_WORDS}::text[]))
      group by locale, term, lexeme`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

// ---------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------

export interface SearchInput {
  locale: Locale;
  terms: SearchTerms;
  limit?: number;
}

export interface SearchHit {
  id: string;
  slug: string;
  title: string;
  summary: string;
  category: KbCategory;
  bodyMd: string;
  rank: number;
  /** Whether the article holds every term (such articles rank first). */
  matchesAll: boolean;
}

export interface SearchOutcome {
  /** Matching articles, counted up to SEARCH_CANDIDATE_LIMIT. */
  total: number;
  /** More than SEARCH_CANDIDATE_LIMIT articles match ("200+"). */
  capped: boolean;
  hits: SearchHit[];
}

/**
 * How many matching articles are ranked. A query matching thousands of
 * articles (a common word in a large knowledge base) ranks the first 200 the
 * index returns instead of de-TOASTing every match's vector, which keeps it
 * within the 30 ms budget; the real knowledge base (31 articles a locale)
 * never reaches the cap, so there every match is ranked.
 */
export const SEARCH_CANDIDATE_LIMIT = 200;

/** A tsquery built from app-made terms; the configuration name is one of two constants. */
function tsQuery(locale: Locale, query: string) {
  return sql`to_tsquery(${sql.raw(`'${searchConfig(locale)}'::regconfig`)}, ${query})`;
}

/**
 * THE knowledge-base search query (the benchmark's /help/search page runs
 * it): published articles of one locale whose search vector matches any
 * term, found through that locale's partial GIN index. Articles holding every
 * term come first, then by ts_rank with title (A) > summary and keywords (B)
 * > body (C), then popularity. The locale is inlined as a literal (it is one
 * of four known values) so the planner can always match the partial index,
 * whatever the driver does with parameters. Exposed as a builder so a test
 * can EXPLAIN exactly this query.
 */
export function searchArticlesQuery(db: Db, { locale, terms, limit = 10 }: SearchInput) {
  const any = tsQuery(locale, toTsQuery(terms, "any"));
  const all = tsQuery(locale, toTsQuery(terms, "all"));
  return db
    .with("candidates", (qb) =>
      qb
        .selectFrom("kbArticles")
        .select(["id", "slug", "title", "summary", "category", "bodyMd", "views", "searchVector"])
        .where("locale", "=", sql.lit(locale))
        .where(sql<SqlBool>`published`)
        .where(sql<SqlBool>`search_vector @@ ${any}`)
        .limit(SEARCH_CANDIDATE_LIMIT + 1),
    )
    .selectFrom("candidates")
    .select(["id", "slug", "title", "summary", "category", "bodyMd"])
    .select([
      sql<number>`ts_rank('{0.1, 0.2, 0.4, 1.0}', search_vector, ${any})`.as("rank"),
      sql<boolean>`search_vector @@ ${all}`.as("matchesAll"),
      sql<number>`count(*) over ()`.as("total"),
    ])
    .orderBy("matchesAll", "desc")
    .orderBy("rank", "desc")
    .orderBy("views", "desc")
    .orderBy("slug")
    .limit(Math.min(Math.max(limit, 1), 50));
}

export async function searchArticles(db: Db, input: SearchInput): Promise<SearchOutcome> {
  if (input.terms.words.length === 0 && input.terms.han.length === 0) return { total: 0, capped: false, hits: [] };
  const rows = await searchArticlesQuery(db, input).execute();
  const counted = rows[0] ? Number(rows[0].total) : 0;
  return {
    total: Math.min(counted, SEARCH_CANDIDATE_LIMIT),
    capped: counted > SEARCH_CANDIDATE_LIMIT,
    hits: rows.map(({ total: _total, ...row }) => ({ ...row, rank: Number(row.rank) })),
  };
}

/**
 * How alike (pg_trgm similarity) a known word must be to replace an unknown
 * one: "perod" → "period" is 0.44, "invoce" → "invoice" 0.5, "renewl" →
 * "renew" 0.63; unrelated words of the same length stay below 0.3.
 */
const MIN_SUGGESTION_SIMILARITY = 0.4;

/**
 * For each word the articles do not use (by stem in English), the closest
 * word they do use, by trigram similarity ("renewl" → "renewal").
 * English and Malay only: Chinese has no spelling to get wrong.
 */
export async function suggestCorrections(db: Db, locale: Locale, words: readonly string[]): Promise<Map<string, string>> {
  const corrections = new Map<string, string>();
  if ((locale !== "en" && locale !== "ms") || words.length === 0) return corrections;
  const lexeme =
    locale === "en" ? sql`coalesce((ts_lexize('english_stem', w.word))[1], w.word)` : sql`w.word`;
  const rows = await sql<{ word: string; known: boolean; suggestion: string | null }>`
    select w.word,
           exists (select 1 from kb_search_terms k where k.locale = ${locale} and k.lexeme = ${lexeme}) as known,
           (select k.term from kb_search_terms k
             where k.locale = ${locale} and k.term % w.word and similarity(k.term, w.word) >= ${MIN_SUGGESTION_SIMILARITY}
             order by similarity(k.term, w.word) desc, k.documents desc, k.term
             limit 1) as suggestion
    from unnest(${[...words]}::text[]) as w(word)`.execute(db);
  for (const row of rows.rows) {
    if (!row.known && row.suggestion && row.suggestion !== row.word) corrections.set(row.word, row.suggestion);
  }
  return corrections;
}

/** The stems the locale's configuration makes of the words (for highlighting English matches). */
export async function stemWords(db: Db, locale: Locale, words: readonly string[]): Promise<string[]> {
  if (locale !== "en" || words.length === 0) return [...words];
  const rows = await sql<{ stem: string }>`
    select coalesce((ts_lexize('english_stem', w))[1], w) as stem from unnest(${[...words]}::text[]) as w`.execute(db);
  return rows.rows.map((row) => row.stem);
}

/** Records a search that found nothing, so staff can see what is missing. */
export async function recordFailedSearch(db: Db, { locale, query, at }: { locale: Locale; query: string; at: Date }): Promise<void> {
  await db
    .insertInto("kbSearches")
    .values({ locale, query: Array.from(query).slice(0, MAX_QUERY_LENGTH).join(""), resultCount: 0, createdAt: at })
    .execute();
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/**
 * What a reader of `locale` can open: published articles in their language,
 * plus published English ones that have no published translation yet.
 */
function readableArticles(db: Db, locale: Locale) {
  return db
    .selectFrom("kbArticles as a")
    .where("a.published", "=", true)
    .where((eb) => {
      const own = eb("a.locale", "=", locale);
      if (locale === "en") return own;
      return eb.or([
        own,
        eb.and([
          eb("a.locale", "=", "en"),
          eb.not(
            eb.exists(
              eb
                .selectFrom("kbArticles as t")
                .select(sql`1`.as("one"))
                .whereRef("t.slug", "=", "a.slug")
                .where("t.locale", "=", locale)
                .where("t.published", "=", true),
            ),
          ),
        ]),
      ]);
    });
}

export interface ArticleListItem {
  slug: string;
  locale: Locale;
  title: string;
  summary: string;
  category: KbCategory;
}

const LIST_COLUMNS = ["a.slug", "a.locale", "a.title", "a.summary", "a.category"] as const;

export interface ReaderArticle extends ArticleListItem {
  id: string;
  keywords: string;
  bodyHtml: string;
  updatedAt: Date;
}

/** The article in the reader's language, else in English (the caller tells the reader). */
export async function findArticleForReader(
  db: Db,
  { locale, slug }: { locale: Locale; slug: string },
): Promise<ReaderArticle | undefined> {
  return db
    .selectFrom("kbArticles as a")
    .select([...LIST_COLUMNS, "a.id", "a.keywords", "a.bodyHtml", "a.updatedAt"])
    .where("a.slug", "=", slug)
    .where("a.published", "=", true)
    .where("a.locale", "in", locale === "en" ? ["en"] : [locale, "en"])
    .orderBy(sql`a.locale = ${locale}`, "desc")
    .limit(1)
    .executeTakeFirst();
}

/** One cheap UPDATE per article view; "popular" orders by it. */
export async function countArticleView(db: Db, articleId: string): Promise<void> {
  await db
    .updateTable("kbArticles")
    .set((eb) => ({ views: eb("views", "+", 1) }))
    .where("id", "=", articleId)
    .execute();
}

export interface CategorySummary {
  category: KbCategory;
  articles: number;
}

export async function listCategorySummaries(db: Db, locale: Locale): Promise<CategorySummary[]> {
  const rows = await readableArticles(db, locale)
    .select(["a.category", sql<number>`count(*)::int`.as("articles")])
    .groupBy("a.category")
    .execute();
  return rows.map((row) => ({ category: row.category, articles: Number(row.articles) }));
}

/** A category's articles, in the reader's alphabetical order. */
export async function listArticlesInCategory(
  db: Db,
  { locale, category }: { locale: Locale; category: KbCategory },
): Promise<ArticleListItem[]> {
  const rows = await readableArticles(db, locale).select(LIST_COLUMNS).where("a.category", "=", category).execute();
  const collator = new Intl.Collator(INTL_LOCALE[locale]);
  return rows.sort((a, b) => collator.compare(a.title, b.title));
}

/**
 * The most viewed articles a reader of `locale` can open. Untranslated
 * English articles are looked for among the 50 most viewed English ones
 * only: walking every English article to prove it is translated would cost
 * milliseconds per search at 20,000 articles a locale, for a list of five.
 */
export async function listPopularArticles(
  db: Db,
  { locale, limit = 5 }: { locale: Locale; limit?: number },
): Promise<ArticleListItem[]> {
  const own = db
    .selectFrom("kbArticles as a")
    .select([...LIST_COLUMNS, "a.views"])
    .where("a.locale", "=", sql.lit(locale))
    .where(sql<SqlBool>`a.published`)
    .orderBy("a.views", "desc")
    .orderBy("a.slug")
    .limit(limit);
  if (locale === "en") return (await own.execute()).map(({ views: _views, ...item }) => item);

  const untranslated = db
    .selectFrom((eb) =>
      eb
        .selectFrom("kbArticles as e")
        .select(["e.slug", "e.locale", "e.title", "e.summary", "e.category", "e.views"])
        .where("e.locale", "=", sql.lit("en"))
        .where(sql<SqlBool>`e.published`)
        .orderBy("e.views", "desc")
        .limit(50)
        .as("a"),
    )
    .select([...LIST_COLUMNS, "a.views"])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("kbArticles as t")
            .select(sql`1`.as("one"))
            .whereRef("t.slug", "=", "a.slug")
            .where("t.locale", "=", locale)
            .where("t.published", "=", true),
        ),
      ),
    )
    .orderBy("a.views", "desc")
    .limit(limit);
  const [mine, english] = await Promise.all([own.execute(), untranslated.execute()]);
  return [...mine, ...english]
    .sort((a, b) => b.views - a.views || a.slug.localeCompare(b.slug))
    .slice(0, limit)
    .map(({ views: _views, ...item }) => item);
}

/**
 * Articles to read next: same category (worth two) plus each keyword in
 * common (worth one each), then the more popular.
 */
export async function listRelatedArticles(
  db: Db,
  {
    locale,
    slug,
    category,
    keywords,
    limit = 4,
  }: { locale: Locale; slug: string; category: KbCategory; keywords: readonly string[]; limit?: number },
): Promise<ArticleListItem[]> {
  const shared = sql<number>`cardinality(array(
    select unnest(regexp_split_to_array(lower(a.keywords), '\\s*[,，、]\\s*'))
    intersect select unnest(${[...keywords]}::text[])))`;
  const score = sql<number>`(case when a.category = ${category} then 2 else 0 end) + ${shared}`;
  return readableArticles(db, locale)
    .select(LIST_COLUMNS)
    .where("a.slug", "<>", slug)
    .where(sql<SqlBool>`${score} > 0`)
    .orderBy(score, "desc")
    .orderBy("a.views", "desc")
    .orderBy("a.slug")
    .limit(limit)
    .execute();
}

/** Titles of articles by slug for a reader of `locale` (English when untranslated). */
export async function findArticleTitles(db: Db, locale: Locale, slugs: readonly string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await readableArticles(db, locale)
    .select(["a.slug", "a.title"])
    .where("a.slug", "in", [...new Set(slugs)])
    .execute();
  return new Map(rows.map((row) => [row.slug, row.title]));
}

// ---------------------------------------------------------------------------
// Feedback
// ---------------------------------------------------------------------------

export interface FeedbackInput {
  articleId: string;
  /** sha256 of the visitor id: the id itself is never stored. */
  visitorHash: string;
  helpful: boolean;
  comment: string | null;
}

/**
 * One vote per visitor per article: a second answer replaces the first (and
 * a later comment is added to it), so counts never double.
 */
export async function saveArticleFeedback(db: Db, input: FeedbackInput): Promise<"created" | "updated"> {
  const row = await db
    .insertInto("kbFeedback")
    .values({
      articleId: input.articleId,
      visitorHash: input.visitorHash,
      helpful: input.helpful,
      comment: input.comment,
    })
    .onConflict((oc) =>
      oc.constraint("kb_feedback_one_vote").doUpdateSet((eb) => ({
        helpful: eb.ref("excluded.helpful"),
        comment: eb.fn.coalesce("excluded.comment", "kbFeedback.comment"),
      })),
    )
    .returning(sql<boolean>`(xmax = 0)`.as("inserted"))
    .executeTakeFirstOrThrow();
  return row.inserted ? "created" : "updated";
}

/** Adds a comment to the visitor's vote; false when they have not voted on the article. */
export async function addFeedbackComment(
  db: Db,
  { articleId, visitorHash, comment }: { articleId: string; visitorHash: string; comment: string },
): Promise<boolean> {
  const result = await db
    .updateTable("kbFeedback")
    .set({ comment })
    .where("articleId", "=", articleId)
    .where("visitorHash", "=", visitorHash)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findVisitorFeedback(db: Db, { articleId, visitorHash }: { articleId: string; visitorHash: string }) {
  return db
    .selectFrom("kbFeedback")
    .select(["helpful", "comment"])
    .where("articleId", "=", articleId)
    .where("visitorHash", "=", visitorHash)
    .executeTakeFirst();
}

export async function summariseFeedback(db: Db, articleId: string): Promise<{ helpful: number; total: number }> {
  const row = await db
    .selectFrom("kbFeedback")
    .select([
      sql<number>`count(*) filter (where helpful)::int`.as("helpful"),
      sql<number>`count(*)::int`.as("total"),
    ])
    .where("articleId", "=", articleId)
    .executeTakeFirstOrThrow();
  return { helpful: Number(row.helpful), total: Number(row.total) };
}
