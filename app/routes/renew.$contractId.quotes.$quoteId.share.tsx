import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TextField } from "~/components/form-field";
import { formatDate, formatDateTime, formatMoney } from "~/lib/format";
import { parseForm } from "~/lib/forms";
import { useValidatedForm } from "~/lib/use-validated-form";

import {
  actorOf,
  clock,
  data,
  db,
  findQuoteForAccount,
  getLocale,
  isUuid,
  listQuoteShares,
  notFound,
  parseIdOr404,
  readFormData,
  recordPortalLinkAction,
  requireRenewalEditor,
  revokeShare,
  shareQuote,
  ShareQuoteSchema,
} from "./__renew.$contractId.quotes.$quoteId.share.server";

export const handle = {
  i18n: ["renewal", "pricing", "catalog"],
  title: (d: unknown) => (d ? { key: "renewal:share.title", params: { number: (d as { quote: { number: string } }).quote.number } } : null),
};

async function quoteFor(request: Request, params: LoaderFunctionArgs["params"]) {
  const contractId = parseIdOr404(params.contractId);
  const quoteId = parseIdOr404(params.quoteId);
  const access = await requireRenewalEditor(request, contractId);
  const quote = await findQuoteForAccount(db(), access.accountId, quoteId);
  if (!quote || quote.contractId !== contractId) notFound();
  return { access, quote, contractId };
}

/** Hand a quote to the person who approves it, and see (or revoke) who has it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { access, quote, contractId } = await quoteFor(request, params);
  const shares = await listQuoteShares(db(), access.accountId, quote.id);
  const now = clock().now();
  return {
    contractId,
    quote: { id: quote.id, number: quote.number, version: quote.version, total: quote.total, currency: quote.currency, status: quote.status, expired: quote.expiresAt <= now },
    shares: shares.map((s) => ({
      id: s.id,
      name: s.recipientName,
      email: s.recipientEmail,
      sentAt: s.createdAt.toISOString(),
      expiresOn: s.expiresAt.toISOString().slice(0, 10),
      state: s.revokedAt ? "revoked" : s.expiresAt <= now ? "expired" : "active",
      decision: s.decision,
      comment: s.comment,
    })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { access, quote } = await quoteFor(request, params);
  const form = await readFormData(request);
  const actor = actorOf(access);
  if (form.get("intent") === "revoke") {
    const linkId = form.get("linkId");
    const revoked = isUuid(linkId) ? await revokeShare({ accountId: access.accountId, quote, linkId: linkId.toLowerCase(), actor, requestId: context?.requestId ?? null }) : false;
    return data({ intent: "revoke" as const, ok: revoked, errors: null }, { status: revoked ? 200 : 409 });
  }
  const parsed = parseForm(form, ShareQuoteSchema);
  if (!parsed.ok) return data({ intent: "share" as const, ok: false, errors: parsed.errors }, { status: 400 });
  const shared = await shareQuote(request, {
    accountId: access.accountId,
    accountName: access.accountName,
    quote,
    actor,
    sharerName: access.name ?? access.email ?? access.accountName,
    sharerLocale: access.locale ?? (await getLocale(request)),
    form: parsed.data,
    requestId: context?.requestId ?? null,
  });
  if (access.kind === "portal_link") await recordPortalLinkAction(request, access.portalLinkId, "share_page");
  if (!shared.ok) return data({ intent: "share" as const, ok: false, errors: { form: shared.error } }, { status: 409 });
  return { intent: "share" as const, ok: true, errors: null, sentTo: parsed.data.approverEmail };
}

export default function ShareQuote() {
  const { contractId, quote, shares } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("renewal");
  const lng = i18n.language;
  const { register, onSubmit, errorFor, formRef, validation } = useValidatedForm(() => import("~/domain/renewal/schemas").then((m) => m.ShareQuoteSchema), { serverErrors: result?.errors ?? null });
  const shareable = ["draft", "shared", "approved"].includes(quote.status) && !quote.expired;
  return (
    <>
      <h1>{t("share.title", { number: quote.number })}</h1>
      <p className="lead">{t("share.lead", { total: formatMoney(quote.total, quote.currency, lng) })}</p>
      <p>
        <Link to={`/renew/${contractId}/quotes/${quote.id}`}>{t("share.backToQuote")}</Link>
      </p>
      {result?.intent === "share" && result.ok && "sentTo" in result ? (
        <p className="notice notice-success" role="status">
          {t("share.sent", { email: result.sentTo })}
        </p>
      ) : null}
      {result?.intent === "revoke" ? (
        <p className={`notice ${result.ok ? "notice-success" : "notice-error"}`} role="status">
          {t(result.ok ? "share.revoked" : "share.revokeFailed")}
        </p>
      ) : null}
      {result?.errors?.form ? (
        <p className="notice notice-error" role="alert">
          {t(result.errors.form)}
        </p>
      ) : null}

      {shareable ? (
        <Form ref={formRef} method="post" onSubmit={onSubmit} noValidate className="card share-form">
          <h2>{t("share.formTitle")}</h2>
          <TextField label={t("share.name")} error={errorFor("approverName")} inputProps={{ ...register("approverName"), autoComplete: "off", maxLength: 200 }} />
          <TextField
            label={t("share.email")}
            hint={t("share.emailHint")}
            error={errorFor("approverEmail")}
            inputProps={{ ...register("approverEmail"), type: "email", autoComplete: "off" }}
          />
          <div className="field">
            <label htmlFor="share-note">{t("share.note")}</label>
            <span id="share-note-hint" className="field-hint">
              {t("share.noteHint")}
            </span>
            <textarea
              id="share-note"
              maxLength={2000}
              aria-describedby={`share-note-hint${errorFor("note") ? " share-note-error" : ""}`}
              aria-invalid={errorFor("note") ? true : undefined}
              {...register("note")}
            />
            {errorFor("note") ? (
              <span id="share-note-error" className="field-error" role="alert">
                {t(errorFor("note")!)}
              </span>
            ) : null}
          </div>
          <p className="actions">
            <button type="submit" name="intent" value="share" className="button" disabled={navigation.state !== "idle"}>
              {t("share.submit")}
            </button>
          </p>
          {validation}
        </Form>
      ) : (
        <p className="notice notice-info">{t("share.notShareable")}</p>
      )}

      <h2>{t("share.sentTitle")}</h2>
      {shares.length === 0 ? (
        <p>{t("share.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("share.sentTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("share.columns.to")}</th>
                <th scope="col">{t("share.columns.sent")}</th>
                <th scope="col">{t("share.columns.state")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("share.columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shares.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.name ? `${s.name} ` : ""}
                    <span className="muted">({s.email})</span>
                  </td>
                  <td>{formatDateTime(s.sentAt, lng)}</td>
                  <td>
                    {s.decision ? t(`share.decision.${s.decision}`) : t(`share.states.${s.state}`, { date: formatDate(s.expiresOn, lng) })}
                    {s.comment ? <blockquote className="quoted">{s.comment}</blockquote> : null}
                  </td>
                  <td>
                    {s.state === "active" && !s.decision ? (
                      <Form method="post">
                        <input type="hidden" name="linkId" value={s.id} />
                        <button type="submit" name="intent" value="revoke" className="button button-secondary button-small" aria-label={t("share.revokeLabel", { email: s.email })}>
                          {t("share.revoke")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
