import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import type { Locale, Segment } from "../../db/schema";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { summariseCsat, summariseNps, type CsatSummary, type NpsSummary } from "~/domain/support/surveys";
import { formatDate, formatNumber, formatPercent } from "~/lib/format";
import { LOCALE_NAMES, LOCALES } from "~/lib/i18n/config";

import {
  clock,
  countScores,
  db,
  listRecentComments,
  requireStaff,
  type ScoreCountRow,
} from "./__staff.feedback.server";

export const handle = { i18n: ["staff", "staff-help", "support"], title: "staff-help:feedback.title" };

const PERIODS = ["90", "365", "all"] as const;
type Period = (typeof PERIODS)[number];
const SEGMENTS: readonly Segment[] = ["smb", "mid_market", "enterprise", "public_sector"];

function groupBy<K extends string>(rows: readonly ScoreCountRow[], key: (row: ScoreCountRow) => K) {
  const groups = new Map<K, ScoreCountRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/** NPS and CSAT across every account, overall and per language and segment. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const raw = new URL(request.url).searchParams.get("period");
  const period: Period = (PERIODS as readonly string[]).includes(raw ?? "") ? (raw as Period) : "365";
  const since = period === "all" ? null : new Date(clock().now().getTime() - Number(period) * 86_400_000);
  const [nps, csat, npsComments, csatComments] = await Promise.all([
    countScores(db(), "nps", since),
    countScores(db(), "csat", since),
    listRecentComments(db(), "nps", since),
    listRecentComments(db(), "csat", since),
  ]);
  const breakdown = <S,>(rows: ScoreCountRow[], summarise: (rows: ScoreCountRow[]) => S) => {
    const byLocale = groupBy(rows, (r) => r.locale);
    const bySegment = groupBy(rows, (r) => r.segment);
    return {
      overall: summarise(rows),
      locales: LOCALES.map((locale) => ({ key: locale as Locale, summary: summarise(byLocale.get(locale) ?? []) })),
      segments: SEGMENTS.map((segment) => ({ key: segment, summary: summarise(bySegment.get(segment) ?? []) })),
    };
  };
  const comment = (c: (typeof npsComments)[number]) => ({ ...c, createdAt: c.createdAt.toISOString().slice(0, 10) });
  return {
    period,
    nps: breakdown(nps, (rows) => summariseNps(rows)),
    csat: breakdown(csat, (rows) => summariseCsat(rows)),
    npsComments: npsComments.map(comment),
    csatComments: csatComments.map(comment),
  };
}

export default function StaffFeedback() {
  const { period, nps, csat, npsComments, csatComments } = useLoaderData<typeof loader>();
  // Score labels are the survey's words (support), segment names the staff area's.
  const { t, i18n } = useTranslation(["staff-help", "support", "staff"]);
  const lng = i18n.language;
  const npsText = (s: NpsSummary) => (s.score === null ? "—" : formatNumber(s.score, lng, { signDisplay: "exceptZero" }));
  const csatText = (s: CsatSummary) => (s.average === null ? "—" : formatNumber(s.average, lng, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const groupLabel = (kind: "locale" | "segment", key: string) =>
    kind === "locale" ? LOCALE_NAMES[key as Locale] : t(`staff:segments.${key}`);

  return (
    <>
      <h1>{t("feedback.title")}</h1>
      <p className="lead">{t("feedback.lead")}</p>
      <Form method="get" className="inline-form">
        <div className="field">
          <label htmlFor="feedback-period">{t("feedback.period")}</label>
          <select id="feedback-period" name="period" defaultValue={period}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`feedback.periods.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("feedback.apply")}
        </button>
      </Form>

      <section aria-labelledby="nps-title">
        <h2 id="nps-title">{t("feedback.npsTitle")}</h2>
        <div className="card-grid feedback-figures">
          <div className="card">
            <p className="feedback-figure">{npsText(nps.overall)}</p>
            <p>{t("feedback.npsScore")}</p>
          </div>
          <div className="card">
            <p>{t("feedback.responses", { count: nps.overall.responses })}</p>
            <p className="muted">
              {t("feedback.npsGroups", { promoters: nps.overall.promoters, passives: nps.overall.passives, detractors: nps.overall.detractors })}
            </p>
          </div>
        </div>
        <p className="muted">{t("feedback.npsExplained")}</p>
        {(["locale", "segment"] as const).map((kind) => (
          <div className="table-wrap feedback-table" key={kind}>
            <table>
              <caption>{t(kind === "locale" ? "feedback.byLocale" : "feedback.bySegment")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(kind === "locale" ? "feedback.locale" : "feedback.segment")}</th>
                  <th scope="col" className="num">{t("feedback.npsScore")}</th>
                  <th scope="col" className="num">{t("feedback.promoters")}</th>
                  <th scope="col" className="num">{t("feedback.passives")}</th>
                  <th scope="col" className="num">{t("feedback.detractors")}</th>
                  <th scope="col" className="num">{t("feedback.total")}</th>
                </tr>
              </thead>
              <tbody>
                {(kind === "locale" ? nps.locales : nps.segments).map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{groupLabel(kind, row.key)}</th>
                    <td className="num">{npsText(row.summary)}</td>
                    <td className="num">{formatNumber(row.summary.promoters, lng)}</td>
                    <td className="num">{formatNumber(row.summary.passives, lng)}</td>
                    <td className="num">{formatNumber(row.summary.detractors, lng)}</td>
                    <td className="num">{formatNumber(row.summary.responses, lng)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
        <Comments title={t("feedback.npsComments")} comments={npsComments} scale={10} />
      </section>

      <section aria-labelledby="csat-title">
        <h2 id="csat-title">{t("feedback.csatTitle")}</h2>
        <div className="card-grid feedback-figures">
          <div className="card">
            <p className="feedback-figure">{csatText(csat.overall)}</p>
            <p>{t("feedback.csatAverage")}</p>
          </div>
          <div className="card">
            <p>{t("feedback.responses", { count: csat.overall.responses })}</p>
            <p className="muted">
              {csat.overall.satisfied === null ? "—" : t("feedback.satisfied", { share: formatPercent(csat.overall.satisfied, lng) })}
            </p>
          </div>
        </div>
        <div className="table-wrap feedback-table">
          <table>
            <caption>{t("feedback.distribution")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("feedback.score")}</th>
                <th scope="col" className="num">{t("feedback.answers")}</th>
              </tr>
            </thead>
            <tbody>
              {csat.overall.distribution.map((count, index) => (
                <tr key={index}>
                  <th scope="row">{t(`support:csat.scores.${index + 1}`)}</th>
                  <td className="num">{formatNumber(count, lng)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {(["locale", "segment"] as const).map((kind) => (
          <div className="table-wrap feedback-table" key={kind}>
            <table>
              <caption>{t(kind === "locale" ? "feedback.byLocale" : "feedback.bySegment")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(kind === "locale" ? "feedback.locale" : "feedback.segment")}</th>
                  <th scope="col" className="num">{t("feedback.csatAverage")}</th>
                  <th scope="col" className="num">{t("feedback.satisfiedShort")}</th>
                  <th scope="col" className="num">{t("feedback.total")}</th>
                </tr>
              </thead>
              <tbody>
                {(kind === "locale" ? csat.locales : csat.segments).map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{groupLabel(kind, row.key)}</th>
                    <td className="num">{csatText(row.summary)}</td>
                    <td className="num">{row.summary.satisfied === null ? "—" : formatPercent(row.summary.satisfied, lng)}</td>
                    <td className="num">{formatNumber(row.summary.responses, lng)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
        <Comments title={t("feedback.csatComments")} comments={csatComments} scale={5} />
      </section>
    </>
  );
}

function Comments({
  title,
  comments,
  scale,
}: {
  title: string;
  comments: ReadonlyArray<{ score: number; comment: string; createdAt: string; accountName: string; locale: Locale; ticketNumber: string | null }>;
  scale: number;
}) {
  const { t, i18n } = useTranslation("staff-help");
  return (
    <>
      <h3>{title}</h3>
      {comments.length === 0 ? (
        <p className="muted">{t("feedback.noComments")}</p>
      ) : (
        <ul className="plain-list insight-comments">
          {comments.map((c, index) => (
            <li key={index}>
              <p>
                <strong>{t("feedback.scoreOf", { score: c.score, scale })}</strong>{" "}
                <span className="muted">
                  {c.accountName}
                  {c.ticketNumber ? ` · ${c.ticketNumber}` : ""} · {formatDate(c.createdAt, i18n.language)}
                </span>
              </p>
              <blockquote lang={c.locale} className="support-quote">
                {c.comment}
              </blockquote>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
