import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { MAX_QUERY_LENGTH } from "~/domain/help/limits";

/**
 * The help centre's one search box, on every help page. A plain GET form:
 * it works without JavaScript, and the results page has a shareable URL.
 */
export function HelpSearchForm({ defaultValue = "", large = false }: { defaultValue?: string; large?: boolean }) {
  const { t } = useTranslation("help");
  return (
    <Form
      method="get"
      action="/help/search"
      role="search"
      aria-label={t("search.label")}
      className={large ? "help-search help-search-large" : "help-search"}
    >
      <label htmlFor="help-search-input" className="visually-hidden">
        {t("search.label")}
      </label>
      <input
        // A new query (client-side navigation) must show in the box.
        key={defaultValue}
        id="help-search-input"
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder={t("search.placeholder")}
        maxLength={MAX_QUERY_LENGTH}
        autoComplete="off"
        enterKeyHint="search"
      />
      <button type="submit" className="button">
        {t("search.submit")}
      </button>
    </Form>
  );
}
