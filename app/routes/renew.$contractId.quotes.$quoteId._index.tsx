import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TextField } from "~/components/form-field";
import { QuoteBreakdown } from "~/components/quote-breakdown";
import { CONFIRMED_STATUSES } from "~/domain/renewal/confirmation";
import { formatDate, formatMoney } from "~/lib/format";
import { useValidatedForm } from "~/lib/use-validated-form";
import { RENEWAL_NAMESPACES } from "~/lib/renewal/namespaces";

import {
  actorOf,
  breakdownView,
  clock,
  ConfirmQuoteSchema,
  confirmRenewalQuote,
  data,
  db,
  findDecision,
  findQuoteForAccount,
  getLocale,
  latestQuoteVersion,
  notFound,
  parseForm,
  parseIdOr404,
  priceFresh,
  readFormData,
  recordPortalLinkAction,
  redirect,
  requireQuoteAccess,
  requireRenewalEditor,
  saveRenewalQuote,
  todayIso,
} from "./__renew.$contractId.quotes.$quoteId._index.server";

export const handle = {
  i18n: [...RENEWAL_NAMESPACES],
  title: (d: unknown) => (d ? { key: "renewal:confirm.title", params: { number: (d as { quote: { number: string } }).quote.number } } : null),
};

async function quoteFor(request: Request, params: LoaderFunctionArgs["params"]) {
  const contractId = parseIdOr404(params.contractId);
  const quoteId = parseIdOr404(params.quoteId);
  const access = await requireQuoteAccess(request, contractId, quoteId);
  const quote = await findQuoteForAccount(db(), access.accountId, quoteId);
  if (!quote || quote.contractId !== contractId) notFound();
  return { access, quote, contractId };
}

/** Review and confirm one saved quote version: its stored lines, its number, its price hold. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, quote, contractId } = await quoteFor(request, params);
  if (access.kind === "portal_link") await recordPortalLinkAction(request, access.portalLinkId, "view_quote");
  const [latest, decision, locale] = await Promise.all([latestQuoteVersion(db(), contractId), findDecision(db(), quote.id, quote.version), getLocale(request)]);
  const now = clock().now();
  return {
    contractId,
    approver: access.kind === "portal_link" && access.quoteId !== null,
    quote: {
      id: quote.id,
      number: quote.number,
      version: quote.version,
      status: quote.status,
      priceHash: quote.priceHash,
      total: quote.total,
      // Lines and totals as the reader sees them; the numbers stay on the server.
      breakdown: breakdownView(quote, locale),
      newTermStart: quote.newTermStart,
      newTermEnd: quote.newTermEnd,
      heldUntil: quote.expiresAt.toISOString().slice(0, 10),
      expired: quote.expiresAt <= now,
      poNumber: quote.poNumber,
      billingEmail: quote.billingEmail,
    },
    newer: latest && latest.version > quote.version ? latest.id : null,
    decision: decision ? { decision: decision.decision, comment: decision.comment, by: decision.approverName ?? decision.approverEmail, on: decision.decidedAt.toISOString().slice(0, 10) } : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { access, quote, contractId } = await quoteFor(request, params);
  const form = await readFormData(request);
  const now = clock().now();
  const today = todayIso(clock());
  if (form.get("intent") === "fresh") {
    const editor = await requireRenewalEditor(request, contractId);
    const fresh = await priceFresh(db(), quote, today);
    if (!fresh?.ok) return data({ refusal: "closed" as const, fresh: null, latestQuoteId: null, errors: null }, { status: 409 });
    const saved = await saveRenewalQuote(db(), {
      accountId: editor.accountId,
      contractId,
      quote: fresh.quote,
      actor: actorOf(editor),
      now,
      reason: "fresh",
      requestId: context?.requestId ?? null,
    });
    throw redirect(`/renew/${contractId}/quotes/${saved.id}`);
  }

  const parsed = parseForm(form, ConfirmQuoteSchema);
  if (!parsed.ok) {
    // Missing or malformed hidden fields are a tampered form, not a typo.
    const tampered = parsed.errors.version || parsed.errors.priceHash;
    if (tampered) return data({ refusal: "tampered" as const, fresh: null, latestQuoteId: null, errors: null }, { status: 409 });
    return data({ refusal: null, fresh: null, latestQuoteId: null, errors: parsed.errors }, { status: 400 });
  }
  const result = await confirmRenewalQuote(db(), {
    accountId: access.accountId,
    contractId,
    quoteId: quote.id,
    form: parsed.data,
    actor: actorOf(access),
    now,
    today,
    requestId: context?.requestId ?? null,
  });
  if (access.kind === "portal_link") await recordPortalLinkAction(request, access.portalLinkId, result.ok ? "confirm_quote" : "confirm_refused");
  if (result.ok) throw redirect(`/checkout/${quote.id}`);
  const offerFresh = result.reason === "stale" || result.reason === "expired" || result.reason === "tampered";
  const fresh = offerFresh ? await priceFresh(db(), quote, today) : null;
  return data(
    {
      refusal: result.reason,
      latestQuoteId: result.latestQuoteId,
      fresh: fresh?.ok ? { total: fresh.quote.total, currency: fresh.quote.currency } : null,
      errors: null,
    },
    { status: 409 },
  );
}

export default function ReviewQuote() {
  const { contractId, quote, newer, decision, approver } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation(RENEWAL_NAMESPACES);
  const lng = i18n.language;
  const { register, onSubmit, errorFor, formRef, validation } = useValidatedForm(() => import("~/domain/renewal/schemas").then((m) => m.ConfirmQuoteSchema), {
    serverErrors: result?.errors ?? null,
  });
  const confirmed = (CONFIRMED_STATUSES as readonly string[]).includes(quote.status);
  const open = ["draft", "shared", "approved"].includes(quote.status) && !newer && !quote.expired;
  const base = `/renew/${contractId}/quotes/${quote.id}`;
  return (
    <>
      <h1>{t("confirm.title", { number: quote.number })}</h1>
      <p className="lead">{t("confirm.lead", { version: quote.version })}</p>
      <dl className="meta-list">
        <dt>{t("confirm.number")}</dt>
        <dd>{quote.number}</dd>
        <dt>{t("confirm.version")}</dt>
        <dd>{quote.version}</dd>
        <dt>{t("confirm.status")}</dt>
        <dd>{t(`status.${quote.status}`)}</dd>
        <dt>{t("confirm.heldUntilLabel")}</dt>
        <dd>{t("confirm.heldUntil", { date: formatDate(quote.heldUntil, lng, "long") })}</dd>
        <dt>{t("confirm.newTermLabel")}</dt>
        <dd>{t("breakdown.newTermRange", { start: formatDate(quote.newTermStart, lng, "long"), end: formatDate(quote.newTermEnd, lng, "long") })}</dd>
      </dl>

      {result?.refusal ? (
        <div className="notice notice-error" role="alert">
          <p>{t(`confirm.refused.${result.refusal}`)}</p>
          {result.fresh ? <p>{t("confirm.freshPrice", { total: formatMoney(result.fresh.total, result.fresh.currency, lng) })}</p> : null}
          {result.refusal === "already_confirmed" ? (
            <p>
              <Link to={`/checkout/${quote.id}`}>{t("page.continueToPayment")}</Link>
            </p>
          ) : null}
          {result.latestQuoteId ? (
            <p>
              <Link to={`/renew/${contractId}/quotes/${result.latestQuoteId}`}>{t("confirm.openLatest")}</Link>
            </p>
          ) : null}
        </div>
      ) : null}

      {decision ? (
        <div className={`notice ${decision.decision === "approved" ? "notice-success" : "notice-warning"}`}>
          <p>{t(`confirm.decision.${decision.decision}`, { name: decision.by, date: formatDate(decision.on, lng, "long") })}</p>
          {decision.comment ? <blockquote className="quoted">{decision.comment}</blockquote> : null}
        </div>
      ) : null}
      {confirmed ? (
        <p className="notice notice-success" role="status">
          {t("confirm.alreadyConfirmed")} <Link to={`/checkout/${quote.id}`}>{t("page.continueToPayment")}</Link>
        </p>
      ) : null}
      {newer ? (
        <p className="notice notice-info">
          {t("confirm.newerExists")} <Link to={`/renew/${contractId}/quotes/${newer}`}>{t("confirm.openLatest")}</Link>
        </p>
      ) : null}
      {quote.expired && !confirmed ? <p className="notice notice-warning">{t("confirm.expiredNotice")}</p> : null}

      <QuoteBreakdown view={quote.breakdown} caption={t("confirm.linesCaption", { number: quote.number })} />
      <p className="muted">{t("breakdown.noHiddenFees")}</p>
      <p className="actions">
        <a href={`${base}/pdf`} className="button button-secondary" download>
          {t("actions.pdf")}
        </a>
        {!approver ? <Link to={`${base}/share`}>{t("actions.share")}</Link> : null}
        {!approver ? <Link to={`/renew/${contractId}`}>{t("confirm.changeOptions")}</Link> : null}
      </p>

      {open && !confirmed ? (
        <Form ref={formRef} method="post" onSubmit={onSubmit} noValidate className="card confirm-form">
          <h2>{t("confirm.formTitle")}</h2>
          <input type="hidden" defaultValue={quote.version} {...register("version" as never)} />
          <input type="hidden" defaultValue={quote.priceHash} {...register("priceHash" as never)} />
          <TextField
            label={t("confirm.poNumber")}
            hint={t("confirm.poNumberHint")}
            error={errorFor("poNumber" as never)}
            inputProps={{ ...register("poNumber" as never), defaultValue: quote.poNumber ?? "", maxLength: 64, autoComplete: "off" }}
          />
          <TextField
            label={t("confirm.billingEmail")}
            hint={t("confirm.billingEmailHint")}
            error={errorFor("billingEmail" as never)}
            inputProps={{ ...register("billingEmail" as never), defaultValue: quote.billingEmail ?? "", type: "email", autoComplete: "email" }}
          />
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                value="on"
                {...register("acceptTerms" as never)}
                aria-invalid={errorFor("acceptTerms" as never) ? true : undefined}
                aria-describedby={errorFor("acceptTerms" as never) ? "terms-error" : undefined}
              />
              <span>{t("confirm.acceptTerms")}</span>
            </label>
            {errorFor("acceptTerms" as never) ? (
              <span id="terms-error" className="field-error" role="alert">
                {t(errorFor("acceptTerms" as never)!)}
              </span>
            ) : null}
          </div>
          <details className="terms">
            <summary>{t("terms.title")}</summary>
            <ul>
              {(t("terms.summary", { returnObjects: true }) as string[]).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </details>
          <p className="actions">
            <button type="submit" name="intent" value="confirm" className="button" disabled={navigation.state !== "idle"}>
              {t("confirm.submit")}
            </button>
          </p>
          {validation}
        </Form>
      ) : null}
      {!approver && (quote.expired || result?.fresh) && !confirmed ? (
        <Form method="post">
          <button type="submit" name="intent" value="fresh" className="button">
            {t("confirm.getFresh")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
