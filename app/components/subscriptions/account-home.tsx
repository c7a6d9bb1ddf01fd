import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import type { AccountHomeView, ContractCardView } from "~/domain/subscriptions";

import { ContractCard, useCardLabels } from "./contract-card";
import { BADGE_TONE, daysToEndText } from "./contract-status";
import { withLinks, type SubscriptionLinks } from "./links";

/**
 * The account home's body: every subscription as a card, most urgent first.
 * No contracts and a single contract are designed states of their own.
 */
export function AccountHome({ view, links: overrides }: { view: AccountHomeView; links?: Partial<SubscriptionLinks> }) {
  const { t } = useTranslation("account");
  const links = withLinks(overrides);
  const shared = useCardLabels();
  const count = view.contracts.length;

  if (count === 0) {
    return (
      <section className="subscriptions" aria-labelledby="subscriptions-title">
        <h1 id="subscriptions-title">{t("home.title")}</h1>
        <div className="subscriptions-empty">
          <h2>{t("home.empty.title")}</h2>
          <p>{t("home.empty.body")}</p>
          <p className="actions">
            <Link to={links.renewalHelp} className="button button-secondary">
              {t("home.empty.help")}
            </Link>
            <Link to={links.support} className="button button-secondary">
              {t("home.empty.contact")}
            </Link>
          </p>
        </div>
      </section>
    );
  }

  // An account with more than a handful of contracts sees cards for what
  // needs attention and one row for each other contract: a column of calm
  // cards buries the one that matters, and costs a card's markup each.
  const large = count > CARDS_UP_TO;
  const cards = large ? view.contracts.filter(needsAttention).slice(0, CARDS_UP_TO) : view.contracts;
  const rows = large ? view.contracts.filter((card) => !cards.includes(card)) : [];

  return (
    <section className="subscriptions" aria-labelledby="subscriptions-title">
      <h1 id="subscriptions-title">{count === 1 ? t("home.titleSingle") : t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <p className="subscriptions-summary">
        <span>{t("home.count", { count })}</span>
        <span>{view.needAttention > 0 ? t("home.needAttention", { count: view.needAttention }) : t("home.allCalm")}</span>
      </p>
      {cards.length > 0 ? (
        <ul className={count === 1 ? "contract-list contract-list-single" : "contract-list"} aria-label={t("home.listLabel")}>
          {cards.map((card) => (
            <li key={card.id}>
              <ContractCard card={card} links={links} shared={shared} />
            </li>
          ))}
        </ul>
      ) : null}
      {rows.length > 0 ? <ContractTable rows={rows} links={links} shared={shared} /> : null}
    </section>
  );
}

/**
 * Accounts with more contracts than this see the calm ones as table rows.
 * Six cards fill about two screens on a laptop; past that, a table scans
 * better (it was twelve, which let a ten-contract account scroll through
 * nine calm cards to the one renewal that was open).
 */
export const CARDS_UP_TO = 6;

function needsAttention(card: ContractCardView) {
  return card.badge === "in_grace" || card.badge === "renewal_open";
}

function ContractTable({
  rows,
  links,
  shared,
}: {
  rows: ContractCardView[];
  links: SubscriptionLinks;
  shared: ReturnType<typeof useCardLabels>;
}) {
  const { t, format, labels } = shared;
  return (
    <div className="table-wrap contract-table">
      <table>
        <caption>{t("home.tableCaption", { count: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("home.columns.subscription")}</th>
            <th scope="col">{t("home.columns.status")}</th>
            <th scope="col">{labels.term}</th>
            <th scope="col" className="num">
              {labels.seats}
            </th>
            <th scope="col" className="num">
              {labels.annualValue}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t("home.columns.action")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((card) => (
            <tr key={card.id}>
              <th scope="row">
                <Link to={links.contract(card.id)}>{card.number}</Link>{" "}
                <span className="muted">{card.planCode ? t(`products.${card.planCode}`, { defaultValue: card.planCode }) : null}</span>
              </th>
              <td>
                <span className={`badge ${BADGE_TONE[card.badge]}`}>{labels.badges[card.badge]}</span>
              </td>
              <td>
                {format.date(card.termEnd)} <span className="muted">{daysToEndText(card.daysToEnd, t)}</span>
              </td>
              <td className="num">
                {card.seatsActive ? `${format.number(card.seatsActive.count)} / ` : ""}
                {format.number(card.seatsBought)}
              </td>
              <td className="num">{format.money(card.annualValue.amount, card.annualValue.currency)}</td>
              <td>
                {card.nextAction.kind === "renew" ? (
                  <Link to={links.renew(card.id)}>
                    {labels.renew}
                    <span className="visually-hidden"> ({t("cta.contractRef", { number: card.number })})</span>
                  </Link>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
