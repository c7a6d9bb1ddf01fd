/**
 * Deflection: while a customer writes a request, articles that may already
 * answer it are suggested. Opening one instead of sending is recorded as an
 * audit event (entity kb_article, action "support.suggestion_opened", the
 * article's slug as entity id, the subject typed so far in its data), which
 * the staff help-centre page counts against the requests sent. An audit event
 * rather than a kb_searches row: it belongs to a person and an account (so it
 * follows tenant deletion), and it needs no new table.
 *
 * Suggestions use the help centre's own search (same index, same ranking)
 * but not its "nothing found" bookkeeping: a subject half typed is not a
 * failed search.
 */
import type { Locale } from "../../../db/schema";
import { isArticleSlug } from "~/domain/help/categories";
import { extractTerms, hasTerms, normaliseQuery } from "~/domain/help/query";
import type { Database } from "~/lib/db.server";
import { recordAudit } from "~/models/audit.server";
import { DEFLECTION_ACTION } from "~/models/kb-editor.server";
import { findArticleForReader, searchArticles } from "~/models/kb.server";

import { MAX_SUGGESTIONS, MIN_SUGGEST_LENGTH, type SuggestedArticle } from "./suggestions";


export async function suggestArticles(db: Database, locale: Locale, text: unknown, limit = MAX_SUGGESTIONS): Promise<SuggestedArticle[]> {
  const query = normaliseQuery(text);
  if (Array.from(query).length < MIN_SUGGEST_LENGTH) return [];
  const terms = extractTerms(query, locale);
  if (!hasTerms(terms)) return [];
  const found = await searchArticles(db, { locale, terms, limit });
  return found.hits.map((hit) => ({ slug: hit.slug, title: hit.title, summary: hit.summary }));
}

/**
 * Records that a suggested article was opened from the request form and
 * answers where to send the reader; null for a slug that is not a
 * published article (the caller sends them back to the form).
 */
export async function recordSuggestionOpened(
  db: Database,
  input: { accountId: string; contactId: string; locale: Locale; slug: unknown; query: unknown; now: Date; requestId?: string | null },
): Promise<string | null> {
  if (!isArticleSlug(input.slug)) return null;
  const article = await findArticleForReader(db, { locale: input.locale, slug: input.slug });
  if (!article) return null;
  await recordAudit(db, {
    actorKind: "contact",
    actorId: input.contactId,
    accountId: input.accountId,
    entityType: "kb_article",
    entityId: article.slug,
    action: DEFLECTION_ACTION,
    data: { query: normaliseQuery(input.query), locale: article.locale },
    requestId: input.requestId ?? null,
    at: input.now,
  });
  return `/help/articles/${article.slug}`;
}
