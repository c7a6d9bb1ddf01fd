import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";

import { data, openPortalLink, redirect } from "./__l.$token.server";

export const handle = { i18n: ["auth"], title: (data: unknown) => (data ? { key: `auth:portalLink.${(data as { reason: string }).reason}.title` } : null) };

export const headers: HeadersFunction = () => ({
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
});

/** A success manager's personalised link: straight into that one renewal. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const opened = await openPortalLink(request, params.token ?? "");
  if (opened.ok) {
    throw redirect(`/renew/${opened.contractId}`, { headers: { "Set-Cookie": opened.setCookie } });
  }
  return data({ reason: opened.reason, email: opened.email }, { status: 410 });
}

export default function PortalLinkProblem() {
  const { reason, email } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  const signIn = `/sign-in${email ? `?${new URLSearchParams({ email })}` : ""}`;
  return (
    <div className="narrow">
      <h1>{t(`portalLink.${reason}.title`)}</h1>
      <p className="lead">{t(`portalLink.${reason}.body`)}</p>
      <p className="actions">
        <Link to={signIn} className="button">
          {t("portalLink.signIn")}
        </Link>
        <Link to="/help" className="button button-secondary">
          {t("portalLink.help")}
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
