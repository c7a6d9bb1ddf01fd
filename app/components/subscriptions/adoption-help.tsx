import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import type { AdoptionSignals } from "~/domain/subscriptions";

import { withLinks, type SubscriptionLinks } from "./links";
import { useFormat } from "./use-format";

/** When usage is low or falling: what we saw, the articles that address it, and a training request. */
export function AdoptionHelp({
  adoption,
  seatsBought,
  links: overrides,
}: {
  adoption: AdoptionSignals;
  seatsBought: number;
  links?: Partial<SubscriptionLinks>;
}) {
  const { t } = useTranslation("contract");
  const format = useFormat();
  const links = withLinks(overrides);
  if (adoption.reasons.length === 0) return null;
  return (
    <aside className="adoption-help no-print" aria-labelledby="adoption-title">
      <h2 id="adoption-title">{t("adoption.title")}</h2>
      {adoption.reasons.includes("low") && adoption.utilisation !== null && adoption.utilisationMonth ? (
        <p>
          {t("adoption.low", {
            percent: format.percent(adoption.utilisation),
            bought: format.number(seatsBought),
            month: format.month(adoption.utilisationMonth),
          })}
        </p>
      ) : null}
      {adoption.reasons.includes("falling") && adoption.trend?.change != null ? (
        <p>
          {t("adoption.falling", {
            percent: format.percent(Math.abs(adoption.trend.change)),
            fromMonth: format.month(adoption.trend.fromMonth),
            toMonth: format.month(adoption.trend.toMonth),
          })}
        </p>
      ) : null}
      <p>{t("adoption.suggest")}</p>
      <ul className="adoption-articles">
        {adoption.articles.map((slug) => (
          <li key={slug}>
            <Link to={links.article(slug)}>{t(`adoption.articles.${slug}`)}</Link>
          </li>
        ))}
      </ul>
      {adoption.suggestTraining ? (
        <p className="adoption-training">
          <Link to={links.training} className="button">
            {t("adoption.training")}
          </Link>
          <span className="muted">{t("adoption.trainingHint")}</span>
        </p>
      ) : null}
    </aside>
  );
}
