import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EditorTabs } from "~/components/help-editor/editor-tabs";
import { TranslationBadge } from "~/components/help-editor/translation-badge";
import { translationState } from "~/domain/help/editor";
import { LOCALE_NAMES, LOCALES } from "~/lib/i18n/config";

import { db, listArticleVersions, requireStaff } from "./__staff.help._index.server";

export const handle = { i18n: ["staff", "staff-help", "help"], title: "staff-help:articles.title" };

const PAGE_SIZE = 50;

/** Every article by slug, with each language's state: published, draft, outdated (stale) or missing. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const attention = url.searchParams.get("attention") === "1";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const { versions, totalArticles } = await listArticleVersions(db(), { q, attention, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const bySlug = new Map<string, typeof versions>();
  for (const version of versions) bySlug.set(version.slug, [...(bySlug.get(version.slug) ?? []), version]);
  const articles = [...bySlug.entries()].map(([slug, all]) => {
    const english = all.find((v) => v.locale === "en");
    return {
      slug,
      title: english?.title ?? slug,
      category: english?.category ?? all[0]!.category,
      states: LOCALES.map((locale) => ({
        locale,
        state: translationState(
          locale,
          all.find((v) => v.locale === locale),
          english,
        ),
      })),
    };
  });
  return { q, attention, page, pages: Math.max(1, Math.ceil(totalArticles / PAGE_SIZE)), totalArticles, articles };
}

export default function StaffHelpArticles() {
  const { q, attention, page, pages, totalArticles, articles } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["staff-help", "help"]);
  const pageHref = (n: number) =>
    `?${new URLSearchParams({ q, ...(attention ? { attention: "1" } : {}), page: String(n) }).toString()}`;
  return (
    <>
      <h1>{t("articles.title")}</h1>
      <p className="lead">{t("articles.lead")}</p>
      <EditorTabs current="articles" />
      <p className="actions">
        <Link to="/staff/help/new" className="button">
          {t("articles.new")}
        </Link>
      </p>
      <Form method="get" className="inline-form">
        <div className="field">
          <label htmlFor="article-filter">{t("articles.find")}</label>
          <input id="article-filter" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <label className="checkbox">
          <input type="checkbox" name="attention" value="1" defaultChecked={attention} />
          {t("articles.attentionOnly")}
        </label>
        <button type="submit" className="button button-secondary">
          {t("articles.apply")}
        </button>
      </Form>
      <p role="status" className="muted">
        {t("articles.count", { count: totalArticles })}
      </p>
      {articles.length === 0 ? (
        <p>{t("articles.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="editor-table">
            <caption className="visually-hidden">{t("articles.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("articles.columns.article")}</th>
                {LOCALES.map((locale) => (
                  <th scope="col" key={locale} lang={locale}>
                    {LOCALE_NAMES[locale]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {articles.map((article) => (
                <tr key={article.slug}>
                  <th scope="row">
                    <Link to={`/staff/help/articles/${article.slug}`}>{article.title}</Link>
                    <br />
                    <span className="muted">
                      {article.slug} · {t(`help:categories.${article.category}.name`)}
                    </span>
                  </th>
                  {article.states.map((s) => (
                    <td key={s.locale}>
                      {/* The visible state starts the link's name, the rest says what it opens (WCAG 2.5.3). */}
                      <Link to={`/staff/help/articles/${article.slug}?locale=${s.locale}`}>
                        <TranslationBadge state={s.state} />
                        <span className="visually-hidden"> {t("articles.editLanguage", { title: article.title, language: LOCALE_NAMES[s.locale] })}</span>
                      </Link>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label={t("articles.pages")} className="actions">
          {page > 1 ? <Link to={pageHref(page - 1)}>{t("articles.previous")}</Link> : null}
          <span>{t("articles.pageOf", { page, pages })}</span>
          {page < pages ? <Link to={pageHref(page + 1)}>{t("articles.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
