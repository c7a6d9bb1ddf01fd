import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EditorTabs } from "~/components/help-editor/editor-tabs";
import { formatDate, formatNumber, formatPercent } from "~/lib/format";
import { LOCALE_NAMES, LOCALES } from "~/lib/i18n/config";

import {
  clock,
  db,
  listArticleHelpfulness,
  listFailedSearches,
  listRecentArticleComments,
  requireStaff,
  summariseDeflection,
} from "./__staff.help.insights.server";

export const handle = { i18n: ["staff", "staff-help", "help"], title: "staff-help:insights.title" };

const DAY_MS = 86_400_000;
/** Failed searches and deflection: the last 30 days; helpfulness: the last 90 (votes are fewer). */
const SEARCH_DAYS = 30;
const FEEDBACK_DAYS = 90;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const now = clock().now().getTime();
  const searchSince = new Date(now - SEARCH_DAYS * DAY_MS);
  const feedbackSince = new Date(now - FEEDBACK_DAYS * DAY_MS);
  const [helpfulness, comments, failed, deflection] = await Promise.all([
    listArticleHelpfulness(db(), feedbackSince),
    listRecentArticleComments(db(), feedbackSince),
    listFailedSearches(db(), searchSince),
    summariseDeflection(db(), searchSince),
  ]);
  return {
    helpfulness,
    comments: comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString().slice(0, 10) })),
    failed: LOCALES.map((locale) => ({
      locale,
      searches: failed.filter((f) => f.locale === locale).map((f) => ({ query: f.query, searches: f.searches, last: f.lastSearchedAt.toISOString().slice(0, 10) })),
    })),
    deflection,
  };
}

export default function HelpInsights() {
  const { helpfulness, comments, failed, deflection } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("staff-help");
  const lng = i18n.language;
  return (
    <>
      <h1>{t("insights.title")}</h1>
      <EditorTabs current="insights" />

      <section aria-labelledby="failed-title">
        <h2 id="failed-title">{t("insights.failedTitle", { days: SEARCH_DAYS })}</h2>
        <p className="muted">{t("insights.failedLead")}</p>
        <div className="insight-grid">
          {failed.map((group) => (
            <div key={group.locale} className="card">
              <h3>{LOCALE_NAMES[group.locale]}</h3>
              {group.searches.length === 0 ? (
                <p className="muted">{t("insights.failedNone")}</p>
              ) : (
                <table>
                  <caption className="visually-hidden">{t("insights.failedCaption", { language: LOCALE_NAMES[group.locale] })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("insights.query")}</th>
                      <th scope="col" className="num">
                        {t("insights.searches")}
                      </th>
                      <th scope="col">{t("insights.last")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.searches.map((s) => (
                      <tr key={s.query}>
                        <td lang={group.locale}>{s.query}</td>
                        <td className="num">{formatNumber(s.searches, lng)}</td>
                        <td>{formatDate(s.last, lng)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="deflection-title">
        <h2 id="deflection-title">{t("insights.deflectionTitle", { days: SEARCH_DAYS })}</h2>
        <p>{t("insights.deflectionSummary", { opened: deflection.opened, requests: deflection.requests })}</p>
        {deflection.top.length > 0 ? (
          <ul className="plain-list">
            {deflection.top.map((row) => (
              <li key={row.slug}>
                <Link to={`/staff/help/articles/${row.slug}`}>{row.slug}</Link>{" "}
                <span className="muted">{t("insights.openedTimes", { count: row.opened })}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="helpful-title">
        <h2 id="helpful-title">{t("insights.helpfulTitle", { days: FEEDBACK_DAYS })}</h2>
        {helpfulness.length === 0 ? (
          <p className="muted">{t("insights.helpfulNone")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("insights.helpfulTitle", { days: FEEDBACK_DAYS })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("insights.article")}</th>
                  <th scope="col" className="num">
                    {t("insights.yes")}
                  </th>
                  <th scope="col" className="num">
                    {t("insights.no")}
                  </th>
                  <th scope="col" className="num">
                    {t("insights.share")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {helpfulness.map((row) => (
                  <tr key={row.slug}>
                    <td>
                      <Link to={`/staff/help/articles/${row.slug}`}>{row.title}</Link>
                    </td>
                    <td className="num">{formatNumber(row.helpful, lng)}</td>
                    <td className="num">{formatNumber(row.notHelpful, lng)}</td>
                    <td className="num">{formatPercent(row.helpful / Math.max(1, row.helpful + row.notHelpful), lng)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="comments-title">
        <h2 id="comments-title">{t("insights.commentsTitle")}</h2>
        {comments.length === 0 ? (
          <p className="muted">{t("insights.commentsNone")}</p>
        ) : (
          <ul className="plain-list insight-comments">
            {comments.map((c, index) => (
              <li key={`${c.slug}-${c.locale}-${index}`}>
                <p>
                  <Link to={`/staff/help/articles/${c.slug}?locale=${c.locale}`} lang={c.locale}>
                    {c.title}
                  </Link>{" "}
                  <span className={`badge ${c.helpful ? "badge-success" : "badge-warning"}`}>{t(c.helpful ? "insights.yes" : "insights.no")}</span>{" "}
                  <span className="muted">
                    {LOCALE_NAMES[c.locale]} · {formatDate(c.createdAt, lng)}
                  </span>
                </p>
                <blockquote lang={c.locale} className="support-quote">
                  {c.comment}
                </blockquote>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
