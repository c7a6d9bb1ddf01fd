import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HelpSearchForm } from "~/components/help/search-form";
import { ContactOptions } from "~/components/support/contact-options";
import { TicketStatusBadge } from "~/components/support/ticket-parts";
import { isSupportOpen } from "~/domain/support/hours";
import { formatDate } from "~/lib/format";

import { clock, db, getIdentity, listTicketsForAccount } from "./__support._index.server";

export const handle = { i18n: ["support", "help"], title: "support:home.title" };

const RECENT = 5;

/** How to get help: public; a signed-in customer also sees their latest requests. */
export async function loader({ request }: LoaderFunctionArgs) {
  const identity = await getIdentity(request);
  const customer = identity?.kind === "contact" ? identity : null;
  const tickets = customer ? await listTicketsForAccount(db(), customer.accountId, { limit: RECENT + 1 }) : null;
  return {
    signedIn: Boolean(customer),
    openNow: isSupportOpen(clock().now()),
    tickets: tickets?.slice(0, RECENT).map((ticket) => ({
      id: ticket.id,
      number: ticket.number,
      subject: ticket.subject,
      status: ticket.status,
      updated: ticket.updatedAt.toISOString().slice(0, 10),
    })),
    moreTickets: (tickets?.length ?? 0) > RECENT,
  };
}

export default function SupportHome() {
  const { signedIn, openNow, tickets, moreTickets } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("support");
  return (
    <div className="support">
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <section aria-labelledby="support-search-title" className="support-search">
        <h2 id="support-search-title">{t("home.searchTitle")}</h2>
        <HelpSearchForm />
        <p>
          <Link to="/help">{t("home.browse")}</Link> · <Link to="/faq">{t("home.faq")}</Link>
        </p>
      </section>

      <ContactOptions signedIn={signedIn} openNow={openNow} />

      {tickets ? (
        <section aria-labelledby="my-requests-title" className="support-recent">
          <h2 id="my-requests-title">{t("home.myRequests")}</h2>
          {tickets.length === 0 ? (
            <p>{t("requests.empty")}</p>
          ) : (
            <ul className="plain-list support-ticket-list">
              {tickets.map((ticket) => (
                <li key={ticket.id}>
                  <Link to={`/support/requests/${ticket.id}`}>
                    {ticket.number} · {ticket.subject}
                  </Link>{" "}
                  <TicketStatusBadge status={ticket.status} />{" "}
                  <span className="muted">{t("requests.updatedOn", { date: formatDate(ticket.updated, i18n.language) })}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="actions">
            <Link to="/support/requests">{moreTickets ? t("home.allRequests") : t("home.openRequests")}</Link>
            <Link to="/feedback/nps">{t("home.feedback")}</Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
