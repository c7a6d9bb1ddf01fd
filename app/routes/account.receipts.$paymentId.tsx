import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ChargeSummary } from "~/components/checkout/charge-summary";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDate, formatDateTime, formatMoney } from "~/lib/format";

import { data, requireReceiptAccess } from "./__account.receipts.$paymentId.server";

export const handle = {
  i18n: ["checkout", "pricing", "catalog"],
  title: (data: unknown) => {
    const number = (data as { receipt?: { quoteNumber: string } } | undefined)?.receipt?.quoteNumber;
    return number ? { key: "checkout:receipt.title", params: { quote: number } } : null;
  },
};

/** A printable receipt for one payment, for the people who could pay its quote. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { receipt } = await requireReceiptAccess(request, params.paymentId);
  return data(
    {
      receipt: {
        id: receipt.id,
        provider: receipt.provider,
        reference: receipt.providerPaymentId ?? receipt.providerSessionId,
        amount: receipt.amount,
        currency: receipt.currency,
        status: receipt.status,
        refundedAmount: receipt.refundedAmount,
        paidAt: receipt.paidAt?.toISOString() ?? null,
        quoteNumber: receipt.quoteNumber,
        subtotal: receipt.subtotal,
        total: receipt.total,
        poNumber: receipt.poNumber,
        billingEmail: receipt.billingEmail,
        accountName: receipt.accountName,
        previousContractNumber: receipt.previousContractNumber,
        newContractNumber: receipt.newContractNumber,
        newTermStart: receipt.newTermStart,
        newTermEnd: receipt.newTermEnd,
        lines: receipt.lines.map((line) => ({
          kind: line.kind,
          code: line.code,
          quantity: line.quantity,
          unitAmount: line.unitAmount,
          amount: line.amount,
          detail: line.detail,
        })),
      },
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function ReceiptPage() {
  const { receipt } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("checkout");
  const lng = i18n.language;
  const money = (amount: number) => formatMoney(amount, receipt.currency, lng);
  return (
    <article className="receipt" aria-labelledby="receipt-title">
      <header className="receipt-header">
        <p className="receipt-brand">Customer365</p>
        <h1 id="receipt-title">{t("receipt.title", { quote: receipt.quoteNumber })}</h1>
        {receipt.provider === "demo" ? <p className="demo-banner">{t("receipt.demo")}</p> : null}
        {receipt.status !== "succeeded" ? (
          <p className="notice notice-warning">
            {t(`receipt.status.${receipt.status}`, { amount: money(receipt.refundedAmount) })}
          </p>
        ) : null}
      </header>
      <dl className="meta-list receipt-facts">
        <dt>{t("receipt.billedTo")}</dt>
        <dd>
          {receipt.accountName}
          {receipt.billingEmail ? (
            <>
              <br />
              {receipt.billingEmail}
            </>
          ) : null}
        </dd>
        {receipt.poNumber ? (
          <>
            <dt>{t("receipt.poNumber")}</dt>
            <dd>{receipt.poNumber}</dd>
          </>
        ) : null}
        <dt>{t("receipt.paidOn")}</dt>
        <dd>{receipt.paidAt ? formatDateTime(receipt.paidAt, lng) : "—"}</dd>
        <dt>{t("receipt.amountPaid")}</dt>
        <dd>{money(receipt.amount)}</dd>
        <dt>{t("receipt.method")}</dt>
        <dd>{t(receipt.provider === "demo" ? "receipt.methodDemo" : "receipt.methodCard")}</dd>
        <dt>{t("receipt.reference")}</dt>
        <dd>
          <code>{receipt.reference}</code>
        </dd>
        <dt>{t("receipt.renews")}</dt>
        <dd>{receipt.previousContractNumber}</dd>
        {receipt.newContractNumber ? (
          <>
            <dt>{t("receipt.newContract")}</dt>
            <dd>
              {t("receipt.newContractValue", {
                contract: receipt.newContractNumber,
                start: formatDate(receipt.newTermStart, lng, "long"),
                end: formatDate(receipt.newTermEnd, lng, "long"),
              })}
            </dd>
          </>
        ) : null}
      </dl>
      <ChargeSummary
        lines={receipt.lines}
        currency={receipt.currency}
        subtotal={receipt.subtotal}
        total={receipt.total}
        caption={t("receipt.caption")}
        totalLabel={t("receipt.totalPaid")}
      />
      <p className="muted">{t("receipt.noFees")}</p>
      <p className="actions receipt-actions">
        <Link to="/account" className="button button-secondary">
          {t("success.toAccount")}
        </Link>
      </p>
      <p className="muted receipt-print-hint">{t("receipt.printHint")}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
