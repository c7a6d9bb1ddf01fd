import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ChargeSummary } from "~/components/checkout/charge-summary";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TextField } from "~/components/form-field";
import { formatMoney } from "~/lib/format";
import { paymentPaths } from "~/lib/payments/urls";
import { useValidatedForm } from "~/lib/use-validated-form";

import {
  clock,
  data,
  db,
  DEMO_CARDS,
  demoCardOutcome,
  demoCardSchema,
  findQuoteForAccount,
  notFound,
  parseForm,
  payDemoSession,
  paymentProvider,
  publicBaseUrl,
  readFormData,
  redirect,
  requireDemoSessionAccess,
  todayIso,
} from "./__checkout.demo.$sessionId.server";

export const handle = { i18n: ["checkout", "pricing", "catalog"], title: "checkout:demo.title" };

const NO_STORE = { "Cache-Control": "private, no-store" };

/** The demo provider only: with Stripe configured this page does not exist. */
function demoProvider() {
  const provider = paymentProvider();
  if (provider.name !== "demo") notFound();
  return provider;
}

/**
 * The demo checkout page: what Stripe's hosted page would be, clearly marked
 * as a demo, with Stripe's test cards. No money moves.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const provider = demoProvider();
  const { access, quoteId, sessionId } = await requireDemoSessionAccess(request, params.sessionId);
  const [session, quote] = await Promise.all([provider.retrieveSession(sessionId), findQuoteForAccount(db(), access.accountId, quoteId)]);
  if (!quote) notFound();
  return data(
    {
      today: todayIso(clock()),
      open: session.status === "open",
      sessionId,
      quote: {
        id: quote.id,
        number: quote.number,
        contractNumber: quote.contractNumber,
        currency: quote.currency,
        subtotal: quote.subtotal,
        total: quote.total,
        lines: quote.lines.map((line) => ({
          kind: line.kind,
          code: line.code,
          quantity: line.quantity,
          unitAmount: line.unitAmount,
          amount: line.amount,
          detail: line.detail,
        })),
      },
      amount: session.amountTotal ?? quote.total,
      cards: DEMO_CARDS,
    },
    { headers: NO_STORE },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const provider = demoProvider();
  const { quoteId, sessionId } = await requireDemoSessionAccess(request, params.sessionId);
  const parsed = parseForm(await readFormData(request), demoCardSchema(todayIso(clock())));
  if (!parsed.ok) return data({ errors: parsed.errors, values: safeValues(parsed.values) }, { status: 400, headers: NO_STORE });
  const outcome = demoCardOutcome(parsed.data.cardNumber);
  if (outcome === "declined" || outcome === "unknown") {
    // As on Stripe's page: the card is refused, nothing changes, another card
    // can be tried. The form was valid, so this is a page with a message (200),
    // not a bad request.
    const key = outcome === "declined" ? "checkout:demo.errors.declined" : "checkout:demo.errors.notTestCard";
    return data({ errors: { cardNumber: key }, values: { expiry: "" } }, { headers: NO_STORE });
  }
  const result = await payDemoSession(db(), provider, sessionId, outcome, {
    now: clock().now(),
    source: "demo_checkout",
    baseUrl: publicBaseUrl(request),
    requestId: context.requestId,
  });
  if (result === "not_open") return data({ errors: { form: "checkout:demo.errors.notOpen" }, values: { expiry: "" } }, { status: 409, headers: NO_STORE });
  throw redirect(paymentPaths.success(quoteId, sessionId), 303);
}

/** A card number is never sent back to the page; the expiry may be. */
function safeValues(values: Record<string, string>) {
  return { expiry: values.expiry ?? "" };
}

export default function DemoCheckout() {
  const { quote, open, amount, today, cards } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("checkout");
  const { register, onSubmit, errorFor, formRef, validation } = useValidatedForm(() => import("~/domain/payments/schemas").then((m) => m.demoCardSchema(today)), {
    serverErrors: actionData?.errors ?? null,
  });
  const total = formatMoney(amount, quote.currency, i18n.language);
  const formError = (actionData?.errors as Record<string, string> | undefined)?.form;
  return (
    <div className="demo-checkout">
      <p className="demo-banner" role="note">
        <strong>{t("demo.banner")}</strong> {t("demo.bannerDetail")}
      </p>
      <h1>{t("demo.title")}</h1>
      <p className="lead">{t("demo.lead", { amount: total, quote: quote.number, contract: quote.contractNumber })}</p>
      <ChargeSummary
        lines={quote.lines}
        currency={quote.currency}
        subtotal={quote.subtotal}
        total={quote.total}
        caption={t("summary.caption")}
        totalLabel={t("summary.total")}
      />
      {!open || formError ? (
        <div className="notice notice-warning" role="alert">
          <p>{t(formError ?? "checkout:demo.errors.notOpen")}</p>
          <p>
            <Link to={paymentPaths.checkout(quote.id)}>{t("demo.backToCheckout")}</Link>
          </p>
        </div>
      ) : (
        <Form ref={formRef} method="post" noValidate onSubmit={onSubmit} className="demo-card-form" aria-labelledby="demo-card-title">
          <h2 id="demo-card-title">{t("demo.cardTitle")}</h2>
          <TextField
            label={t("demo.cardNumber")}
            hint={t("demo.cardNumberHint")}
            error={errorFor("cardNumber")}
            inputProps={{ type: "text", inputMode: "numeric", autoComplete: "cc-number", ...register("cardNumber") }}
          />
          <div className="demo-card-row">
            <TextField
              label={t("demo.expiry")}
              hint={t("demo.expiryHint")}
              error={errorFor("expiry")}
              inputProps={{ type: "text", inputMode: "numeric", autoComplete: "cc-exp", defaultValue: actionData?.values?.expiry ?? "", ...register("expiry") }}
            />
            <TextField
              label={t("demo.cvc")}
              hint={t("demo.cvcHint")}
              error={errorFor("cvc")}
              inputProps={{ type: "text", inputMode: "numeric", autoComplete: "cc-csc", ...register("cvc") }}
            />
          </div>
          <button type="submit" className="button button-large" disabled={navigation.state !== "idle"}>
            {t("demo.pay", { amount: total })}
          </button>
          <p>
            <Link to={paymentPaths.cancel(quote.id)}>{t("demo.cancel")}</Link>
          </p>
          {validation}
        </Form>
      )}
      <section className="demo-cards" aria-labelledby="demo-cards-title">
        <h2 id="demo-cards-title">{t("demo.testCards")}</h2>
        <dl className="meta-list">
          <dt>
            <code>{groups(cards.succeeds)}</code>
          </dt>
          <dd>{t("demo.cards.succeeds")}</dd>
          <dt>
            <code>{groups(cards.declined)}</code>
          </dt>
          <dd>{t("demo.cards.declined")}</dd>
          <dt>
            <code>{groups(cards.processing)}</code>
          </dt>
          <dd>{t("demo.cards.processing")}</dd>
        </dl>
        <p className="muted">{t("demo.cardsNote")}</p>
      </section>
    </div>
  );
}

function groups(number: string): string {
  return number.replace(/(\d{4})(?=\d)/g, "$1 ");
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
