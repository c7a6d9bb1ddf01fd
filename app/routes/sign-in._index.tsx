import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { DemoSignIn } from "~/components/demo-sign-in";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TextField } from "~/components/form-field";
import { clientIp } from "~/lib/client-ip";
import { parseForm } from "~/lib/forms";
import { safeRedirect } from "~/lib/safe-redirect";
import { useValidatedForm } from "~/lib/use-validated-form";

import {
  demoIdentities,
  demoSignInEnabled,
  enforceRateLimit,
  getIdentity,
  readFormData,
  redirect,
  requestSignInLink,
  SignInSchema,
} from "./__sign-in._index.server";

export const handle = { i18n: ["auth"], title: "auth:signIn.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await getIdentity(request);
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"), "");
  if (identity?.kind === "contact" || identity?.kind === "staff") {
    throw redirect(redirectTo || (identity.kind === "staff" ? "/staff" : "/account"));
  }
  const email = (url.searchParams.get("email") ?? "").slice(0, 254);
  return {
    email,
    redirectTo,
    // A portal-link visitor is asked to sign in with the contact's address.
    fromPortalLink: identity?.kind === "portal_link",
    demo: demoSignInEnabled() ? demoIdentities() : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const parsed = parseForm(form, SignInSchema);
  if (!parsed.ok) {
    return { errors: parsed.errors, values: parsed.values };
  }
  await enforceRateLimit("signInPerIp", clientIp(request));
  await enforceRateLimit("signInPerEmail", parsed.data.email);
  await requestSignInLink(request, parsed.data.email, parsed.data.redirectTo);
  // The same answer whether or not the address belongs to anyone.
  throw redirect(`/sign-in/check-email?${new URLSearchParams({ email: parsed.data.email })}`, 303);
}

export default function SignIn() {
  const { email, redirectTo, fromPortalLink, demo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const { register, onSubmit, errorFor, formRef, validation } = useValidatedForm(() => import("~/domain/auth/schemas").then((m) => m.SignInSchema), {
    serverErrors: actionData?.errors,
  });
  return (
    <div className="narrow">
      <h1>{t("signIn.title")}</h1>
      <p className="lead">{t("signIn.lead")}</p>
      {fromPortalLink ? <p className="notice notice-info">{t("signIn.fromPortalLink")}</p> : null}
      <Form ref={formRef} method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" defaultValue={redirectTo} {...register("redirectTo")} />
        <TextField
          label={t("signIn.email")}
          hint={t("signIn.emailHint")}
          error={errorFor("email")}
          inputProps={{ type: "email", autoComplete: "email", inputMode: "email", defaultValue: actionData?.values.email ?? email, ...register("email") }}
        />
        <button type="submit" className="button">
          {t("signIn.submit")}
        </button>
        {validation}
      </Form>
      {demo ? <DemoSignIn identities={demo} redirectTo={redirectTo} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
