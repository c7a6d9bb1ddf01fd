import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";

import { env, SIGN_IN_LINK_MINUTES } from "./__sign-in.check-email.server";

export const handle = { i18n: ["auth"], title: "auth:checkEmail.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const email = (new URL(request.url).searchParams.get("email") ?? "").slice(0, 254);
  return { email, minutes: SIGN_IN_LINK_MINUTES, devMailbox: env().NODE_ENV !== "production" && !env().SMTP_URL };
}

export default function CheckEmail() {
  const { email, minutes, devMailbox } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <div className="narrow">
      <h1>{t("checkEmail.title")}</h1>
      <p className="lead">{email ? t("checkEmail.lead", { email }) : t("checkEmail.leadNoEmail")}</p>
      <p>{t("checkEmail.expires", { minutes })}</p>
      <p>{t("checkEmail.spam")}</p>
      <p className="actions">
        <Link to={`/sign-in?${new URLSearchParams({ email })}`} className="button button-secondary">
          {t("checkEmail.again")}
        </Link>
        {devMailbox ? (
          <Link to="/dev/mailbox" className="button button-secondary">
            {t("checkEmail.devMailbox")}
          </Link>
        ) : null}
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
