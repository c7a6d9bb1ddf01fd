import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AccountHome } from "~/components/subscriptions/account-home";

import {
  buildAccountHome,
  clock,
  db,
  incentiveStepsFrom,
  loadAccountHome,
  requireCustomer,
  todayIso,
} from "./__account._index.server";

export const handle = { i18n: ["account"], title: "common:nav.account" };

/** Every contract of the account, what needs attention first. One query after the session lookup, whatever their number. */
export async function loader({ request }: LoaderFunctionArgs) {
  const customer = await requireCustomer(request);
  const today = todayIso(clock());
  const { rows, incentiveRules } = await loadAccountHome(db(), customer.accountId, today);
  return {
    accountName: customer.accountName,
    name: customer.name,
    view: buildAccountHome(rows, today, incentiveStepsFrom(incentiveRules)),
  };
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
