import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { QuoteOptions } from "~/domain/pricing";
import { NON_RENEWAL_REASONS } from "~/domain/renewal/choices";
import { todayIso } from "~/lib/dates";
import { formatDate, formatMoney } from "~/lib/format";
import { parseForm } from "~/lib/forms";
import { useValidatedForm } from "~/lib/use-validated-form";

import {
  actorOf,
  clock,
  data,
  db,
  findNonRenewal,
  type LoadedRenewal,
  loadRenewal,
  nonRenewalAlternatives,
  NonRenewalSchema,
  notFound,
  optionsToSearchParams,
  parseIdOr404,
  priceRenewal,
  readFormData,
  recordNonRenewal,
  recordPortalLinkAction,
  redirect,
  requireRenewalEditor,
} from "./__renew.$contractId.not-renewing.server";

/**
 * Its own words and the product names (`catalog:`); unlike the other renewal
 * pages it shows no prices, so the pricing catalogue is not inlined.
 */
const NAMESPACES = ["renewal", "catalog"] as const;

export const handle = {
  i18n: [...NAMESPACES],
  title: (d: unknown) => (d ? { key: "renewal:notRenewing.title", params: { number: (d as { contract: { number: string } }).contract.number } } : null),
};

function offer(loaded: LoadedRenewal, contractId: string, kind: string, options: QuoteOptions | null, today: string) {
  if (!options) return [];
  const priced = priceRenewal(loaded, options, today);
  if (!priced.ok) return [];
  return [
    {
      kind,
      href: `/renew/${contractId}?${optionsToSearchParams(priced.quote.options).toString()}`,
      planCode: priced.quote.planCode,
      seats: priced.quote.seats,
      total: priced.quote.total,
      currency: priced.quote.currency,
    },
  ];
}

/** "I don't plan to renew": why, in the customer's words, and what the rules allow instead. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const contractId = parseIdOr404(params.contractId);
  const access = await requireRenewalEditor(request, contractId);
  const today = todayIso(clock());
  const loaded = await loadRenewal(db(), access.accountId, contractId, today);
  if (!loaded) notFound();
  if (access.kind === "portal_link") await recordPortalLinkAction(request, access.portalLinkId, "view_not_renewing");
  const previous = await findNonRenewal(db(), access.accountId, contractId);
  const open = loaded.renewal.status === "active";
  const alternatives = open ? nonRenewalAlternatives(loaded.renewal.context, loaded.catalogue) : null;
  return {
    contract: { id: contractId, number: loaded.renewal.number, termEnd: loaded.renewal.termEnd, open },
    previous: previous ? { on: previous.createdAt.toISOString().slice(0, 10), reasons: previous.reasons } : null,
    offers: alternatives
      ? [
          ...offer(loaded, contractId, "saveOffer", alternatives.saveOffer, today),
          ...offer(loaded, contractId, "smallerPlan", alternatives.smallerPlan, today),
          ...offer(loaded, contractId, "fewerSeats", alternatives.fewerSeats, today),
        ]
      : [],
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const contractId = parseIdOr404(params.contractId);
  const access = await requireRenewalEditor(request, contractId);
  const loaded = await loadRenewal(db(), access.accountId, contractId, todayIso(clock()));
  if (!loaded) notFound();
  const parsed = parseForm(await readFormData(request), NonRenewalSchema, { arrays: ["reasons"] });
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  await recordNonRenewal(request, {
    accountId: access.accountId,
    contractId,
    contractNumber: loaded.renewal.number,
    actor: actorOf(access),
    form: parsed.data,
    requestId: context?.requestId ?? null,
  });
  if (access.kind === "portal_link") await recordPortalLinkAction(request, access.portalLinkId, "not_renewing");
  throw redirect(`/renew/${contractId}`);
}

export default function NotRenewing() {
  const { contract, previous, offers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation(NAMESPACES);
  const lng = i18n.language;
  const { register, onSubmit, errorFor, formRef, validation } = useValidatedForm(() => import("~/domain/renewal/schemas").then((m) => m.NonRenewalSchema), { serverErrors: result?.errors ?? null });
  const reasonsError = errorFor("reasons");
  const commentError = errorFor("comment");
  return (
    <>
      <h1>{t("notRenewing.title", { number: contract.number })}</h1>
      <p className="lead">{t("notRenewing.lead", { date: formatDate(contract.termEnd, lng, "long") })}</p>
      {previous ? <p className="notice notice-info">{t("notRenewing.already", { date: formatDate(previous.on, lng, "long") })}</p> : null}

      {offers.length > 0 ? (
        <section aria-labelledby="alternatives">
          <h2 id="alternatives">{t("notRenewing.alternativesTitle")}</h2>
          <ul className="card-grid">
            {offers.map((o) => (
              <li key={o.kind} className="card">
                <h3>{t(`notRenewing.offers.${o.kind}.title`)}</h3>
                <p>
                  {t(`notRenewing.offers.${o.kind}.body`, {
                    plan: t(`catalog:products.${o.planCode}.name`),
                    seats: o.seats,
                    total: formatMoney(o.total, o.currency, lng),
                  })}
                </p>
                <Link to={o.href} className="button button-secondary">
                  {t(`notRenewing.offers.${o.kind}.action`)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {contract.open ? (
        <Form ref={formRef} method="post" onSubmit={onSubmit} noValidate className="card not-renewing-form">
          <h2>{t("notRenewing.formTitle")}</h2>
          <fieldset aria-describedby={reasonsError ? "reasons-error" : undefined}>
            <legend>{t("notRenewing.reasonsLegend")}</legend>
            {NON_RENEWAL_REASONS.map((reason) => (
              <label key={reason} className="checkbox">
                <input type="checkbox" value={reason} {...register("reasons")} />
                <span>{t(`notRenewing.reasons.${reason}`)}</span>
              </label>
            ))}
            {reasonsError ? (
              <span id="reasons-error" className="field-error" role="alert">
                {t(reasonsError)}
              </span>
            ) : null}
          </fieldset>
          <div className="field">
            <label htmlFor="not-renewing-comment">{t("notRenewing.comment")}</label>
            <span id="not-renewing-comment-hint" className="field-hint">
              {t("notRenewing.commentHint")}
            </span>
            <textarea
              id="not-renewing-comment"
              maxLength={4000}
              aria-invalid={commentError ? true : undefined}
              aria-describedby={`not-renewing-comment-hint${commentError ? " not-renewing-comment-error" : ""}`}
              {...register("comment")}
            />
            {commentError ? (
              <span id="not-renewing-comment-error" className="field-error" role="alert">
                {t(commentError)}
              </span>
            ) : null}
          </div>
          <p className="muted">{t("notRenewing.consequence")}</p>
          <p className="actions">
            <button type="submit" className="button button-danger" disabled={navigation.state !== "idle"}>
              {t("notRenewing.submit")}
            </button>
            <Link to={`/renew/${contract.id}`}>{t("notRenewing.back")}</Link>
          </p>
          {validation}
        </Form>
      ) : (
        <p className="notice notice-info">{t("notRenewing.closed")}</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
