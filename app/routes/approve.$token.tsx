import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { QuoteBreakdown } from "~/components/quote-breakdown";
import { formatDate } from "~/lib/format";
import { useValidatedForm } from "~/lib/use-validated-form";
import { RENEWAL_NAMESPACES } from "~/lib/renewal/namespaces";

import {
  ApprovalDecisionSchema,
  breakdownView,
  clock,
  data,
  decideOnQuote,
  getLocale,
  openApprovalLink,
  parseForm,
  readApprovalLink,
  readFormData,
  redirect,
} from "./__approve.$token.server";

export const handle = {
  i18n: [...RENEWAL_NAMESPACES],
  title: (d: unknown) => {
    const state = (d as { state?: string } | undefined)?.state;
    if (!state) return null;
    return state === "open" ? { key: "renewal:approve.title" } : { key: `renewal:approve.link.${state}.title` };
  },
};

// The token is in the URL: never let it leak through a Referer, never let a cache keep the page.
const PRIVATE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };
export const headers: HeadersFunction = () => PRIVATE;

/** An approver's link: the quote, read-only, with approve / request changes. Opening it consumes nothing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const opened = await readApprovalLink(request, params.token ?? "");
  if (opened.state !== "open") {
    return data(
      { state: opened.state, sharer: opened.state === "superseded" ? opened.sharerName : null, view: null },
      { status: 410, headers: PRIVATE },
    );
  }
  const { link, quote, decision } = opened;
  const now = clock().now();
  const locale = await getLocale(request);
  return data(
    {
      state: "open" as const,
      sharer: link.sharerName,
      view: {
        accountName: link.accountName,
        approverName: link.recipientName,
        note: link.note,
        quote: {
          number: quote.number,
          version: quote.version,
          status: quote.status,
          total: quote.total,
          // Lines and totals as the reader sees them; the numbers stay on the server.
          breakdown: breakdownView(quote, locale),
          newTermStart: quote.newTermStart,
          newTermEnd: quote.newTermEnd,
          heldUntil: quote.expiresAt.toISOString().slice(0, 10),
          expired: quote.expiresAt <= now,
        },
        decision: decision ? { decision: decision.decision, comment: decision.comment, on: decision.decidedAt.toISOString().slice(0, 10) } : null,
      },
    },
    { headers: PRIVATE },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const form = await readFormData(request);
  if (form.get("intent") === "continue") {
    const opened = await openApprovalLink(request, token);
    if (!opened.ok) return data({ errors: null, refusal: opened.reason }, { status: 410, headers: PRIVATE });
    throw redirect(`/renew/${opened.contractId}/quotes/${opened.quoteId}`, { headers: { "Set-Cookie": opened.setCookie, ...PRIVATE } });
  }
  const parsed = parseForm(form, ApprovalDecisionSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, refusal: null }, { status: 400, headers: PRIVATE });
  const decided = await decideOnQuote(request, token, parsed.data, context?.requestId ?? null);
  if (!decided.ok) return data({ errors: null, refusal: decided.reason }, { status: 409, headers: PRIVATE });
  return data({ errors: null, refusal: null, decided: decided.decision }, { headers: PRIVATE });
}

export default function Approve() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(RENEWAL_NAMESPACES);
  if (loaded.state !== "open" || !loaded.view) {
    return (
      <div className="narrow">
        <h1>{t(`approve.link.${loaded.state}.title`)}</h1>
        <p className="lead">{t(`approve.link.${loaded.state}.body`, { name: loaded.sharer ?? t("approve.theSender") })}</p>
      </div>
    );
  }
  return <ApproverQuote view={loaded.view} sharer={loaded.sharer} result={result ?? null} />;
}

type View = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["view"]>;
type Result = ReturnType<typeof useActionData<typeof action>>;

function ApproverQuote({ view, sharer, result }: { view: View; sharer: string | null; result: Result | null }) {
  const { t, i18n } = useTranslation(RENEWAL_NAMESPACES);
  const navigation = useNavigation();
  const { token } = useParams();
  const lng = i18n.language;
  const { register, onSubmit, errorFor, formRef, validation } = useValidatedForm(() => import("~/domain/renewal/schemas").then((m) => m.ApprovalDecisionSchema), { serverErrors: result?.errors ?? null });
  const { quote, decision } = view;
  const decided = decision?.decision ?? (result && "decided" in result ? result.decided : null);
  const payable = decided === "approved" && ["approved", "shared", "draft"].includes(quote.status) && !quote.expired;
  const commentError = errorFor("comment");
  return (
    <>
      <h1>{t("approve.heading", { number: quote.number, account: view.accountName })}</h1>
      <p className="lead">{t("approve.lead", { name: sharer ?? t("approve.theSender") })}</p>
      {view.note ? (
        <figure className="shared-note">
          <figcaption>{t("approve.noteFrom", { name: sharer ?? t("approve.theSender") })}</figcaption>
          <blockquote className="quoted">{view.note}</blockquote>
        </figure>
      ) : null}
      <dl className="meta-list">
        <dt>{t("confirm.version")}</dt>
        <dd>{quote.version}</dd>
        <dt>{t("confirm.heldUntilLabel")}</dt>
        <dd>{t("confirm.heldUntil", { date: formatDate(quote.heldUntil, lng, "long") })}</dd>
        <dt>{t("confirm.newTermLabel")}</dt>
        <dd>{t("breakdown.newTermRange", { start: formatDate(quote.newTermStart, lng, "long"), end: formatDate(quote.newTermEnd, lng, "long") })}</dd>
      </dl>
      <QuoteBreakdown view={quote.breakdown} caption={t("confirm.linesCaption", { number: quote.number })} />
      <p className="muted">{t("breakdown.noHiddenFees")}</p>
      <p>
        <a href={`/approve/${token}/pdf`} className="button button-secondary" download>
          {t("actions.pdf")}
        </a>
      </p>

      {result?.refusal ? (
        <p className="notice notice-error" role="alert">
          {t(`approve.refused.${result.refusal}`)}
        </p>
      ) : null}
      {quote.expired && !decided ? <p className="notice notice-warning">{t("approve.expired", { name: sharer ?? t("approve.theSender") })}</p> : null}

      {decided ? (
        <div className={`notice ${decided === "approved" ? "notice-success" : "notice-info"}`} role="status">
          <p>{t(`approve.done.${decided}`, { name: sharer ?? t("approve.theSender") })}</p>
          {decision?.comment ? <blockquote className="quoted">{decision.comment}</blockquote> : null}
        </div>
      ) : !quote.expired ? (
        <Form ref={formRef} method="post" onSubmit={onSubmit} noValidate className="card approve-form">
          <h2>{t("approve.formTitle")}</h2>
          <fieldset>
            <legend>{t("approve.decisionLegend")}</legend>
            <label className="choice">
              <input type="radio" value="approve" defaultChecked {...register("decision")} />
              <span>{t("approve.approveOption")}</span>
            </label>
            <label className="choice">
              <input type="radio" value="changes" {...register("decision")} />
              <span>{t("approve.changesOption")}</span>
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor="approval-comment">{t("approve.comment")}</label>
            <span id="approval-comment-hint" className="field-hint">
              {t("approve.commentHint", { name: sharer ?? t("approve.theSender") })}
            </span>
            <textarea
              id="approval-comment"
              maxLength={4000}
              aria-invalid={commentError ? true : undefined}
              aria-describedby={`approval-comment-hint${commentError ? " approval-comment-error" : ""}`}
              {...register("comment")}
            />
            {commentError ? (
              <span id="approval-comment-error" className="field-error" role="alert">
                {t(commentError)}
              </span>
            ) : null}
          </div>
          <p className="actions">
            <button type="submit" className="button" disabled={navigation.state !== "idle"}>
              {t("approve.submit")}
            </button>
          </p>
          {validation}
        </Form>
      ) : null}
      {payable ? (
        <Form method="post">
          <p>{t("approve.payLead")}</p>
          <button type="submit" name="intent" value="continue" className="button">
            {t("page.continueToPayment")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
