/**
 * Articles suggested while a request is written (deflection). Shared by the
 * form (browser) and the suggest endpoint (server).
 */

/** Fewer characters than this suggest nothing yet. */
export const MIN_SUGGEST_LENGTH = 3;
export const MAX_SUGGESTIONS = 3;
/** The browser waits this long after the last keystroke before asking. */
export const SUGGEST_DEBOUNCE_MS = 300;

export interface SuggestedArticle {
  slug: string;
  title: string;
  summary: string;
}

/** Where a suggestion leads: through /support/deflect, which counts it, to the article. */
export function deflectHref(slug: string, query: string): string {
  return `/support/deflect?${new URLSearchParams({ slug, q: query.slice(0, 200) }).toString()}`;
}
