import type { HeadersFunction, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";

import { AppShell } from "~/components/app-shell";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { I18nStore } from "~/lib/i18n/store";
import { useNonce } from "~/lib/nonce";
import { PageTitle } from "~/lib/page-title";
import { catalogueVersion, data, getIdentity, getLocale, readNotice } from "~/root.server";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const handle = { i18n: ["common"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, identity, { notice, setCookie }] = await Promise.all([
    getLocale(request),
    getIdentity(request),
    readNotice(request),
  ]);
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  // Nothing a signed-in person sees may be kept by a cache.
  if (identity) headers.set("Cache-Control", "private, no-store");
  return data(
    {
      locale,
      i18nVersion: catalogueVersion(),
      notice,
      user: identity
        ? {
            kind: identity.kind,
            name: identity.kind === "portal_link" ? (identity.name ?? identity.accountName) : identity.name,
            accountName: identity.kind === "staff" ? null : identity.accountName,
          }
        : null,
    },
    { headers },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders, parentHeaders }) => {
  const merged = new Headers(parentHeaders);
  const cacheControl = loaderHeaders.get("Cache-Control");
  if (cacheControl) merged.set("Cache-Control", cacheControl);
  return merged;
};

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

function Document({ children, locale, i18nVersion }: { children: ReactNode; locale: string; i18nVersion?: string }) {
  const nonce = useNonce();
  const { i18n } = useTranslation();
  return (
    <html lang={locale} dir={i18n.dir(locale)} data-i18n-version={i18nVersion}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <PageTitle />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <I18nStore />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { locale, i18nVersion, user, notice } = useLoaderData<typeof loader>();
  useChangeLanguage(locale);
  return (
    <Document locale={locale} i18nVersion={i18nVersion}>
      <AppShell locale={locale} user={user} notice={notice}>
        <Outlet />
      </AppShell>
    </Document>
  );
}

export function ErrorBoundary() {
  const rootData = useRootData();
  const { i18n } = useTranslation();
  const locale = rootData?.locale ?? i18n.language ?? "en";
  return (
    <Document locale={locale} i18nVersion={rootData?.i18nVersion}>
      <AppShell locale={locale} user={rootData?.user ?? null} notice={null}>
        <GeneralErrorBoundary />
      </AppShell>
    </Document>
  );
}
