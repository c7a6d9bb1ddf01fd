import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, SelectField, TextAreaField } from "~/components/support/fields";
import { AttachmentList, Conversation, TicketStatusBadge } from "~/components/support/ticket-parts";
import { MESSAGE_MAX } from "~/domain/support/limits";
import { TICKET_STATUSES } from "~/domain/support/topics";
import { formatDateTime } from "~/lib/format";
import { parseForm, type FieldErrors } from "~/lib/forms";
import { useValidatedForm } from "~/lib/use-validated-form";

import {
  appUrl,
  attachmentEntries,
  changeTicketStatus,
  clock,
  conversationEntries,
  data,
  db,
  findCsatForTicket,
  findTicketForStaff,
  getLocale,
  listTicketAttachments,
  listTicketMessages,
  notFound,
  parseIdOr404,
  readFormData,
  replyAsStaff,
  requireStaff,
  StaffReplySchema,
  StaffStatusSchema,
  ticketScopeFor,
} from "./__staff.tickets.$ticketId.server";

export const handle = {
  i18n: ["staff", "staff-help", "support"],
  title: (loaded: unknown) => {
    const ticket = (loaded as { ticket?: { number: string; subject: string } } | undefined)?.ticket;
    return ticket ? { key: "support:ticket.pageTitle", params: { number: ticket.number, subject: ticket.subject } } : null;
  },
};

const MAX_BODY_BYTES = 128 * 1024;

async function ticketOr404(request: Request, ticketIdParam: string | undefined) {
  const staff = await requireStaff(request);
  const ticketId = parseIdOr404(ticketIdParam);
  const ticket = await findTicketForStaff(db(), ticketScopeFor(staff), ticketId);
  if (!ticket) notFound();
  return { staff, ticket };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ticket } = await ticketOr404(request, params.ticketId);
  const [messages, attachments, csat, locale] = await Promise.all([
    listTicketMessages(db(), ticket.id),
    listTicketAttachments(db(), ticket.id),
    findCsatForTicket(db(), ticket.id),
    getLocale(request),
  ]);
  return {
    ticket: {
      id: ticket.id,
      number: ticket.number,
      subject: ticket.subject,
      topic: ticket.topic,
      status: ticket.status,
      priority: ticket.priority,
      accountName: ticket.accountName,
      contactName: ticket.contactName,
      contactEmail: ticket.contactEmail,
      contactLocale: ticket.contactLocale,
      contractNumber: ticket.contractNumber,
      created: ticket.createdAt.toISOString(),
      firstResponse: ticket.firstResponseAt?.toISOString() ?? null,
      resolved: ticket.resolvedAt?.toISOString() ?? null,
    },
    messages: conversationEntries(messages, locale),
    attachments: attachmentEntries(attachments, locale, (a) => `/staff/tickets/${ticket.id}/attachments/${a.id}`),
    csat: csat ? { score: csat.score ?? 0, comment: csat.comment } : null,
  };
}

type ActionResult =
  | { intent: "reply"; ok: true; firstResponse: boolean }
  | { intent: "status"; ok: true; changed: boolean }
  | { intent: "reply" | "status" | null; ok: false; errors: FieldErrors };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { staff, ticket } = await ticketOr404(request, params.ticketId);
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) {
    return data<ActionResult>({ intent: null, ok: false, errors: { form: "support:errors.messageTooLong" } }, { status: 413 });
  }
  const form = await readFormData(request);
  const actor = { staffUserId: staff.staffUserId, name: staff.name };
  const common = { staff: actor, ticket, appUrl: (path: string) => appUrl(request, path), now: clock().now(), requestId: context.requestId };
  if (form.get("intent") === "reply") {
    const parsed = parseForm(form, StaffReplySchema);
    if (!parsed.ok) return data<ActionResult>({ intent: "reply", ok: false, errors: parsed.errors }, { status: 400 });
    const { firstResponse } = await replyAsStaff(db(), { ...common, message: parsed.data.message, status: parsed.data.status });
    return data<ActionResult>({ intent: "reply", ok: true, firstResponse });
  }
  if (form.get("intent") === "status") {
    const parsed = parseForm(form, StaffStatusSchema);
    if (!parsed.ok) return data<ActionResult>({ intent: "status", ok: false, errors: parsed.errors }, { status: 400 });
    const { changed } = await changeTicketStatus(db(), { ...common, status: parsed.data.status });
    return data<ActionResult>({ intent: "status", ok: true, changed });
  }
  return data<ActionResult>({ intent: null, ok: false, errors: { form: "common:validation.invalid" } }, { status: 400 });
}

export default function StaffTicket() {
  const { ticket, messages, attachments, csat } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  // Topic and status names are the customer pages' words (support namespace).
  const { t, i18n } = useTranslation(["staff-help", "support"]);
  const busy = navigation.state === "submitting";
  const errors = result && !result.ok ? result.errors : null;
  return (
    <>
      <p>
        <Link to="/staff/tickets">{t("ticket.back")}</Link>
      </p>
      <h1>
        <span className="support-number">{ticket.number}</span> {ticket.subject}
      </h1>
      {result?.ok ? (
        <p className="notice notice-success" role="status">
          {result.intent === "reply"
            ? t(result.firstResponse ? "ticket.firstReplySent" : "ticket.replySent")
            : t(result.changed ? "ticket.statusChanged" : "ticket.statusUnchanged")}
        </p>
      ) : null}
      <FormError error={result?.intent === null ? errors?.form : null} />

      <dl className="support-facts">
        <div>
          <dt>{t("ticket.status")}</dt>
          <dd>
            <TicketStatusBadge status={ticket.status} />
          </dd>
        </div>
        <div>
          <dt>{t("ticket.account")}</dt>
          <dd>{ticket.accountName}</dd>
        </div>
        <div>
          <dt>{t("ticket.contact")}</dt>
          <dd>
            {ticket.contactName ?? "—"}
            {ticket.contactEmail ? <span className="muted"> · {ticket.contactEmail}</span> : null}
            {ticket.contactLocale ? <span className="muted"> · {ticket.contactLocale}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t("ticket.topic")}</dt>
          <dd>
            {t(`support:topics.${ticket.topic}`)} · {t(`tickets.priority.${ticket.priority}`)}
          </dd>
        </div>
        {ticket.contractNumber ? (
          <div>
            <dt>{t("ticket.contract")}</dt>
            <dd>{ticket.contractNumber}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("ticket.opened")}</dt>
          <dd>{formatDateTime(ticket.created, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t("ticket.firstResponse")}</dt>
          <dd>{ticket.firstResponse ? formatDateTime(ticket.firstResponse, i18n.language) : t("tickets.noResponse")}</dd>
        </div>
        {ticket.resolved ? (
          <div>
            <dt>{t("ticket.resolved")}</dt>
            <dd>{formatDateTime(ticket.resolved, i18n.language)}</dd>
          </div>
        ) : null}
        {csat ? (
          <div>
            <dt>{t("ticket.csat")}</dt>
            <dd>
              {t("ticket.csatScore", { score: csat.score })}
              {csat.comment ? <q className="support-quote">{csat.comment}</q> : null}
            </dd>
          </div>
        ) : null}
      </dl>

      <Conversation
        messages={messages}
        labels={{
          heading: t("ticket.conversation"),
          contact: (name) => t("ticket.customerNamed", { name: name ?? t("ticket.customer") }),
          staff: (name) => name ?? t("ticket.team"),
        }}
      />
      <AttachmentList attachments={attachments} heading={t("support:attachments.title")} />

      <StaffReplyForm key={messages.length} errors={result?.intent === "reply" ? errors : null} busy={busy} />

      <section aria-labelledby="status-title" className="support-reply">
        <h2 id="status-title">{t("ticket.statusTitle")}</h2>
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="status" />
          <SelectField label={t("ticket.newStatus")} error={result?.intent === "status" ? errors?.status : undefined} selectProps={{ name: "status", defaultValue: ticket.status }}>
            {TICKET_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`support:status.${status}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button button-secondary" disabled={busy}>
            {t("ticket.changeStatus")}
          </button>
        </Form>
      </section>
    </>
  );
}

function StaffReplyForm({ errors, busy }: { errors: FieldErrors | null; busy: boolean }) {
  const { t } = useTranslation("staff-help");
  const { register, onSubmit, errorFor, formRef, validation } = useValidatedForm(() => import("~/domain/support/schemas").then((m) => m.StaffReplySchema), {
    serverErrors: errors,
  });
  return (
    <section aria-labelledby="reply-title" className="support-reply">
      <h2 id="reply-title">{t("ticket.replyTitle")}</h2>
      <Form ref={formRef} method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" {...register("intent")} value="reply" />
        <TextAreaField
          label={t("ticket.replyLabel")}
          hint={t("ticket.replyHint")}
          error={errorFor("message")}
          textareaProps={{ rows: 6, maxLength: MESSAGE_MAX, required: true, ...register("message") }}
        />
        <SelectField label={t("ticket.statusAfter")} error={errorFor("status")} selectProps={register("status")}>
          <option value="pending">{t("ticket.after.pending")}</option>
          <option value="open">{t("ticket.after.open")}</option>
          <option value="resolved">{t("ticket.after.resolved")}</option>
        </SelectField>
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
