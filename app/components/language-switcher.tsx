import { Form, useLocation } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";

import { LOCALE_NAMES, LOCALES } from "~/lib/i18n/config";

/**
 * A plain form (works without JavaScript): POST /language sets the cookie and
 * reloads the same page. With JavaScript, choosing a language submits at once.
 */
export function LanguageSwitcher({ locale }: { locale: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <Form method="post" action="/language" reloadDocument ref={formRef} className="language-switcher">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label htmlFor="language-select" className="visually-hidden">
        {t("language.label")}
      </label>
      <select
        id="language-select"
        name="lng"
        defaultValue={locale}
        onChange={() => formRef.current?.requestSubmit()}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="button button-small">
          {t("language.change")}
        </button>
      </noscript>
    </Form>
  );
}
