import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDate, formatMoney } from "~/lib/format";
import { parseForm } from "~/lib/forms";
import { PaymentProviderError } from "~/lib/payments/provider";
import { paymentPaths } from "~/lib/payments/urls";
import { useValidatedForm } from "~/lib/use-validated-form";

import {
  applyProviderSession,
  clock,
  data,
  db,
  errorFields,
  findConfirmation,
  findNpsForQuote,
  hasRefusedPayment,
  log,
  notFound,
  NpsSchema,
  paymentProvider,
  publicBaseUrl,
  readFormData,
  recordRenewalNps,
  requireCheckoutAccess,
} from "./__checkout.$quoteId.success.server";

export const handle = {
  i18n: ["checkout", "pricing"],
  title: (data: unknown) => {
    const view = (data as { view?: string } | undefined)?.view;
    return view ? { key: `checkout:success.${view}.title` } : null;
  },
};

const NO_STORE = { "Cache-Control": "private, no-store" };

type View = "confirmed" | "processing" | "failed" | "refused" | "checking" | "not_completed";

/**
 * Where the provider sends the customer back. If the provider says the
 * session is paid, the renewal is fulfilled here (whichever comes first,
 * this page or the webhook; the other then changes nothing), and the page
 * shows the new term, what was paid, the saving and the receipt.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { access, quoteId } = await requireCheckoutAccess(request, params.quoteId);
  const sessionId = new URL(request.url).searchParams.get("session_id");
  let before = await findConfirmation(db(), access.accountId, quoteId);
  if (!before) notFound();

  let providerUnreachable = false;
  if (sessionId && sessionId.length <= 255 && before.quote.status !== "fulfilled") {
    try {
      const session = await paymentProvider().retrieveSession(sessionId);
      // Only this quote's session: the page never acts on someone else's.
      if (session.quoteId === quoteId) {
        await applyProviderSession(db(), session, {
          now: clock().now(),
          source: "success_page",
          baseUrl: publicBaseUrl(request),
          requestId: context.requestId,
        });
        before = (await findConfirmation(db(), access.accountId, quoteId)) ?? before;
      }
    } catch (error) {
      if (!(error instanceof PaymentProviderError)) throw error;
      providerUnreachable = true;
      log.warn("success page could not ask the payment provider", { quoteId, ...errorFields(error) });
    }
  }

  const { quote, payment, latest, discounts } = before;
  const confirmed = quote.status === "fulfilled" && payment !== null && quote.newContractId !== null;
  let view: View;
  if (confirmed) view = "confirmed";
  else if (latest?.status === "processing") view = "processing";
  else if (await hasRefusedPayment(db(), access.accountId, quoteId)) view = "refused";
  else if (latest?.status === "failed") view = "failed";
  else view = providerUnreachable ? "checking" : "not_completed";

  const nps = confirmed ? await findNpsForQuote(db(), quoteId) : null;
  return data(
    {
      view,
      quote: { id: quote.id, number: quote.number, contractId: quote.contractId, contractNumber: quote.contractNumber, currency: quote.currency },
      confirmation: confirmed
        ? {
            paymentId: payment.id,
            amount: payment.amount,
            currency: payment.currency,
            paidAt: (payment.paidAt ?? payment.updatedAt).toISOString(),
            newContractNumber: quote.newContractNumber,
            termStart: quote.newTermStartActual ?? quote.newTermStart,
            termEnd: quote.newTermEndActual ?? quote.newTermEnd,
            saving: quote.discountTotal,
            discounts: discounts.map((line) => ({ code: line.code, amount: line.amount, detail: line.detail })),
          }
        : null,
      npsAnswered: Boolean(nps),
    },
    { headers: NO_STORE },
  );
}

/** The short NPS question (0–10 and an optional comment), once per renewal. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { access, quoteId, contractId } = await requireCheckoutAccess(request, params.quoteId);
  const parsed = parseForm(await readFormData(request), NpsSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, thanks: false }, { status: 400 });
  const confirmation = await findConfirmation(db(), access.accountId, quoteId);
  if (!confirmation || confirmation.quote.status !== "fulfilled") {
    return data({ errors: { score: "checkout:nps.errors.notYet" }, values: null, thanks: false }, { status: 409 });
  }
  await db()
    .transaction()
    .execute((trx) =>
      recordRenewalNps(trx, {
        accountId: access.accountId,
        contactId: access.contactId ?? null,
        contractId,
        quoteId,
        score: parsed.data.score,
        comment: parsed.data.comment,
        now: clock().now(),
      }),
    );
  return data({ errors: null, values: null, thanks: true }, { headers: NO_STORE });
}

export default function Success() {
  const { view, quote, confirmation, npsAnswered } = useLoaderData<typeof loader>();
  const { t } = useTranslation("checkout");
  if (view !== "confirmed" || !confirmation) {
    const next = view === "failed" || view === "not_completed" ? paymentPaths.checkout(quote.id) : paymentPaths.success(quote.id);
    return (
      <div className="checkout">
        <h1>{t(`success.${view}.title`)}</h1>
        <p className="lead">{t(`success.${view}.body`, { quote: quote.number, contract: quote.contractNumber })}</p>
        <p className="actions">
          {view === "refused" ? null : (
            <Link to={next} className="button">
              {t(`success.${view}.action`)}
            </Link>
          )}
          <Link to="/account" className="button button-secondary">
            {t("success.toAccount")}
          </Link>
        </p>
      </div>
    );
  }
  return <Confirmed quoteNumber={quote.number} contractNumber={quote.contractNumber} confirmation={confirmation} npsAnswered={npsAnswered} />;
}

function Confirmed({
  quoteNumber,
  contractNumber,
  confirmation,
  npsAnswered,
}: {
  quoteNumber: string;
  contractNumber: string;
  confirmation: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["confirmation"]>;
  npsAnswered: boolean;
}) {
  const { t, i18n } = useTranslation(["checkout", "pricing"]);
  const lng = i18n.language;
  const money = (amount: number) => formatMoney(amount, confirmation.currency, lng);
  const num = (detail: Record<string, unknown>, key: string) => (typeof detail[key] === "number" ? (detail[key] as number) : 0);
  return (
    <div className="checkout checkout-confirmed">
      <h1>{t("success.confirmed.title")}</h1>
      <p className="lead">{t("success.confirmed.body", { contract: contractNumber, quote: quoteNumber })}</p>
      <dl className="meta-list confirmation-facts">
        <dt>{t("success.confirmed.newContract")}</dt>
        <dd>{confirmation.newContractNumber}</dd>
        <dt>{t("success.confirmed.term")}</dt>
        <dd>
          {t("success.confirmed.termValue", {
            start: formatDate(confirmation.termStart, lng, "long"),
            end: formatDate(confirmation.termEnd, lng, "long"),
          })}
        </dd>
        <dt>{t("success.confirmed.paid")}</dt>
        <dd>{t("success.confirmed.paidValue", { amount: money(confirmation.amount), date: formatDate(confirmation.paidAt, lng, "long") })}</dd>
      </dl>
      {confirmation.saving > 0 ? (
        <section className="notice notice-success" aria-labelledby="saving-title">
          <h2 id="saving-title">{t("success.confirmed.savingTitle", { amount: money(confirmation.saving) })}</h2>
          <ul className="plain-list">
            {confirmation.discounts.map((line) => (
              <li key={line.code}>
                {t(`pricing:lines.${line.code}`, {
                  count: line.code === "early_renewal" ? num(line.detail, "days") : num(line.detail, "termYears"),
                  percent: num(line.detail, "percent"),
                })}
                : {money(-line.amount)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="actions">
        <Link to={paymentPaths.receipt(confirmation.paymentId)} className="button">
          {t("success.confirmed.receipt")}
        </Link>
        <Link to="/account" className="button button-secondary">
          {t("success.toAccount")}
        </Link>
      </p>
      <p className="muted">{t("success.confirmed.emailed")}</p>
      <NpsQuestion answered={npsAnswered} />
    </div>
  );
}

const SCORES = Array.from({ length: 11 }, (_, i) => String(i));

function NpsQuestion({ answered }: { answered: boolean }) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("checkout");
  const { register, onSubmit, errorFor, formRef, validation } = useValidatedForm(() => import("~/domain/payments/schemas").then((m) => m.NpsSchema), { serverErrors: actionData?.errors ?? null });
  if (answered || actionData?.thanks) {
    return (
      <section className="nps" aria-labelledby="nps-title">
        <h2 id="nps-title">{t("nps.title")}</h2>
        <p role="status">{t("nps.thanks")}</p>
      </section>
    );
  }
  const scoreError = errorFor("score");
  const commentError = errorFor("comment");
  return (
    <section className="nps" aria-labelledby="nps-title">
      <h2 id="nps-title">{t("nps.title")}</h2>
      <Form ref={formRef} method="post" noValidate onSubmit={onSubmit}>
        <fieldset className="nps-scale" role="radiogroup" aria-describedby={scoreError ? "nps-score-error" : "nps-score-hint"} aria-invalid={scoreError ? true : undefined}>
          <legend>{t("nps.question")}</legend>
          <p id="nps-score-hint" className="field-hint">
            {t("nps.hint")}
          </p>
          <div className="nps-options">
            {SCORES.map((score) => (
              <label key={score} className="nps-option">
                <input type="radio" value={score} {...register("score")} />
                <span>{score}</span>
              </label>
            ))}
          </div>
          {scoreError ? (
            <p id="nps-score-error" className="field-error" role="alert">
              {t(scoreError)}
            </p>
          ) : null}
        </fieldset>
        <div className="field">
          <label htmlFor="nps-comment">{t("nps.comment")}</label>
          <textarea
            id="nps-comment"
            rows={3}
            maxLength={2000}
            aria-invalid={commentError ? true : undefined}
            aria-describedby={commentError ? "nps-comment-error" : undefined}
            {...register("comment")}
          />
          {commentError ? (
            <span id="nps-comment-error" className="field-error" role="alert">
              {t(commentError)}
            </span>
          ) : null}
        </div>
        <button type="submit" className="button">
          {t("nps.submit")}
        </button>
        {validation}
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
