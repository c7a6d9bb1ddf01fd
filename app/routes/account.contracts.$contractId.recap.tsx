import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ValueRecapSection } from "~/components/subscriptions/value-recap";

import { loadContractPage } from "./__account.contracts.$contractId.recap.server";

export const handle = {
  i18n: ["account", "contract"],
  title: (data: unknown) =>
    data ? { key: "contract:recap.pageTitle", params: { number: (data as { number: string }).number } } : null,
};

/** "Your year with Customer365" on a page of its own, to print or forward to a decision-maker. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { accountName, view } = await loadContractPage(request, params.contractId);
  return { id: view.contract.id, number: view.contract.number, accountName, recap: view.recap };
}

export default function RecapPage() {
  const { id, number, accountName, recap } = useLoaderData<typeof loader>();
  const { t } = useTranslation("contract");
  return (
    <>
      <p className="no-print">
        <Link to={`/account/contracts/${id}`}>{t("recap.backToContract", { number })}</Link>
      </p>
      <p className="recap-account">{accountName}</p>
      <ValueRecapSection recap={recap} contractNumber={number} headingLevel={1} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
