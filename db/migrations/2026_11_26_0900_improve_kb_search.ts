import { sql, type Kysely } from "kysely";

/*
 * Knowledge-base search per language (README, "Help centre").
 *
 * - Chinese has no spaces: the default text-search parser turns a whole run of
 *   Han characters into one "word", so 续订 never matched 续订流程. The search
 *   document of a zh-Hans/zh-Hant article now also holds every overlapping
 *   pair of Han characters (bigrams), produced by kb_cjk_bigrams() with plain
 *   regular expressions, so it behaves the same on PostgreSQL 15 and on
 *   PGlite (18) whatever the database's ctype. Queries are cut into the same
 *   bigrams by the app (app/domain/help/query.ts).
 * - Link targets in markdown ("](/help/articles/…)") no longer count as words.
 * - kb_search_terms: the words of the published English and Malay articles,
 *   with a trigram index, so a misspelled word ("renewl", "pembaharun") can be
 *   corrected ("did you mean"). Rebuilt by rebuildSearchTerms() after imports
 *   and edits.
 * - One partial GIN index per locale (published articles only) replaces the
 *   single GIN index. A search always names its locale; with one index over
 *   all four, the planner ANDed it with a b-tree bitmap of every article in
 *   the locale (milliseconds at 20,000 articles per locale, even for a query
 *   that matches nothing) and, for common words under a LIMIT, preferred a
 *   sequential scan that de-TOASTs every search vector. Measured on 80,000
 *   articles: 23-30 ms → 5-9 ms for common words, 6 ms → 0.1 ms for no match.
 *   The indexes are built without GIN's pending list (fastupdate = off):
 *   articles change rarely, and until a vacuum merged the list every search
 *   read it sequentially, so the planner (rightly) chose sequential scans
 *   for Chinese after a bulk import.
 * - kb_articles_popular_idx serves "popular articles" (views per locale).
 */

const SEARCH_INDEXES = {
  en: "kb_articles_search_en_idx",
  ms: "kb_articles_search_ms_idx",
  "zh-Hans": "kb_articles_search_zh_hans_idx",
  "zh-Hant": "kb_articles_search_zh_hant_idx",
};

const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";

const statements = [
  // Every overlapping pair of Han characters in the text, space-separated:
  // pairs starting at even offsets of each run, then at odd ones (the run's
  // first character removed). A run's last odd character stays as a single.
  `create function kb_cjk_bigrams(input text) returns text
    language sql immutable strict parallel safe
    return (
      with runs as (select regexp_replace(input, '[^${HAN}]+', ' ', 'g') as s)
      select regexp_replace(s, '([${HAN}]{2})', '\\1 ', 'g')
        || ' '
        || regexp_replace(regexp_replace(s, '(^| )[${HAN}]', '\\1', 'g'), '([${HAN}]{2})', '\\1 ', 'g')
      from runs
    )`,

  `create function kb_search_vector(locale text, title text, summary text, keywords text, body text) returns tsvector
    language sql immutable parallel safe
    return (
      with doc as (
        select case locale when 'en' then 'english'::regconfig else 'simple'::regconfig end as cfg,
               locale in ('zh-Hans', 'zh-Hant') as han,
               coalesce(title, '') as title,
               coalesce(summary, '') || ' ' || coalesce(keywords, '') as about,
               regexp_replace(coalesce(body, ''), '\\]\\([^)]*\\)', ']', 'g') as body
      )
      select setweight(to_tsvector(cfg, title || case when han then ' ' || kb_cjk_bigrams(title) else '' end), 'A')
          || setweight(to_tsvector(cfg, about || case when han then ' ' || kb_cjk_bigrams(about) else '' end), 'B')
          || setweight(to_tsvector(cfg, body || case when han then ' ' || kb_cjk_bigrams(body) else '' end), 'C')
      from doc
    )`,

  // Dropping the column drops its GIN index too.
  `alter table kb_articles drop column search_vector`,
  `alter table kb_articles add column search_vector tsvector
    generated always as (kb_search_vector(locale, title, summary, keywords, body_md)) stored`,
  ...Object.entries(SEARCH_INDEXES).map(
    ([locale, name]) =>
      `create index ${name} on kb_articles using gin (search_vector) with (fastupdate = off)
        where locale = '${locale}' and published`,
  ),
  `create index kb_articles_popular_idx on kb_articles (locale, views desc) where published`,

  `create table kb_search_terms (
    locale text not null check (locale in ('en','ms','zh-Hans','zh-Hant')),
    term text not null check (length(term) between 1 and 60),
    lexeme text not null,
    documents integer not null check (documents > 0),
    primary key (locale, term)
  )`,
  `create index kb_search_terms_lexeme_idx on kb_search_terms (locale, lexeme)`,
  `create index kb_search_terms_trgm_idx on kb_search_terms using gin (term gin_trgm_ops)`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations never import app types
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations never import app types
export async function down(db: Kysely<any>): Promise<void> {
  const restore = [
    `drop table if exists kb_search_terms`,
    `drop index if exists kb_articles_popular_idx`,
    `alter table kb_articles drop column search_vector`,
    `alter table kb_articles add column search_vector tsvector generated always as (
      setweight(to_tsvector(
        case locale when 'en' then 'english'::regconfig else 'simple'::regconfig end,
        coalesce(title, '')), 'A')
      || setweight(to_tsvector(
        case locale when 'en' then 'english'::regconfig else 'simple'::regconfig end,
        coalesce(summary, '') || ' ' || coalesce(keywords, '')), 'B')
      || setweight(to_tsvector(
        case locale when 'en' then 'english'::regconfig else 'simple'::regconfig end,
        coalesce(body_md, '')), 'C')
    ) stored`,
    `create index kb_articles_search_idx on kb_articles using gin (search_vector)`,
    `drop function if exists kb_search_vector(text, text, text, text, text)`,
    `drop function if exists kb_cjk_bigrams(text)`,
  ];
  for (const statement of restore) {
    await sql.raw(statement).execute(db);
  }
}
