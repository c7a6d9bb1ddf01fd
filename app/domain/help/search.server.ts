/**
 * The help-centre search as the visitor experiences it: normalise the query,
 * search the reader's language, correct misspellings ("did you mean"), fall
 * back to popular articles, record what found nothing, and cut highlighted
 * snippets. The SQL is in app/models/kb.server.ts.
 */
import type { KbCategory, Locale } from "../../../db/schema";
import { markdownToPlainText } from "./markdown.server";
import {
  applyCorrections,
  extractTerms,
  normaliseQuery,
  queryProblem,
  type QueryProblem,
  type SearchTerms,
} from "./query";
import { buildSnippet, type SnippetPart } from "./snippet";
import {
  listPopularArticles,
  recordFailedSearch,
  searchArticles,
  stemWords,
  suggestCorrections,
  type ArticleListItem,
} from "~/models/kb.server";
import type { Database } from "~/lib/db.server";

export interface HelpSearchHit {
  slug: string;
  category: KbCategory;
  title: SnippetPart[];
  snippet: SnippetPart[];
}

export interface HelpSearchResult {
  /** The query as searched (bounded, printable); "" when there was none. */
  query: string;
  /** Why nothing was searched, if nothing was. */
  problem: QueryProblem | null;
  total: number;
  /** More articles match than were counted (shown as "200+"). */
  capped: boolean;
  hits: HelpSearchHit[];
  /** The query with misspelled words corrected, when some were. */
  suggestion: string | null;
  /** The hits are for `suggestion`: the query as typed found nothing. */
  showingSuggestion: boolean;
  /** Offered when nothing matched. */
  popular: ArticleListItem[];
}

export async function searchHelpCentre(
  db: Database,
  {
    locale,
    query: rawQuery,
    limit = 10,
    at,
  }: {
    locale: Locale;
    query: unknown;
    limit?: number;
    /** When the search happens, from the app's clock: a search that finds nothing is recorded at it. */
    at: Date;
  },
): Promise<HelpSearchResult> {
  const query = normaliseQuery(rawQuery);
  const problem = queryProblem(query);
  const result: HelpSearchResult = {
    query,
    problem,
    total: 0,
    capped: false,
    hits: [],
    suggestion: null,
    showingSuggestion: false,
    popular: [],
  };
  if (problem) {
    // Nothing to search: offer what others read instead.
    result.popular = await listPopularArticles(db, { locale, limit: 5 });
    return result;
  }

  let terms = extractTerms(query, locale);
  let found = await searchArticles(db, { locale, terms, limit });

  // Misspellings: only when the query did not find an article holding all
  // its words, which is when a typo is likely and worth one more query.
  if (!found.hits[0]?.matchesAll && terms.words.length > 0) {
    const corrections = await suggestCorrections(db, locale, terms.words);
    if (corrections.size > 0) {
      result.suggestion = applyCorrections(query, corrections);
      if (found.total === 0) {
        const correctedTerms = extractTerms(result.suggestion, locale);
        const corrected = await searchArticles(db, { locale, terms: correctedTerms, limit });
        if (corrected.total > 0) {
          found = corrected;
          terms = correctedTerms;
          result.showingSuggestion = true;
        }
      }
    }
  }

  result.total = found.total;
  result.capped = found.capped;
  if (found.total === 0) {
    // A typo we could correct is not missing content; this is.
    await recordFailedSearch(db, { locale, query, at });
    result.popular = await listPopularArticles(db, { locale, limit: 5 });
    return result;
  }

  const highlight = await highlightTerms(db, locale, terms);
  result.hits = found.hits.map((hit) => ({
    slug: hit.slug,
    category: hit.category,
    title: buildSnippet(hit.title, highlight, 400),
    // The summary leads: a match there (or in the keywords) is often the reason the article ranks.
    snippet: buildSnippet(`${hit.summary} ${markdownToPlainText(hit.bodyMd)}`, highlight),
  }));
  return result;
}

async function highlightTerms(db: Database, locale: Locale, terms: SearchTerms) {
  const stems = await stemWords(db, locale, terms.words);
  return { prefixes: [...new Set([...terms.words, ...stems])], fragments: terms.han };
}
