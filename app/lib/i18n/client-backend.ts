import type { BackendModule, ReadCallback } from "i18next";

/**
 * Loads a namespace the first page did not inline from /locales/<lng>/<ns>
 * (app/routes/locales.$lng.$ns.ts). Tiny on purpose: no extra dependency.
 */
export const fetchBackend: BackendModule = {
  type: "backend",
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const version = document.documentElement.dataset.i18nVersion ?? "";
    fetch(`/locales/${encodeURIComponent(language)}/${encodeURIComponent(namespace)}?v=${version}`, {
      credentials: "same-origin",
    })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        callback(null, (await response.json()) as Record<string, unknown>);
      })
      .catch((error: unknown) => callback(error as Error, false));
  },
};
