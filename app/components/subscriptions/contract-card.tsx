import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

import type { Badge, ContractCardView } from "~/domain/subscriptions";

import { BADGE_TONE, daysToEndText, nextActionText } from "./contract-status";
import type { SubscriptionLinks } from "./links";
import { useFormat, type Formatters } from "./use-format";

const BADGES: readonly Badge[] = ["active", "renewal_open", "in_grace", "renewed", "ended", "cancelled"];

/**
 * The words every card shares, translated once per page rather than once per
 * card: an account with fifty contracts renders fifty cards.
 */
function cardLabels(t: TFunction<"account">) {
  const badges = Object.fromEntries(BADGES.map((badge) => [badge, t(`badge.${badge}`)])) as Record<Badge, string>;
  return {
    seats: t("card.seats"),
    term: t("card.term"),
    annualValue: t("card.annualValue"),
    autoRenew: t("card.autoRenew"),
    on: t("card.on"),
    off: t("card.off"),
    addons: t("card.addons"),
    noAddons: t("card.noAddons"),
    nextStep: t("card.nextStep"),
    renew: t("cta.renew"),
    contact: t("cta.contact"),
    badges,
  };
}

export type CardLabels = ReturnType<typeof cardLabels>;

export function useCardLabels(): { t: TFunction<"account">; format: Formatters; labels: CardLabels } {
  const { t, i18n } = useTranslation("account");
  const format = useFormat();
  const labels = useMemo(() => cardLabels(t), [t, i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  return { t, format, labels };
}

/** One contract on the account home: where it stands, what it costs, what to do next. */
export function ContractCard({
  card,
  links,
  shared,
}: {
  card: ContractCardView;
  links: SubscriptionLinks;
  /** The page's translator, formatters and shared labels (see useCardLabels). */
  shared: ReturnType<typeof useCardLabels>;
}) {
  const { t, format, labels } = shared;
  const headingId = `contract-${card.id}`;
  const plan = card.planCode ? t(`products.${card.planCode}`, { defaultValue: card.planCode }) : t("card.contract", { number: card.number });
  const action = card.nextAction;

  return (
    <article className={`contract-card contract-card-${card.badge}`} aria-labelledby={headingId}>
      <header className="contract-card-head">
        <h2 id={headingId} className="contract-card-title">
          <Link to={links.contract(card.id)} prefetch="intent">
            {plan}
            <span className="contract-card-number">{t("card.contract", { number: card.number })}</span>
          </Link>
        </h2>
        <span className={`badge ${BADGE_TONE[card.badge]}`}>{labels.badges[card.badge]}</span>
      </header>

      <dl className="contract-facts">
        <div>
          <dt>{labels.seats}</dt>
          <dd>
            {card.seatsActive ? (
              <>
                {t("card.seatsActive", { active: format.number(card.seatsActive.count), bought: format.number(card.seatsBought) })}{" "}
                <span className="muted">{t("card.seatsActiveMonth", { month: format.month(card.seatsActive.month) })}</span>
              </>
            ) : (
              t("card.seatsNoData", { bought: format.number(card.seatsBought) })
            )}
          </dd>
        </div>
        <div>
          <dt>{labels.term}</dt>
          <dd>
            {t("card.termRange", { start: format.date(card.termStart), end: format.date(card.termEnd) })}{" "}
            <span className="contract-days">{daysToEndText(card.daysToEnd, t)}</span>
          </dd>
        </div>
        <div>
          <dt>{labels.annualValue}</dt>
          <dd className="contract-money">{format.money(card.annualValue.amount, card.annualValue.currency)}</dd>
        </div>
        <div>
          <dt>{labels.autoRenew}</dt>
          <dd>{card.autoRenew ? labels.on : labels.off}</dd>
        </div>
        <div className="contract-facts-wide">
          <dt>{labels.addons}</dt>
          <dd>
            {card.addonCodes.length > 0
              ? card.addonCodes.map((code) => t(`products.${code}`, { defaultValue: code })).join(" · ")
              : labels.noAddons}
          </dd>
        </div>
      </dl>

      {card.adoption === "low" || card.adoption === "falling" ? (
        <p className="contract-card-hint">{t(`card.adoption.${card.adoption}`)}</p>
      ) : null}

      <div className={`next-action next-action-${action.tone}`}>
        <p>
          <strong>{labels.nextStep}</strong>{" "}
          {nextActionText(action, t, format)}
        </p>
        {action.kind === "renew" ? (
          <Link to={links.renew(card.id)} className="button">
            {labels.renew}
            <span className="visually-hidden"> ({t("cta.contractRef", { number: card.number })})</span>
          </Link>
        ) : action.kind === "contact" ? (
          <Link to={links.support} className="button button-secondary">
            {labels.contact}
            <span className="visually-hidden"> ({t("cta.contractRef", { number: card.number })})</span>
          </Link>
        ) : null}
      </div>
    </article>
  );
}
