import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TextField } from "~/components/form-field";
import { FormError, SelectField, TextAreaField } from "~/components/support/fields";
import { LiveSuggestions, SuggestionList, useHydrated } from "~/components/support/suggestions";
import { SUPPORT_PHONE, SUPPORT_PHONE_HREF } from "~/domain/help/support-contact";
import { ACCEPT_ATTRIBUTE } from "~/domain/support/attachments";
import { HONEYPOT_FIELD, MESSAGE_MAX, SUBJECT_MAX } from "~/domain/support/limits";
import type { SuggestedArticle } from "~/domain/support/suggestions";
import { TICKET_TOPICS } from "~/domain/support/topics";
import type { FieldErrors } from "~/lib/forms";
import { useValidatedForm } from "~/lib/use-validated-form";

import {
  appUrl,
  clock,
  createSupportRequest,
  customerTicketPath,
  data,
  db,
  formatDate,
  getLocale,
  isTicketTopic,
  isUuid,
  listContractSummaries,
  log,
  readSupportRequest,
  redirect,
  type RequestFormValues,
  requireCustomer,
  suggestArticles,
} from "./__support.new.server";

export const handle = { i18n: ["support", "help"], title: "support:new.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const customer = await requireCustomer(request);
  const url = new URL(request.url);
  const [contracts, locale] = await Promise.all([listContractSummaries(db(), customer.accountId), getLocale(request)]);
  const topic = url.searchParams.get("topic");
  const contract = url.searchParams.get("contract");
  return {
    topic: isTicketTopic(topic) ? topic : "",
    contractId: isUuid(contract) && contracts.some((c) => c.id === contract) ? contract : "",
    // The end date in the reader's language (a language switch reloads this).
    contracts: contracts.map((c) => ({ id: c.id, number: c.number, ends: formatDate(c.termEnd, locale), status: c.status })),
  };
}

type ActionResult =
  | { step: "form"; errors: FieldErrors; values: RequestFormValues }
  | { step: "check"; suggestions: SuggestedArticle[]; values: RequestFormValues };

export async function action({ request, context }: ActionFunctionArgs) {
  const customer = await requireCustomer(request);
  const read = await readSupportRequest(request);
  if (read.kind === "bot") {
    // Told apart from a person only by a field no person sees: a plain refusal, nothing stored.
    log.warn("support request honeypot filled", { requestId: context.requestId });
    return data<ActionResult>(
      { step: "form", errors: { form: "support:errors.rejected" }, values: { topic: "", contractId: "", subject: "", message: "" } },
      { status: 400 },
    );
  }
  if (read.kind === "invalid") {
    return data<ActionResult>({ step: "form", errors: read.errors, values: read.values }, { status: read.status });
  }
  // Without JavaScript the articles were not suggested while typing: show
  // them once before sending. A request with a file skips this (a file
  // input cannot be refilled, and a screenshot means a concrete problem).
  if (!read.data.confirmed && !read.attachment) {
    const suggestions = await suggestArticles(db(), await getLocale(request), read.data.subject);
    if (suggestions.length > 0) return data<ActionResult>({ step: "check", suggestions, values: read.values });
  }
  const outcome = await createSupportRequest(db(), {
    requester: {
      accountId: customer.accountId,
      accountName: customer.accountName,
      contactId: customer.contactId,
      name: customer.name,
      email: customer.email,
      locale: customer.locale,
    },
    request: read.data,
    attachment: read.attachment,
    appUrl: (path) => appUrl(request, path),
    now: clock().now(),
    requestId: context.requestId,
  });
  if (!outcome.ok) return data<ActionResult>({ step: "form", errors: outcome.errors, values: read.values }, { status: 400 });
  throw redirect(`${customerTicketPath(outcome.ticketId)}?sent=1`, 303);
}

export default function NewSupportRequest() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("support");
  const hydrated = useHydrated();
  const values = result?.values;
  const serverErrors = result?.step === "form" ? result.errors : null;
  const initial = {
    topic: values?.topic || loaded.topic,
    contractId: values?.contractId || loaded.contractId,
    subject: values?.subject ?? "",
    message: values?.message ?? "",
  };
  // The same values go into the server-rendered fields (defaultValue), so the
  // form is filled in without JavaScript too.
  const { register, onSubmit, errorFor, formRef, validation } = useValidatedForm(() => import("~/domain/support/schemas").then((m) => m.SupportRequestSchema), { serverErrors });
  const [subject, setSubject] = useState(values?.subject ?? "");
  const busy = navigation.state === "submitting";

  return (
    <div className="support narrow-wide">
      <p>
        <Link to="/support">{t("new.back")}</Link>
      </p>
      <h1>{t("new.title")}</h1>
      <p className="lead">{t("new.lead")}</p>
      <p className="muted">
        {t("new.preferToCall")} <a href={SUPPORT_PHONE_HREF}>{SUPPORT_PHONE}</a> · {t("contact.hours")}
      </p>

      <FormError error={serverErrors?.form} />

      <Form ref={formRef} method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="support-form">
        <SelectField label={t("new.topic")} error={errorFor("topic")} selectProps={{ ...register("topic"), required: true, defaultValue: initial.topic }}>
          <option value="">{t("new.chooseTopic")}</option>
          {TICKET_TOPICS.map((topic) => (
            <option key={topic} value={topic}>
              {t(`topics.${topic}`)}
            </option>
          ))}
        </SelectField>

        <SelectField label={t("new.contract")} hint={t("new.contractHint")} error={errorFor("contractId")} selectProps={{ ...register("contractId"), defaultValue: initial.contractId }}>
          <option value="">{t("new.noContract")}</option>
          {loaded.contracts.map((contract) => (
            <option key={contract.id} value={contract.id}>
              {t("new.contractOption", { number: contract.number, date: contract.ends })}
            </option>
          ))}
        </SelectField>

        <TextField
          label={t("new.subject")}
          hint={t("new.subjectHint")}
          error={errorFor("subject")}
          inputProps={{
            type: "text",
            maxLength: SUBJECT_MAX,
            autoComplete: "off",
            required: true,
            defaultValue: initial.subject,
            ...register("subject", { onChange: (event: { target: { value: string } }) => setSubject(event.target.value) }),
          }}
        />
        {hydrated ? <LiveSuggestions text={subject} /> : null}

        <TextAreaField
          label={t("new.message")}
          hint={t("new.messageHint")}
          error={errorFor("message")}
          textareaProps={{ rows: 8, maxLength: MESSAGE_MAX, required: true, defaultValue: initial.message, ...register("message") }}
        />

        <TextField
          label={t("new.attachment")}
          hint={t("new.attachmentHint")}
          error={errorFor("attachment")}
          inputProps={{ type: "file", accept: ACCEPT_ATTRIBUTE, ...register("attachment") }}
        />

        <div className="support-honeypot">
          <label htmlFor="support-website">{t("new.honeypot")}</label>
          <input id="support-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        {result?.step === "check" ? (
          <section aria-labelledby="check-title" className="support-check notice notice-info">
            <h2 id="check-title">{t("new.checkTitle")}</h2>
            <p>{t("new.checkLead")}</p>
            <SuggestionList articles={result.suggestions} query={values?.subject ?? ""} />
            <input type="hidden" name="confirmed" value="yes" />
            <p className="actions">
              <button type="submit" className="button" disabled={busy}>
                {t("new.sendAnyway")}
              </button>
            </p>
          </section>
        ) : (
          <>
            {/* With JavaScript the articles were suggested while typing: no extra step. */}
            <input type="hidden" name="confirmed" value={hydrated ? "yes" : ""} />
            <p className="actions">
              <button type="submit" className="button" disabled={busy}>
                {busy ? t("new.sending") : t("new.submit")}
              </button>
            </p>
          </>
        )}
        {validation}
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
