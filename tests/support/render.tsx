import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
// Remix's <Link> needs a router; StaticRouter is the server-side one (react-router-dom is Remix's own dependency).
import { StaticRouter } from "react-router-dom/server";

import type { Locale } from "../../app/lib/i18n/config";
import { i18nFor } from "../../app/lib/i18n/i18n.server";

/** Server-renders a component as the app would: real catalogues, the given language, a router for links. */
export function renderHtml(ui: ReactElement, locale: Locale = "en"): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18nFor(locale)}>
      <StaticRouter location="/account">{ui}</StaticRouter>
    </I18nextProvider>,
  );
}

/** The text a reader would see, tags removed and whitespace collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}
