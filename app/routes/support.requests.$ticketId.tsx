import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CsatForm } from "~/components/support/csat-form";
import { FormError, TextAreaField } from "~/components/support/fields";
import { AttachmentList, Conversation, TicketStatusBadge } from "~/components/support/ticket-parts";
import { MESSAGE_MAX } from "~/domain/support/limits";
import { type FieldErrors } from "~/lib/forms";
import { useValidatedForm } from "~/lib/use-validated-form";

import {
  appUrl,
  asksForSatisfaction,
  attachmentEntries,
  clock,
  conversationEntries,
  CsatSchema,
  customerCanReply,
  type CustomerIdentity,
  data,
  db,
  findCsatForTicket,
  findTicketForAccount,
  formatDate,
  getLocale,
  listTicketAttachments,
  listTicketMessages,
  notFound,
  parseForm,
  parseIdOr404,
  readFormData,
  recordCsat,
  replyAsCustomer,
  type Requester,
  requireCustomer,
  TicketReplySchema,
} from "./__support.requests.$ticketId.server";

export const handle = {
  i18n: ["support"],
  title: (loaded: unknown) => {
    const ticket = (loaded as { ticket?: { number: string; subject: string } } | undefined)?.ticket;
    return ticket ? { key: "support:ticket.pageTitle", params: { number: ticket.number, subject: ticket.subject } } : null;
  },
};

/** A reply or a rating is far smaller than this; anything bigger is refused unread. */
const MAX_BODY_BYTES = 128 * 1024;

async function ticketOr404(request: Request, ticketIdParam: string | undefined) {
  const customer = await requireCustomer(request);
  const ticketId = parseIdOr404(ticketIdParam);
  const ticket = await findTicketForAccount(db(), customer.accountId, ticketId);
  if (!ticket) notFound();
  return { customer, ticket };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { customer, ticket } = await ticketOr404(request, params.ticketId);
  const [messages, attachments, csat, locale] = await Promise.all([
    listTicketMessages(db(), ticket.id),
    listTicketAttachments(db(), ticket.id),
    asksForSatisfaction(ticket.status) ? findCsatForTicket(db(), ticket.id) : Promise.resolve(undefined),
    getLocale(request),
  ]);
  return {
    sent: new URL(request.url).searchParams.get("sent") === "1",
    ticket: {
      id: ticket.id,
      number: ticket.number,
      subject: ticket.subject,
      topic: ticket.topic,
      status: ticket.status,
      contractNumber: ticket.contractNumber,
      openedBy: ticket.contactName,
      // In the reader's language, like the conversation's times.
      created: formatDate(ticket.createdAt.toISOString(), locale),
      updated: formatDate(ticket.updatedAt.toISOString(), locale),
      // Decided here (domain/support/topics.ts), so the page carries no ticket rules of its own.
      canReply: customerCanReply(ticket.status),
      asksForRating: asksForSatisfaction(ticket.status),
    },
    // The reader's own messages carry no name: the page calls them "You".
    messages: conversationEntries(messages, locale, (m) => (m.authorKind === "contact" && m.contactId === customer.contactId ? null : m.authorName)),
    attachments: attachmentEntries(attachments, locale, (a) => `/support/requests/${ticket.id}/attachments/${a.id}`),
    csat: csat ? { score: csat.score ?? 0 } : null,
  };
}

type ActionResult =
  | { intent: "reply"; ok: true; reopened: boolean }
  | { intent: "reply"; ok: false; errors: FieldErrors }
  | { intent: "csat"; ok: true; outcome: "saved" | "already" | "notAnswered" }
  | { intent: "csat"; ok: false; errors: FieldErrors }
  | { intent: null; ok: false; errors: FieldErrors };

function requester(customer: CustomerIdentity): Requester {
  return {
    accountId: customer.accountId,
    accountName: customer.accountName,
    contactId: customer.contactId,
    name: customer.name,
    email: customer.email,
    locale: customer.locale,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // Access first: another account's ticket is a 404 whatever was posted.
  const { customer, ticket } = await ticketOr404(request, params.ticketId);
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) {
    return data<ActionResult>({ intent: null, ok: false, errors: { form: "support:errors.messageTooLong" } }, { status: 413 });
  }
  const form = await readFormData(request);
  const now = clock().now();
  if (form.get("intent") === "reply") {
    const parsed = parseForm(form, TicketReplySchema);
    if (!parsed.ok) return data<ActionResult>({ intent: "reply", ok: false, errors: parsed.errors }, { status: 400 });
    const outcome = await replyAsCustomer(db(), {
      requester: requester(customer),
      ticket,
      message: parsed.data.message,
      appUrl: (path) => appUrl(request, path),
      now,
      requestId: context.requestId,
    });
    if (!outcome.ok) return data<ActionResult>({ intent: "reply", ok: false, errors: { form: "support:errors.closed" } }, { status: 400 });
    return data<ActionResult>({ intent: "reply", ok: true, reopened: outcome.reopened });
  }
  if (form.get("intent") === "csat") {
    const parsed = parseForm(form, CsatSchema);
    if (!parsed.ok) return data<ActionResult>({ intent: "csat", ok: false, errors: parsed.errors }, { status: 400 });
    const outcome = await recordCsat(db(), {
      requester: requester(customer),
      ticket,
      score: parsed.data.score,
      comment: parsed.data.comment,
      now,
      requestId: context.requestId,
    });
    if (outcome === "notAnswered") {
      return data<ActionResult>({ intent: "csat", ok: false, errors: { form: "support:errors.csatTooEarly" } }, { status: 400 });
    }
    return data<ActionResult>({ intent: "csat", ok: true, outcome });
  }
  return data<ActionResult>({ intent: null, ok: false, errors: { form: "common:validation.invalid" } }, { status: 400 });
}

export default function SupportTicket() {
  const { sent, ticket, messages, attachments, csat } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("support");
  const busy = navigation.state === "submitting";
  const replyErrors = result?.intent === "reply" && !result.ok ? result.errors : null;
  const csatErrors = result?.intent === "csat" && !result.ok ? result.errors : null;
  return (
    <div className="support">
      <p>
        <Link to="/support/requests">{t("ticket.back")}</Link>
      </p>
      <h1>
        <span className="support-number">{ticket.number}</span> {ticket.subject}
      </h1>
      {sent ? (
        <p className="notice notice-success" role="status">
          {t("ticket.sent", { number: ticket.number })}
        </p>
      ) : null}
      {result?.intent === "reply" && result.ok ? (
        <p className="notice notice-success" role="status">
          {t(result.reopened ? "ticket.replyReopened" : "ticket.replySent")}
        </p>
      ) : null}
      <FormError error={result?.intent === null ? result.errors.form : null} />

      <dl className="support-facts">
        <div>
          <dt>{t("ticket.status")}</dt>
          <dd>
            <TicketStatusBadge status={ticket.status} />
          </dd>
        </div>
        <div>
          <dt>{t("ticket.topic")}</dt>
          <dd>{t(`topics.${ticket.topic}`)}</dd>
        </div>
        {ticket.contractNumber ? (
          <div>
            <dt>{t("ticket.contract")}</dt>
            <dd>{ticket.contractNumber}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("ticket.opened")}</dt>
          <dd>
            {ticket.created}
            {ticket.openedBy ? ` · ${ticket.openedBy}` : ""}
          </dd>
        </div>
        <div>
          <dt>{t("ticket.updated")}</dt>
          <dd>{ticket.updated}</dd>
        </div>
      </dl>

      <Conversation
        messages={messages}
        labels={{
          heading: t("ticket.conversation"),
          contact: (name) => name ?? t("ticket.you"),
          staff: (name) => (name ? t("ticket.staffNamed", { name }) : t("ticket.staff")),
        }}
      />
      <AttachmentList attachments={attachments} heading={t("attachments.title")} />

      {ticket.asksForRating ? (
        <section aria-labelledby="csat-title" className="support-csat card">
          <h2 id="csat-title">{t("csat.title")}</h2>
          {csat || (result?.intent === "csat" && result.ok) ? (
            <p className="notice notice-success" role="status">
              {result?.intent === "csat" && result.ok && result.outcome === "already"
                ? t("csat.already")
                : t("csat.thanks", { score: csat?.score ?? "" })}
            </p>
          ) : (
            <>
              <FormError error={csatErrors?.form} />
              <CsatForm serverErrors={csatErrors} busy={busy} />
            </>
          )}
        </section>
      ) : null}

      {ticket.canReply ? (
        // A new key after each message empties the form once the reply is in.
        <ReplyForm key={messages.length} errors={replyErrors} busy={busy} resolved={ticket.status === "resolved"} />
      ) : (
        <p className="notice notice-info">
          {t("ticket.closed")} <Link to="/support/new">{t("contact.newRequest")}</Link>
        </p>
      )}
    </div>
  );
}

function ReplyForm({ errors, busy, resolved }: { errors: FieldErrors | null; busy: boolean; resolved: boolean }) {
  const { t } = useTranslation("support");
  const { register, onSubmit, errorFor, formRef, validation } = useValidatedForm(() => import("~/domain/support/schemas").then((m) => m.TicketReplySchema), {
    serverErrors: errors,
  });
  return (
    <section aria-labelledby="reply-title" className="support-reply">
      <h2 id="reply-title">{t("ticket.replyTitle")}</h2>
      {resolved ? <p className="muted">{t("ticket.replyReopens")}</p> : null}
      <FormError error={errors?.form} />
      <Form ref={formRef} method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" {...register("intent")} value="reply" />
        <TextAreaField
          label={t("ticket.replyLabel")}
          hint={t("new.privacyHint")}
          error={errorFor("message")}
          textareaProps={{ rows: 5, maxLength: MESSAGE_MAX, required: true, ...register("message") }}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("ticket.replySubmit")}
        </button>
        {validation}
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
