import { useEffect, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";

import { deflectHref, MIN_SUGGEST_LENGTH, SUGGEST_DEBOUNCE_MS, type SuggestedArticle } from "~/domain/support/suggestions";

const noSubscription = () => () => {};

/** True once the page runs JavaScript (false in the server render and before hydration). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * Articles matching what has been typed, fetched from /support/suggest a
 * moment after the last keystroke. A newer keystroke cancels the request in
 * flight, so an old answer never replaces a newer one.
 */
export function useArticleSuggestions(text: string): { query: string; articles: SuggestedArticle[] } {
  const [found, setFound] = useState<{ query: string; articles: SuggestedArticle[] }>({ query: "", articles: [] });
  const query = text.trim();
  const wanted = Array.from(query).length >= MIN_SUGGEST_LENGTH;
  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/support/suggest?${new URLSearchParams({ q: query }).toString()}`, {
        signal: controller.signal,
        headers: { Accept: "application/json" },
      })
        .then((response) => (response.ok ? (response.json() as Promise<{ articles?: SuggestedArticle[] }>) : { articles: [] }))
        .then((body) => setFound({ query, articles: body.articles ?? [] }))
        .catch(() => {
          // Cancelled by a newer keystroke, or offline: the last suggestions stay.
        });
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, wanted]);
  return wanted ? found : { query: "", articles: [] };
}

/** The suggested articles, each opened through /support/deflect (which counts it). */
export function SuggestionList({ articles, query }: { articles: readonly SuggestedArticle[]; query: string }) {
  return (
    <ul className="help-article-list support-suggestion-list">
      {articles.map((article) => (
        <li key={article.slug}>
          <a href={deflectHref(article.slug, query)}>{article.title}</a>
          {article.summary ? <p>{article.summary}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/** The live panel under the subject: announced politely as suggestions change. */
export function LiveSuggestions({ text }: { text: string }) {
  const { t } = useTranslation("support");
  const { query, articles } = useArticleSuggestions(text);
  return (
    <div className="support-live-suggestions" aria-live="polite">
      {articles.length > 0 ? (
        <section aria-labelledby="live-suggestions-title" className="support-suggestions">
          <h2 id="live-suggestions-title">{t("new.suggestionsTitle")}</h2>
          <p className="muted">{t("new.suggestionsLead")}</p>
          <SuggestionList articles={articles} query={query} />
        </section>
      ) : null}
    </div>
  );
}
