import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { checkoutState } from "~/domain/payments/checkout";
import { formatDateTime } from "~/lib/format";
import { paymentPaths } from "~/lib/payments/urls";

import {
  clock,
  data,
  db,
  findConfirmation,
  notFound,
  requireCheckoutAccess,
} from "./__checkout.$quoteId.cancel.server";

export const handle = { i18n: ["checkout"], title: "checkout:cancel.title" };

/** Where the provider sends a customer who stepped back: nothing was charged, and the quote can still be paid. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, quoteId } = await requireCheckoutAccess(request, params.quoteId);
  const found = await findConfirmation(db(), access.accountId, quoteId);
  if (!found) notFound();
  const state = checkoutState(found.quote, found.latest, clock().now());
  return data(
    {
      quote: { id: found.quote.id, number: found.quote.number, contractId: found.quote.contractId, expiresAt: found.quote.expiresAt.toISOString() },
      payable: state === "payable",
      paid: state === "paid",
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function CheckoutCancelled() {
  const { quote, payable, paid } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("checkout");
  return (
    <div className="checkout narrow">
      <h1>{t("cancel.title")}</h1>
      <p className="lead">{t("cancel.body")}</p>
      {payable ? <p>{t("cancel.stillPayable", { quote: quote.number, date: formatDateTime(quote.expiresAt, i18n.language) })}</p> : null}
      <p className="actions">
        {paid ? (
          <Link to={paymentPaths.success(quote.id)} className="button">
            {t("cancel.seeConfirmation")}
          </Link>
        ) : payable ? (
          <Link to={paymentPaths.checkout(quote.id)} className="button">
            {t("cancel.payNow")}
          </Link>
        ) : null}
        <Link to={paymentPaths.renewal(quote.contractId)} className={payable || paid ? "button button-secondary" : "button"}>
          {t("cancel.backToRenewal")}
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
