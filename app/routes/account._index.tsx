import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AccountHome } from "~/components/subscriptions/account-home";

import { accountHomeView, clock, db, requireCustomer, todayIso } from "./__account._index.server";

export const handle = { i18n: ["account"], title: "common:nav.account" };

/**
 * Every contract of the account, what needs attention first. One query after
 * the session lookup, whatever their number, and none while the account's
 * data has not changed since the last visit (accountHomeView).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const customer = await requireCustomer(request);
  const view = await accountHomeView(db(), customer, todayIso(clock()));
  return { accountName: customer.accountName, name: customer.name, view };
}

export default function AccountHomePage() {
  const { accountName, name, view } = useLoaderData<typeof loader>();
  const { t } = useTranslation("account");
  return (
    <>
      <p className="eyebrow">
        {accountName} · {t("home.welcome", { name })}
      </p>
      <AccountHome view={view} />
      <section className="account-security" aria-labelledby="security-title">
        <h2 id="security-title">{t("security.title")}</h2>
        <p>{t("security.lead")}</p>
        <Form method="post" action="/sign-out">
          <input type="hidden" name="scope" value="everywhere" />
          <button type="submit" className="button button-secondary">
            {t("security.signOutEverywhere")}
          </button>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
