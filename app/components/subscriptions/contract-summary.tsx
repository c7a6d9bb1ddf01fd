import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import type { ContractPageView } from "~/domain/subscriptions";

import { ContractBadge, daysToEndText, nextActionText } from "./contract-status";
import { withLinks, type SubscriptionLinks } from "./links";
import { useFormat } from "./use-format";

type Links = { links?: Partial<SubscriptionLinks> };

/** The contract page's header: plan and number, status, term, and the next step. */
export function ContractSummary({ view, links: overrides }: { view: ContractPageView } & Links) {
  const { t } = useTranslation(["account", "contract"]);
  const format = useFormat();
  const links = withLinks(overrides);
  const { contract } = view;
  const plan = contract.planCode ? t(`products.${contract.planCode}`, { defaultValue: contract.planCode }) : contract.number;
  const action = contract.nextAction;
  return (
    <header className="contract-summary">
      <h1>{t("contract:contract.title", { plan, number: contract.number })}</h1>
      <p className="contract-summary-status">
        <ContractBadge badge={contract.badge} />
        <span>{t("card.termRange", { start: format.date(contract.termStart), end: format.date(contract.termEnd) })}</span>
        <span className="contract-days">{daysToEndText(contract.daysToEnd, t)}</span>
        <span>{t("card.autoRenewState", { state: contract.autoRenew ? t("card.on") : t("card.off") })}</span>
      </p>
      <div className={`next-action next-action-${action.tone}`}>
        <p>
          <strong>{t("card.nextStep")}</strong>{" "}
          {nextActionText(action, t, format)}
        </p>
        {action.kind === "renew" ? (
          <Link to={links.renew(contract.id)} className="button no-print">
            {t("cta.renew")}
          </Link>
        ) : action.kind === "contact" ? (
          <Link to={links.support} className="button button-secondary no-print">
            {t("cta.contact")}
          </Link>
        ) : view.successor ? (
          <Link to={links.contract(view.successor.id)} className="no-print">
            {t("card.viewContract", { number: view.successor.number })}
          </Link>
        ) : null}
      </div>
    </header>
  );
}
