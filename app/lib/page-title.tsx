import { useMatches } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * Page titles, localised: a route declares `handle.title`, either an i18n key
 * ("auth:signIn.title") or a function of its loader data returning a key and
 * its parameters. The deepest route that has one names the page.
 */
export type TitleHandle = string | ((data: unknown) => { key: string; params?: Record<string, unknown> } | null);

export function PageTitle() {
  const matches = useMatches();
  const { t } = useTranslation();
  let title: string | null = null;
  for (const match of [...matches].reverse()) {
    const declared = (match.handle as { title?: TitleHandle } | undefined)?.title;
    if (!declared) continue;
    const resolved = typeof declared === "string" ? { key: declared } : declared(match.data);
    if (resolved) {
      title = t(resolved.key, resolved.params ?? {}) as string;
      break;
    }
  }
  return <title>{title ? `${title} · Customer365` : "Customer365"}</title>;
}
