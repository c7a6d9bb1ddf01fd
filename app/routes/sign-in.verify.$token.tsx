import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { clientIp } from "~/lib/client-ip";

import {
  checkSignInToken,
  data,
  db,
  enforceRateLimit,
  findSubjectForSession,
  maskEmail,
  redeemSignInToken,
  redirect,
  SIGN_IN_LINK_MINUTES,
  startSession,
  type TokenCheck,
} from "./__sign-in.verify.$token.server";

export const handle = { i18n: ["auth"], title: (data: unknown) => titleFor(data) };

/** Token pages are never cached and never leak their URL to another site. */
export const headers: HeadersFunction = () => ({
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
});

function titleFor(data: unknown) {
  const status = (data as { status?: string } | undefined)?.status;
  return status ? { key: status === "valid" ? "auth:verify.title" : `auth:verify.${status}.title` } : null;
}

type View = { status: TokenCheck["status"]; maskedEmail: string | null; email: string | null };

function view(check: TokenCheck): View {
  return check.status === "unknown"
    ? { status: "unknown", maskedEmail: null, email: null }
    : { status: check.status, maskedEmail: maskEmail(check.email), email: check.email };
}

// A GET never uses the token up: corporate mail scanners open links before
// the person does. Only the POST from this page signs in.
export async function loader({ params }: LoaderFunctionArgs) {
  const check = await checkSignInToken(params.token ?? "");
  return data(view(check), { status: check.status === "valid" ? 200 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await enforceRateLimit("confirmPerIp", clientIp(request));
  const token = params.token ?? "";
  const redeemed = await redeemSignInToken(token);
  if (!redeemed) {
    return data(view(await checkSignInToken(token)), { status: 410 });
  }
  const subject = await findSubjectForSession(db(), redeemed);
  if (!subject) return data(view({ status: "unknown" }), { status: 410 });
  const setCookie = await startSession(request, subject);
  const fallback = subject.kind === "staff" ? "/staff" : "/account";
  throw redirect(redeemed.redirectTo ?? fallback, { status: 303, headers: { "Set-Cookie": setCookie } });
}

export default function VerifySignIn() {
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const { status, maskedEmail, email } = acted ?? loaded;
  const { t } = useTranslation("auth");

  if (status === "valid") {
    return (
      <div className="narrow">
        <h1>{t("verify.title")}</h1>
        <p className="lead">{t("verify.lead")}</p>
        <Form method="post">
          <button type="submit" className="button">
            {t("verify.continueAs", { email: maskedEmail })}
          </button>
        </Form>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t(`verify.${status}.title`)}</h1>
      <p className="lead">{t(`verify.${status}.body`, { minutes: SIGN_IN_LINK_MINUTES })}</p>
      {email ? (
        <Form method="post" action="/sign-in">
          <input type="hidden" name="email" value={email} />
          <button type="submit" className="button">
            {t("verify.sendNew", { email: maskedEmail })}
          </button>
        </Form>
      ) : (
        <p>
          <a href="/sign-in" className="button">
            {t("verify.signIn")}
          </a>
        </p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
