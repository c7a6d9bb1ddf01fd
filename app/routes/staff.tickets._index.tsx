import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TicketStatusBadge } from "~/components/support/ticket-parts";
import { isTicketStatus } from "~/domain/support/topics";
import { formatDate, formatDateTime } from "~/lib/format";

import {
  db,
  listTicketsForStaff,
  requireStaff,
  type StaffTicketFilter,
  ticketScopeFor,
} from "./__staff.tickets._index.server";

export const handle = { i18n: ["staff", "staff-help", "support"], title: "staff-help:tickets.title" };

const FILTERS = ["active", "open", "pending", "resolved", "closed", "all"] as const satisfies readonly StaffTicketFilter[];
const PAGE_SIZE = 50;

function parseFilter(value: string | null): StaffTicketFilter {
  return value === "all" || value === "active" || isTicketStatus(value) ? value : "active";
}

/** Requests on the staff user's accounts (every account for renewals and admin), waiting ones first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const url = new URL(request.url);
  const filter = parseFilter(url.searchParams.get("status"));
  const page = Math.max(1, Math.min(1000, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const scope = ticketScopeFor(staff);
  const { tickets, total } = await listTicketsForStaff(db(), scope, { filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return {
    filter,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    allAccounts: scope.kind === "all",
    tickets: tickets.map((ticket) => ({
      id: ticket.id,
      number: ticket.number,
      subject: ticket.subject,
      topic: ticket.topic,
      status: ticket.status,
      priority: ticket.priority,
      accountName: ticket.accountName,
      contactName: ticket.contactName,
      created: ticket.createdAt.toISOString(),
      updated: ticket.updatedAt.toISOString().slice(0, 10),
      firstResponse: ticket.firstResponseAt?.toISOString() ?? null,
    })),
  };
}

export default function StaffTickets() {
  const { filter, page, pages, total, allAccounts, tickets } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation(["staff-help", "support"]);
  const pageHref = (n: number) => `?${new URLSearchParams({ status: filter, page: String(n) }).toString()}`;
  return (
    <>
      <h1>{t("tickets.title")}</h1>
      <p className="lead">{t(allAccounts ? "tickets.leadAll" : "tickets.leadOwn")}</p>
      <Form method="get" className="inline-form">
        <div className="field">
          <label htmlFor="ticket-status">{t("tickets.filter")}</label>
          <select id="ticket-status" name="status" defaultValue={filter}>
            {FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(`tickets.filters.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("tickets.apply")}
        </button>
      </Form>
      <p role="status" className="muted">
        {t("tickets.count", { count: total })}
      </p>
      {tickets.length === 0 ? (
        <p>{t("tickets.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="support-table">
            <caption className="visually-hidden">{t("tickets.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tickets.columns.number")}</th>
                <th scope="col">{t("tickets.columns.subject")}</th>
                <th scope="col">{t("tickets.columns.account")}</th>
                <th scope="col">{t("tickets.columns.status")}</th>
                <th scope="col">{t("tickets.columns.opened")}</th>
                <th scope="col">{t("tickets.columns.firstResponse")}</th>
                <th scope="col">{t("tickets.columns.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {tickets.map((ticket) => (
                <tr key={ticket.id}>
                  <td className="support-number">{ticket.number}</td>
                  <td>
                    <Link to={`/staff/tickets/${ticket.id}`}>{ticket.subject}</Link>
                    <br />
                    <span className="muted">
                      {t(`support:topics.${ticket.topic}`)}
                      {ticket.priority !== "normal" ? ` · ${t(`tickets.priority.${ticket.priority}`)}` : ""}
                    </span>
                  </td>
                  <td>
                    {ticket.accountName}
                    {ticket.contactName ? <span className="muted"> · {ticket.contactName}</span> : null}
                  </td>
                  <td>
                    <TicketStatusBadge status={ticket.status} />
                  </td>
                  <td>{formatDateTime(ticket.created, i18n.language)}</td>
                  <td>{ticket.firstResponse ? formatDateTime(ticket.firstResponse, i18n.language) : t("tickets.noResponse")}</td>
                  <td>{formatDate(ticket.updated, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label={t("tickets.pages")} className="actions">
          {page > 1 ? <Link to={pageHref(page - 1)}>{t("tickets.previous")}</Link> : null}
          <span>{t("tickets.pageOf", { page, pages })}</span>
          {page < pages ? <Link to={pageHref(page + 1)}>{t("tickets.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
