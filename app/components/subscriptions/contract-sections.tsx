import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import type { ContractPageView } from "~/domain/subscriptions";

import { withLinks, type SubscriptionLinks } from "./links";
import { useFormat } from "./use-format";

type Links = { links?: Partial<SubscriptionLinks> };

/** Product, quantity, unit price and line total, with the yearly and term totals. */
export function LineItemsTable({ view }: { view: ContractPageView }) {
  const { t } = useTranslation(["account", "contract"]);
  const format = useFormat();
  const { currency, number } = view.contract;
  return (
    <section className="contract-section" aria-labelledby="contract-lines-title">
      <h2 id="contract-lines-title">{t("contract:contract.lines.title")}</h2>
      <div className="table-wrap">
        <table className="line-items">
          <caption>{t("contract:contract.lines.caption", { number })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("contract:contract.lines.product")}</th>
              <th scope="col" className="num">
                {t("contract:contract.lines.quantity")}
              </th>
              <th scope="col" className="num">
                {t("contract:contract.lines.unitPrice")}
              </th>
              <th scope="col" className="num">
                {t("contract:contract.lines.lineTotal")}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.lines.map((line) => (
              <tr key={line.productCode}>
                <th scope="row">
                  {t(`products.${line.productCode}`, { defaultValue: line.productCode })}
                  <span className="line-pricing muted">
                    {line.pricingModel === "per_seat" ? t("contract:contract.lines.perSeat") : t("contract:contract.lines.flat")}
                  </span>
                </th>
                <td className="num">{format.number(line.quantity)}</td>
                <td className="num">{format.money(line.unitAmount, currency)}</td>
                <td className="num">{format.money(line.lineTotal, currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t("contract:contract.lines.annualTotal")}
              </th>
              <td className="num">{format.money(view.totals.annual, currency)}</td>
            </tr>
            {view.totals.years > 1 ? (
              <tr>
                <th scope="row" colSpan={3}>
                  {t("contract:contract.lines.termTotal", { count: view.totals.years })}
                </th>
                <td className="num">{format.money(view.totals.term, currency)}</td>
              </tr>
            ) : null}
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** The current term and every earlier one, with its value and how it was renewed. */
export function RenewalHistoryTable({ view, links: overrides }: { view: ContractPageView } & Links) {
  const { t } = useTranslation(["account", "contract"]);
  const format = useFormat();
  const links = withLinks(overrides);
  return (
    <section className="contract-section" aria-labelledby="contract-history-title">
      <h2 id="contract-history-title">{t("contract:contract.history.title")}</h2>
      <div className="table-wrap">
        <table>
          <caption>{t("contract:contract.history.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("contract:contract.history.term")}</th>
              <th scope="col">{t("contract:contract.history.contract")}</th>
              <th scope="col">{t("contract:contract.history.length")}</th>
              <th scope="col" className="num">
                {t("contract:contract.history.value")}
              </th>
              <th scope="col">{t("contract:contract.history.renewal")}</th>
            </tr>
          </thead>
          <tbody>
            {view.terms.map((term) => (
              <tr key={term.id} className={term.current ? "is-current" : undefined}>
                <th scope="row">
                  {t("card.termRange", { start: format.date(term.termStart), end: format.date(term.termEnd) })}
                  {term.current ? <span className="muted"> ({t("contract:contract.history.current")})</span> : null}
                </th>
                <td>
                  {term.current ? (
                    term.number
                  ) : (
                    <Link to={links.contract(term.id)} aria-label={t("card.viewContract", { number: term.number })}>
                      {term.number}
                    </Link>
                  )}
                </td>
                <td>{t("contract:contract.history.years", { count: term.years })}</td>
                <td className="num">{format.money(term.value, term.currency)}</td>
                <td>
                  {term.timing && term.renewedOn
                    ? t(`contract:contract.history.${term.timing}`, { date: format.date(term.renewedOn) })
                    : t("contract:contract.history.notYet")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Quotes (view, PDF) and payment receipts of this contract. */
export function DocumentsList({ view, links: overrides }: { view: ContractPageView } & Links) {
  const { t } = useTranslation("contract");
  const format = useFormat();
  const links = withLinks(overrides);
  return (
    <section className="contract-section" aria-labelledby="contract-documents-title">
      <h2 id="contract-documents-title">{t("contract.documents.title")}</h2>
      <div className="documents">
        <div>
          <h3>{t("contract.documents.quotes")}</h3>
          {view.quotes.length === 0 ? (
            <p className="muted">{t("contract.documents.noQuotes")}</p>
          ) : (
            <ul className="document-list">
              {view.quotes.map((quote) => (
                <li key={quote.id}>
                  <span className="document-name">
                    {t("contract.documents.quote", { number: quote.number, version: quote.version })}
                  </span>{" "}
                  <span className="badge badge-neutral">{t(`contract.documents.quoteStatus.${quote.status}`)}</span>
                  <span className="document-meta muted">
                    {t("contract.documents.quoteMeta", {
                      total: format.money(quote.total, quote.currency),
                      start: format.date(quote.newTermStart),
                      end: format.date(quote.newTermEnd),
                      date: format.date(quote.createdOn),
                    })}
                  </span>
                  <span className="document-links no-print">
                    <Link to={links.quote(quote.id)}>
                      {t("contract.documents.viewQuote")}
                      <span className="visually-hidden"> {t("contract.documents.ofDocument", { number: quote.number })}</span>
                    </Link>
                    <a href={links.quotePdf(quote.id)}>
                      {t("contract.documents.quotePdf")}
                      <span className="visually-hidden"> {t("contract.documents.ofDocument", { number: quote.number })}</span>
                    </a>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{t("contract.documents.receipts")}</h3>
          {view.receipts.length === 0 ? (
            <p className="muted">{t("contract.documents.noReceipts")}</p>
          ) : (
            <ul className="document-list">
              {view.receipts.map((receipt) => (
                <li key={receipt.id}>
                  <span className="document-name">{t("contract.documents.receipt", { number: receipt.quoteNumber })}</span>
                  <span className="document-meta muted">
                    {t("contract.documents.receiptMeta", {
                      amount: format.money(receipt.amount, receipt.currency),
                      date: receipt.paidOn ? format.date(receipt.paidOn) : "—",
                    })}
                    {receipt.refundedAmount > 0
                      ? ` · ${t("contract.documents.refunded", { amount: format.money(receipt.refundedAmount, receipt.currency) })}`
                      : null}
                  </span>
                  <span className="document-links no-print">
                    <a href={links.receipt(receipt)}>
                      {t("contract.documents.viewReceipt")}
                      <span className="visually-hidden"> {t("contract.documents.ofDocument", { number: receipt.quoteNumber })}</span>
                    </a>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

/** The account's people: name, role, job title and email. */
export function PeopleList({ view }: { view: ContractPageView }) {
  const { t } = useTranslation("contract");
  return (
    <section className="contract-section" aria-labelledby="contract-people-title">
      <h2 id="contract-people-title">{t("contract.people.title")}</h2>
      <p className="muted">{t("contract.people.lead")}</p>
      {view.people.length === 0 ? (
        <p>{t("contract.people.none")}</p>
      ) : (
        <ul className="people-list">
          {view.people.map((person) => (
            <li key={person.id}>
              <span className="person-name">{person.name}</span>
              <span className="badge badge-info">{t(`contract.people.roles.${person.role}`)}</span>
              {person.jobTitle ? <span className="muted">{person.jobTitle}</span> : null}
              <a href={`mailto:${person.email}`}>{person.email}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
