import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";

import { DEFAULT_LOCALE, DEFAULT_NAMESPACE, I18N_STORE_ID, LOCALES } from "~/lib/i18n/config";
import { fetchBackend } from "~/lib/i18n/client-backend";

// The server inlined the catalogues this page needs (root.tsx); anything a
// later navigation needs is fetched on demand.
const store = document.getElementById(I18N_STORE_ID);
const resources = store?.textContent ? (JSON.parse(store.textContent) as Record<string, never>) : {};
const lng = document.documentElement.lang || DEFAULT_LOCALE;

void i18next
  .use(initReactI18next)
  .use(fetchBackend)
  .init({
    lng,
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    defaultNS: DEFAULT_NAMESPACE,
    ns: Object.keys(resources[lng] ?? {}),
    resources,
    partialBundledLanguages: true,
    initAsync: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: true },
  })
  .then(() => {
    startTransition(() => {
      hydrateRoot(
        document,
        <I18nextProvider i18n={i18next}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </I18nextProvider>,
      );
    });
  });
