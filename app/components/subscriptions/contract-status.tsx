import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

import type { Badge, NextAction } from "~/domain/subscriptions";

import type { Formatters } from "./use-format";

export const BADGE_TONE: Record<Badge, string> = {
  active: "badge-info",
  renewal_open: "badge-warning",
  in_grace: "badge-danger",
  renewed: "badge-success",
  ended: "badge-neutral",
  cancelled: "badge-neutral",
};

export function ContractBadge({ badge }: { badge: Badge }) {
  const { t } = useTranslation("account");
  return <span className={`badge ${BADGE_TONE[badge]}`}>{t(`badge.${badge}`)}</span>;
}

/** The next action's sentence, with its date and percentage in the reader's format. */
export function nextActionText(action: NextAction, t: TFunction<"account">, format: Formatters) {
  return t(`nextAction.${action.key}`, {
    date: action.params.date ? format.date(action.params.date) : undefined,
    percent: action.params.percent !== undefined ? format.number(action.params.percent) : undefined,
  });
}

/** "12 days left", "Last day today", "Ended 5 days ago". */
export function daysToEndText(daysToEnd: number, t: TFunction<"account">) {
  if (daysToEnd > 0) return t("card.daysLeft", { count: daysToEnd });
  if (daysToEnd === 0) return t("card.lastDay");
  return t("card.endedAgo", { count: -daysToEnd });
}
