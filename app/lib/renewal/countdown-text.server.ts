import type { Countdown, IncentiveOffer } from "~/domain/renewal/countdown";

import { formatDate } from "../format";
import type { Locale } from "../i18n/config";
import { getFixedT } from "../i18n/i18n.server";

/** The countdown as the renewal page reads it (see `incentiveCountdown` for the data). */
export interface CountdownText {
  /** "Confirm by 30 November 2026 to keep 10% off; from 1 December it is 7%", or null when nothing applies today. */
  headline: string | null;
  /** Every step of the schedule, when there is more than one. */
  steps: string[];
}

/**
 * The incentive countdown in the reader's words and dates, prepared on the
 * server like the quote breakdown (breakdown.server.ts): static text the
 * renewal page then shows without carrying the wording in its JavaScript.
 */
export function countdownText(countdown: Countdown, locale: Locale): CountdownText {
  const t = getFixedT(locale, "renewal");
  const date = (iso: string) => formatDate(iso, locale, "long");
  const offer = (o: IncentiveOffer | null) =>
    o === null
      ? t("countdown.nothing")
      : o.percent > 0
        ? t("countdown.percentOff", { percent: o.percent })
        : o.bonusMonths > 0
          ? t("countdown.bonusMonths", { count: o.bonusMonths })
          : t("countdown.bonusFeature", { feature: o.bonusFeature ?? "" });
  const { current, next } = countdown;
  const headline = current
    ? next?.offer
      ? t("countdown.keepThen", { date: date(current.until), offer: offer(current.offer), nextDate: date(next.from), nextOffer: offer(next.offer) })
      : t("countdown.keepThenNone", { date: date(current.until), offer: offer(current.offer), nextDate: date(next?.from ?? current.until) })
    : null;
  const steps =
    countdown.steps.length > 1
      ? countdown.steps.map((step) =>
          step.until
            ? t("countdown.stepUntil", { from: date(step.from), until: date(step.until), offer: offer(step.offer) })
            : t("countdown.stepFrom", { from: date(step.from), offer: offer(step.offer) }),
        )
      : [];
  return { headline, steps };
}
