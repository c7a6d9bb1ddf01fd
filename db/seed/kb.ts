/**
 * Loads the help-centre articles from content/kb/<locale>/<slug>.md into
 * kb_articles (content/README.md describes the files). Markdown is rendered
 * and sanitised once, here, with the same function the staff editor uses; the
 * page only ever shows the stored HTML.
 *
 * Re-running it updates articles in place (by locale and slug), keeping views
 * and feedback; articles that exist only in the database (written in the
 * staff editor) are left alone.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { isArticleSlug, isKbCategory } from "../../app/domain/help/categories";
import { FrontMatterError, parseFrontMatter } from "../../app/domain/help/front-matter";
import { renderArticleMarkdown } from "../../app/domain/help/markdown.server";
import { LOCALES, type Locale } from "../../app/lib/i18n/config";
import { isIsoDate } from "../../app/lib/dates";
import { rebuildSearchTerms, upsertArticles, type ArticleRow } from "../../app/models/kb.server";
import type { Db } from "./factories";

export interface KnowledgeBaseOptions {
  /** The folder holding kb/<locale>/*.md (the repository's content/). */
  contentDir: string;
}

export interface KnowledgeBaseSummary {
  articles: number;
  searchTerms: number;
}

export class ContentError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = "ContentError";
  }
}

/** Reads and renders one article file; throws a ContentError naming the file. */
export function readArticleFile(file: string, locale: Locale): Omit<ArticleRow, "sourceUpdatedAt"> {
  const slug = path.basename(file, ".md");
  if (!isArticleSlug(slug)) throw new ContentError(file, "the file name is not a kebab-case slug");
  let parsed;
  try {
    parsed = parseFrontMatter(readFileSync(file, "utf8"));
  } catch (error) {
    if (error instanceof FrontMatterError) throw new ContentError(file, error.message);
    throw error;
  }
  const { title, summary = "", category, keywords = "", updated } = parsed.data;
  if (!title) throw new ContentError(file, "front matter has no title");
  if (!isKbCategory(category)) throw new ContentError(file, `unknown category ${String(category)}`);
  if (!isIsoDate(updated)) throw new ContentError(file, `updated is not an ISO date: ${String(updated)}`);
  const rendered = renderArticleMarkdown(parsed.body);
  return {
    slug,
    locale,
    category,
    title,
    summary,
    keywords,
    bodyMd: parsed.body.trim(),
    bodyHtml: rendered.html,
    published: true,
    updatedAt: `${updated}T00:00:00Z`,
  };
}

export async function seedKnowledgeBase(db: Db, { contentDir }: KnowledgeBaseOptions): Promise<KnowledgeBaseSummary> {
  const byLocale = new Map<Locale, Array<Omit<ArticleRow, "sourceUpdatedAt">>>();
  for (const locale of LOCALES) {
    const dir = path.join(contentDir, "kb", locale);
    const files = readdirSync(dir)
      .filter((name) => name.endsWith(".md"))
      .sort();
    byLocale.set(
      locale,
      files.map((name) => readArticleFile(path.join(dir, name), locale)),
    );
  }
  // A translation is as fresh as the English article it was made from: the
  // staff editor flags those whose English source has moved on since.
  const englishDates = new Map((byLocale.get("en") ?? []).map((a) => [a.slug, a.updatedAt]));
  const rows: ArticleRow[] = [...byLocale.values()].flat().map((article) => ({
    ...article,
    sourceUpdatedAt: englishDates.get(article.slug) ?? null,
  }));

  const run = async (trx: Db) => {
    const articles = await upsertArticles(trx, rows);
    const searchTerms = await rebuildSearchTerms(trx);
    return { articles, searchTerms };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
