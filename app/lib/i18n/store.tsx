import { useMatches } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { useNonce } from "../nonce";
import { DEFAULT_NAMESPACE, I18N_STORE_ID } from "./config";

const serialised = new Map<string, string>();

/** Namespaces the matched routes declare in `handle.i18n`, plus common. */
export function useRouteNamespaces(): string[] {
  const matches = useMatches();
  const found = new Set<string>([DEFAULT_NAMESPACE]);
  for (const match of matches) {
    const handle = match.handle as { i18n?: string | string[] } | undefined;
    const declared = handle?.i18n;
    for (const ns of Array.isArray(declared) ? declared : declared ? [declared] : []) found.add(ns);
  }
  return [...found].sort();
}

/**
 * Inlines this page's catalogues as JSON (not executed, so the CSP is
 * untouched), so the client hydrates with the same strings and no extra
 * request. `<` is escaped so no catalogue text can close the script element.
 * It carries the nonce although it never runs: every script element of a page
 * does, so "a script without the nonce" always means something injected.
 */
export function I18nStore() {
  const { i18n } = useTranslation();
  const nonce = useNonce();
  const namespaces = useRouteNamespaces();
  const lng = i18n.language;
  const key = `${lng}|${namespaces.join(",")}`;
  // Catalogues never change while the process runs: serialise each
  // language-and-namespaces combination once, not on every request.
  let json = serialised.get(key);
  if (json === undefined) {
    const bundles: Record<string, unknown> = {};
    for (const ns of namespaces) {
      const bundle = i18n.getResourceBundle(lng, ns) as unknown;
      if (bundle) bundles[ns] = bundle;
    }
    json = JSON.stringify({ [lng]: bundles }).replace(/</g, "\\u003c");
    if (serialised.size < 500) serialised.set(key, json);
  }
  return (
    <script
      type="application/json"
      id={I18N_STORE_ID}
      nonce={nonce || undefined}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: json }}
    />
  );
}
