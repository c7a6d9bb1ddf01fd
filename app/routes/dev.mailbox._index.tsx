import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime } from "~/lib/format";

import { db, env, listOutbox, notFound } from "./__dev.mailbox._index.server";

export const handle = { i18n: ["auth"], title: "auth:mailbox.title" };

/** Development only: every email the portal sent, so sign-in works offline. */
export async function loader(_args: LoaderFunctionArgs) {
  if (env().NODE_ENV === "production") notFound();
  return { messages: await listOutbox(db()) };
}

export default function DevMailbox() {
  const { messages } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("auth");
  return (
    <>
      <h1>{t("mailbox.title")}</h1>
      <p className="notice notice-warning">{t("mailbox.lead")}</p>
      {messages.length === 0 ? (
        <p>{t("mailbox.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("mailbox.to")}</th>
                <th scope="col">{t("mailbox.subject")}</th>
                <th scope="col">{t("mailbox.date")}</th>
                <th scope="col">{t("mailbox.status")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>{m.toEmail}</td>
                  <td>
                    <Link to={`/dev/mailbox/${m.id}`}>{m.subject}</Link>
                  </td>
                  <td>{formatDateTime(m.createdAt, i18n.language)}</td>
                  <td>{m.status}</td>
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
