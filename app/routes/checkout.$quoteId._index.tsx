import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ChargeSummary } from "~/components/checkout/charge-summary";
import { CheckoutStatePanel } from "~/components/checkout/state-panel";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CARD_PAYMENT_LIMIT } from "~/domain/payments/checkout";
import { formatDate, formatDateTime, formatMoney } from "~/lib/format";
import { paymentPaths } from "~/lib/payments/urls";

import {
  clock,
  data,
  db,
  getLocale,
  loadCheckout,
  notFound,
  paymentProvider,
  publicBaseUrl,
  recordPortalLinkAction,
  redirect,
  requireCheckoutAccess,
  startCheckout,
} from "./__checkout.$quoteId._index.server";

export const handle = { i18n: ["checkout", "pricing", "catalog"], title: "checkout:page.title" };

const NO_STORE = { "Cache-Control": "private, no-store" };

/** What will be charged for a confirmed quote, and the button that opens the payment page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, quoteId } = await requireCheckoutAccess(request, params.quoteId);
  const view = await loadCheckout(db(), access.accountId, quoteId, clock().now());
  if (!view) notFound();
  const { quote, state } = view;
  return data(
    {
      state,
      provider: paymentProvider().name,
      cardLimit: CARD_PAYMENT_LIMIT,
      quote: {
        id: quote.id,
        number: quote.number,
        contractId: quote.contractId,
        contractNumber: quote.contractNumber,
        currency: quote.currency,
        subtotal: quote.subtotal,
        total: quote.total,
        newTermStart: quote.newTermStart,
        newTermEnd: quote.newTermEnd,
        expiresAt: quote.expiresAt.toISOString(),
        poNumber: quote.poNumber,
        billingEmail: quote.billingEmail,
        lines: quote.lines.map((line) => ({
          kind: line.kind,
          code: line.code,
          quantity: line.quantity,
          unitAmount: line.unitAmount,
          amount: line.amount,
          detail: line.detail,
        })),
      },
    },
    { headers: NO_STORE },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { access, quoteId, payer } = await requireCheckoutAccess(request, params.quoteId);
  const result = await startCheckout(
    { quoteId, payer, locale: await getLocale(request), baseUrl: publicBaseUrl(request), requestId: context.requestId },
    { db: db(), provider: paymentProvider(), now: () => clock().now() },
  );
  // A link's use is logged when it does something; a refusal (409, 503) changes nothing, not even the log.
  if (result.ok && access.kind === "portal_link") await recordPortalLinkAction(request, access.portalLinkId, "pay");
  if (result.ok) throw redirect(result.url, { status: 303, headers: NO_STORE });
  if (result.reason === "not_found") notFound();
  if (result.reason === "paid" || result.reason === "processing") throw redirect(paymentPaths.success(quoteId), 303);
  return data({ error: result.reason }, { status: result.reason === "provider_unavailable" ? 503 : 409, headers: NO_STORE });
}

export default function Checkout() {
  const { quote, state, provider, cardLimit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("checkout");
  const lng = i18n.language;
  const amount = formatMoney(quote.total, quote.currency, lng);
  return (
    <div className="checkout">
      <h1>{t("page.title")}</h1>
      <p className="lead">{t("page.lead", { quote: quote.number, contract: quote.contractNumber })}</p>
      {actionData?.error ? (
        <p className="notice notice-error" role="alert">
          {t(`errors.${actionData.error}`)}
        </p>
      ) : null}
      {state === "payable" ? (
        <>
          <ChargeSummary
            lines={quote.lines}
            currency={quote.currency}
            subtotal={quote.subtotal}
            total={quote.total}
            caption={t("summary.caption")}
            totalLabel={t("summary.total")}
          />
          <p className="checkout-no-fees">{t("summary.noFees")}</p>
          <dl className="meta-list">
            <dt>{t("page.newTermLabel")}</dt>
            <dd>{t("page.newTerm", { start: formatDate(quote.newTermStart, lng, "long"), end: formatDate(quote.newTermEnd, lng, "long") })}</dd>
            {quote.poNumber ? (
              <>
                <dt>{t("page.poNumberLabel")}</dt>
                <dd>{quote.poNumber}</dd>
              </>
            ) : null}
            {quote.billingEmail ? (
              <>
                <dt>{t("page.receiptToLabel")}</dt>
                <dd>{quote.billingEmail}</dd>
              </>
            ) : null}
            <dt>{t("page.payByLabel")}</dt>
            <dd>{formatDateTime(quote.expiresAt, lng)}</dd>
          </dl>
          {/* A document POST: the answer is a redirect to the provider's own page. */}
          <Form method="post" reloadDocument className="checkout-pay">
            <button type="submit" className="button button-large" disabled={navigation.state !== "idle"}>
              {t("page.payButton", { amount })}
            </button>
          </Form>
          <p className="muted">{t(provider === "stripe" ? "page.securePayment" : "page.demoPayment")}</p>
          <p>
            <Link to={paymentPaths.renewal(quote.contractId)}>{t("page.backToRenewal")}</Link>
          </p>
        </>
      ) : (
        <CheckoutStatePanel
          state={state}
          quoteId={quote.id}
          contractId={quote.contractId}
          values={{ limit: formatMoney(cardLimit, quote.currency, lng), date: formatDateTime(quote.expiresAt, lng) }}
        />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
