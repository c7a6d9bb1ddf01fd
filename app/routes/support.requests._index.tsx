import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TicketStatusBadge } from "~/components/support/ticket-parts";
import { formatDate } from "~/lib/format";

import { db, listTicketsForAccount, requireCustomer } from "./__support.requests._index.server";

export const handle = { i18n: ["support"], title: "support:requests.title" };

/** Every request of the customer's account (colleagues' too: they share the contracts), latest activity first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const customer = await requireCustomer(request);
  const tickets = await listTicketsForAccount(db(), customer.accountId, { limit: 200 });
  return {
    accountName: customer.accountName,
    tickets: tickets.map((ticket) => ({
      id: ticket.id,
      number: ticket.number,
      subject: ticket.subject,
      topic: ticket.topic,
      status: ticket.status,
      updated: ticket.updatedAt.toISOString().slice(0, 10),
      openedBy: ticket.contactName,
    })),
  };
}

export default function MyRequests() {
  const { accountName, tickets } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("support");
  return (
    <div className="support">
      <p>
        <Link to="/support">{t("requests.back")}</Link>
      </p>
      <h1>{t("requests.title")}</h1>
      <p className="lead">{t("requests.lead", { account: accountName })}</p>
      <p className="actions">
        <Link to="/support/new" className="button">
          {t("contact.newRequest")}
        </Link>
      </p>
      {tickets.length === 0 ? (
        <p>{t("requests.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="support-table">
            <caption className="visually-hidden">{t("requests.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("requests.columns.number")}</th>
                <th scope="col">{t("requests.columns.subject")}</th>
                <th scope="col">{t("requests.columns.status")}</th>
                <th scope="col">{t("requests.columns.updated")}</th>
                <th scope="col">{t("requests.columns.openedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {tickets.map((ticket) => (
                <tr key={ticket.id}>
                  <td className="support-number">{ticket.number}</td>
                  <td>
                    <Link to={`/support/requests/${ticket.id}`}>{ticket.subject}</Link>
                    <br />
                    <span className="muted">{t(`topics.${ticket.topic}`)}</span>
                  </td>
                  <td>
                    <TicketStatusBadge status={ticket.status} />
                  </td>
                  <td>
                    <time dateTime={ticket.updated}>{formatDate(ticket.updated, i18n.language)}</time>
                  </td>
                  <td>{ticket.openedBy ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
