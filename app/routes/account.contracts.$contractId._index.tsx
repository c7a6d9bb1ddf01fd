import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AdoptionHelp } from "~/components/subscriptions/adoption-help";
import { ContractSummary } from "~/components/subscriptions/contract-summary";
import type { SubscriptionLinks } from "~/components/subscriptions/links";
import { lazySection } from "~/lib/lazy-section";

import { loadContractPage } from "./__account.contracts.$contractId._index.server";

// Below the fold, and most of the page's own code: hydrated when their chunk
// arrives, so the page's initial JavaScript stays within its budget.
const UsageCharts = lazySection(() => import("~/components/subscriptions/usage-charts").then((m) => m.UsageCharts));
const ValueRecapSection = lazySection(() => import("~/components/subscriptions/value-recap").then((m) => m.ValueRecapSection));
const sections = () => import("~/components/subscriptions/contract-sections");
const LineItemsTable = lazySection(() => sections().then((m) => m.LineItemsTable));
const RenewalHistoryTable = lazySection(() => sections().then((m) => m.RenewalHistoryTable));
const DocumentsList = lazySection(() => sections().then((m) => m.DocumentsList));
const PeopleList = lazySection(() => sections().then((m) => m.PeopleList));

export const handle = {
  i18n: ["account", "contract", "catalog"],
  title: (data: unknown) =>
    data ? { key: "contract:contract.pageTitle", params: { number: (data as { view: { contract: { number: string } } }).view.contract.number } } : null,
};

/** One contract: lines, usage and value, history, documents, people. Another account's → 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { view } = await loadContractPage(request, params.contractId);
  return { view };
}

export function contractLinks(contractId: string): Partial<SubscriptionLinks> {
  return {
    quote: (quoteId) => `/renew/${contractId}/quotes/${quoteId}`,
    quotePdf: (quoteId) => `/renew/${contractId}/quotes/${quoteId}/pdf`,
  };
}

export default function ContractPage() {
  const { view } = useLoaderData<typeof loader>();
  const { t } = useTranslation("contract");
  const links = contractLinks(view.contract.id);
  return (
    <>
      <p className="no-print">
        <Link to="/account">{t("contract.backToAccount")}</Link>
      </p>
      <ContractSummary view={view} links={links} />
      <AdoptionHelp adoption={view.adoption} seatsBought={view.usage.seatsBought} links={links} />
      <Suspense fallback={null}>
        <UsageCharts usage={view.usage} />
      </Suspense>
      <Suspense fallback={null}>
        <ValueRecapSection recap={view.recap} contractNumber={view.contract.number} printHref={`/account/contracts/${view.contract.id}/recap`} />
      </Suspense>
      <Suspense fallback={null}>
        <LineItemsTable view={view} />
        <RenewalHistoryTable view={view} links={links} />
        <DocumentsList view={view} links={links} />
        <PeopleList view={view} />
      </Suspense>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
