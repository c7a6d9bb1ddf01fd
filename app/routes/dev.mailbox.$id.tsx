import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime } from "~/lib/format";

import { db, env, findOutboxMessage, notFound, parseIdOr404 } from "./__dev.mailbox.$id.server";

export const handle = { i18n: ["auth"], title: (data: unknown) =>
    data ? { key: "common:pageTitle.raw", params: { text: (data as { message: { subject: string } }).message.subject } } : null };

export async function loader({ params }: LoaderFunctionArgs) {
  if (env().NODE_ENV === "production") notFound();
  const message = await findOutboxMessage(db(), parseIdOr404(params.id));
  if (!message) notFound();
  const { htmlBody: _html, ...rest } = message;
  return { message: rest };
}

/** Plain text with its URLs as links (text only: nothing in an email is rendered as HTML here). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export default function DevMailboxMessage() {
  const { message } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("auth");
  return (
    <>
      <p>
        <Link to="/dev/mailbox">{t("mailbox.back")}</Link>
      </p>
      <h1>{message.subject}</h1>
      <dl className="meta-list">
        <dt>{t("mailbox.to")}</dt>
        <dd>{message.toEmail}</dd>
        <dt>{t("mailbox.date")}</dt>
        <dd>{formatDateTime(message.createdAt, i18n.language)}</dd>
        <dt>{t("mailbox.status")}</dt>
        <dd>{message.status}</dd>
      </dl>
      <pre className="email-text" lang={message.locale}>
        <Linkified text={message.textBody} />
      </pre>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
