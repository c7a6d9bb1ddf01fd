import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AccountHome } from "~/components/subscriptions/account-home";
import { buildAccountHome } from "~/domain/subscriptions";
import { requireCustomer } from "~/lib/auth/guards.server";
import { todayIso } from "~/lib/dates";
import { incentiveStepsFor } from "~/lib/incentive-steps.server";
import { clock, db } from "~/lib/services.server";
import { listContractsForAccountHome } from "~/models/contracts.server";

export const handle = { i18n: ["account", "auth", "catalog"], title: "common:nav.account" };

/** Every contract of the account, what needs attention first. A fixed number of queries. */
export async function loader({ request }: LoaderFunctionArgs) {
  const customer = await requireCustomer(request);
  const today = todayIso(clock());
  const rows = await listContractsForAccountHome(db(), customer.accountId, today);
  const steps = await incentiveStepsFor(db(), rows[0]?.segment ?? null, today);
  return {
    accountName: customer.accountName,
    name: customer.name,
    view: buildAccountHome(rows, today, steps),
  };
}

export default function AccountHomePage() {
  const { accountName, name, view } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <>
      <p className="eyebrow">
        {accountName} · {t("account.welcome", { name })}
      </p>
      <AccountHome view={view} />
      <section className="account-security" aria-labelledby="security-title">
        <h2 id="security-title">{t("account.securityTitle")}</h2>
        <p>{t("account.securityLead")}</p>
        <Form method="post" action="/sign-out">
          <input type="hidden" name="scope" value="everywhere" />
          <button type="submit" className="button button-secondary">
            {t("account.signOutEverywhere")}
          </button>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
