import { Link } from "@remix-run/react";
import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";

import type { ValueRecap } from "~/domain/subscriptions";

import { useFormat } from "./use-format";

const noSubscription = () => () => {};

/**
 * window.print() needs JavaScript, so the button only appears once the page
 * is hydrated: false on the server and while hydrating, true afterwards.
 */
function PrintButton({ label }: { label: string }) {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!hydrated) return null;
  return (
    <button type="button" className="button button-secondary no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}

/**
 * "Your year with Customer365": the term's value in numbers and plain words,
 * for the buyer to forward to whoever approves the renewal. Prints cleanly
 * (see the print rules in app.css).
 */
export function ValueRecapSection({
  recap,
  contractNumber,
  printHref,
  headingLevel = 2,
}: {
  recap: ValueRecap;
  contractNumber: string;
  /** A printable page of its own (works without JavaScript). */
  printHref?: string;
  headingLevel?: 1 | 2;
}) {
  const { t } = useTranslation("contract");
  const format = useFormat();
  const Heading = `h${headingLevel}` as "h2";
  const Sub = `h${headingLevel + 1}` as "h3";
  const asOf = recap.asOf < recap.term.termEnd ? recap.asOf : recap.term.termEnd;

  return (
    <section className="recap" aria-labelledby="recap-title">
      <Heading id="recap-title">{t("recap.title")}</Heading>
      <p className="recap-lead">
        {t("recap.lead", { start: format.date(recap.term.termStart), asOf: format.date(asOf), number: contractNumber })}
      </p>
      {!recap.hasData ? (
        <p className="recap-empty">{t("recap.noData")}</p>
      ) : (
        <>
          <p className="recap-headline">
            {t("recap.headline", { count: recap.totals.recordsProcessed, value: format.number(recap.totals.recordsProcessed) })}
          </p>

          <Sub className="visually-hidden">{t("recap.stats.title")}</Sub>
          <dl className="recap-stats">
            <div>
              <dt>{t("recap.stats.records")}</dt>
              <dd>{format.number(recap.totals.recordsProcessed)}</dd>
            </div>
            <div>
              <dt>{t("recap.stats.coreActions")}</dt>
              <dd>{format.number(recap.totals.coreActions)}</dd>
            </div>
            <div>
              <dt>{t("recap.stats.logins")}</dt>
              <dd>{format.number(recap.totals.logins)}</dd>
            </div>
            {recap.peakSeats ? (
              <div>
                <dt>{t("recap.stats.peakSeats")}</dt>
                <dd>
                  {format.number(recap.peakSeats.seats)}
                  <span className="recap-stat-detail">{t("recap.stats.peakSeatsMonth", { month: format.month(recap.peakSeats.month) })}</span>
                </dd>
              </div>
            ) : null}
            {recap.utilisation ? (
              <div>
                <dt>{t("recap.stats.utilisation")}</dt>
                <dd>
                  {format.percent(recap.utilisation.ratio)}
                  <span className="recap-stat-detail">
                    {t("recap.stats.utilisationDetail", {
                      active: format.number(recap.utilisation.active),
                      bought: format.number(recap.utilisation.bought),
                      month: format.month(recap.utilisation.month),
                    })}
                  </span>
                </dd>
              </div>
            ) : null}
          </dl>

          {recap.seatGrowth && recap.seatGrowth.ratio !== null ? (
            <p>
              {t(`recap.growth.${recap.seatGrowth.change > 0 ? "up" : recap.seatGrowth.change < 0 ? "down" : "flat"}`, {
                from: format.number(recap.seatGrowth.from),
                to: format.number(recap.seatGrowth.to),
                percent: format.percent(Math.abs(recap.seatGrowth.ratio)),
                fromMonth: format.month(recap.seatGrowth.fromMonth),
                toMonth: format.month(recap.seatGrowth.toMonth),
              })}
            </p>
          ) : null}
          {recap.previousTerm ? (
            <p>
              {t(
                `recap.previous.${Math.abs(recap.previousTerm.change) < 0.005 ? "flat" : recap.previousTerm.change > 0 ? "up" : "down"}`,
                { percent: format.percent(Math.abs(recap.previousTerm.change)) },
              )}
            </p>
          ) : null}

          <div className="recap-columns">
            {recap.topFeatures.length > 0 ? (
              <div>
                <Sub>{t("recap.features.title")}</Sub>
                <ol className="recap-features">
                  {recap.topFeatures.map((feature) => (
                    <li key={feature.feature}>
                      <strong>{t(`features.${feature.feature}`, { defaultValue: feature.feature })}</strong>{" "}
                      <span className="muted">
                        {t("recap.features.item", { value: format.number(feature.uses), share: format.percent(feature.share) })}
                      </span>
                    </li>
                  ))}
                </ol>
              </div>
            ) : null}
            <div>
              <Sub>{t("recap.support.title")}</Sub>
              {recap.support.opened === 0 ? (
                <p>{t("recap.support.none")}</p>
              ) : (
                <ul className="recap-support">
                  <li>
                    {t("recap.support.resolved", { count: recap.support.resolved })}
                    {recap.support.stillOpen > 0 ? ` · ${t("recap.support.stillOpen", { count: recap.support.stillOpen })}` : null}
                  </li>
                  {recap.support.medianHoursToResolve !== null ? (
                    <li>{t("recap.support.resolveTime", { duration: format.duration(recap.support.medianHoursToResolve) })}</li>
                  ) : null}
                  {recap.support.medianHoursToFirstResponse !== null ? (
                    <li>
                      {t("recap.support.firstResponse", { duration: format.duration(recap.support.medianHoursToFirstResponse) })}
                    </li>
                  ) : null}
                </ul>
              )}
            </div>
            {recap.milestones.length > 0 ? (
              <div>
                <Sub>{t("recap.milestones.title")}</Sub>
                <ul className="recap-milestones">
                  {recap.milestones.map((milestone) => (
                    <li key={milestone.key}>
                      {t(`recap.milestones.${milestone.key}`, {
                        value: format.number(milestone.value),
                        month: format.month(milestone.month),
                      })}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
          <p className="muted recap-note">{t("recap.note")}</p>
        </>
      )}
      <p className="actions no-print">
        {printHref ? (
          <Link to={printHref} className="button button-secondary">
            {t("recap.printable")}
          </Link>
        ) : null}
        <PrintButton label={t("recap.print")} />
      </p>
    </section>
  );
}
