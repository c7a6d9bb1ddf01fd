import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AdoptionHelp } from "~/components/subscriptions/adoption-help";
import {
  ContractSummary,
  DocumentsList,
  LineItemsTable,
  PeopleList,
  RenewalHistoryTable,
} from "~/components/subscriptions/contract-sections";
import type { SubscriptionLinks } from "~/components/subscriptions/links";
import { UsageCharts } from "~/components/subscriptions/usage-charts";
import { ValueRecapSection } from "~/components/subscriptions/value-recap";
import { buildContractPage } from "~/domain/subscriptions";
import { todayIso } from "~/lib/dates";

import {
  clock,
  db,
  findContractForAccount,
  incentiveStepsFor,
  notFound,
  parseIdOr404,
  requireCustomer,
} from "./__account.contracts.$contractId._index.server";

export const handle = {
  i18n: ["account", "contract", "catalog"],
  title: (data: unknown) =>
    data ? { key: "contract:contract.pageTitle", params: { number: (data as { view: { contract: { number: string } } }).view.contract.number } } : null,
};

/** One contract: lines, usage and value, history, documents, people. Another account's → 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const customer = await requireCustomer(request);
  const contractId = parseIdOr404(params.contractId);
  const detail = await findContractForAccount(db(), customer.accountId, contractId);
  if (!detail) notFound();
  const today = todayIso(clock());
  const steps = await incentiveStepsFor(db(), detail.contract.segment, today);
  return { view: buildContractPage(detail, today, steps(detail.contract, today)) };
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
      <UsageCharts usage={view.usage} />
      <ValueRecapSection recap={view.recap} contractNumber={view.contract.number} printHref={`/account/contracts/${view.contract.id}/recap`} />
      <LineItemsTable view={view} />
      <RenewalHistoryTable view={view} links={links} />
      <DocumentsList view={view} links={links} />
      <PeopleList view={view} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
