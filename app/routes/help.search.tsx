import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ArticleList } from "~/components/help/article-list";
import { Breadcrumbs } from "~/components/help/breadcrumbs";
import { ContactSupport } from "~/components/help/contact-support";
import { Highlighted } from "~/components/help/highlighted";
import { HelpSearchForm } from "~/components/help/search-form";
import { MIN_QUERY_LENGTH } from "~/domain/help/limits";

import { clock, db, getFixedT, getLocale, searchHelpCentre } from "./__help.search.server";

export const handle = { i18n: ["help"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const url = new URL(request.url);
  const result = await searchHelpCentre(db(), { locale, query: url.searchParams.get("q"), at: clock().now() });
  const t = getFixedT(locale, "help");
  return {
    ...result,
    popular: result.popular.map((a) => ({
      slug: a.slug,
      title: a.title,
      summary: a.summary,
      lang: a.locale === locale ? undefined : a.locale,
    })),
    meta: { title: result.query ? t("meta.searchFor", { query: result.query }) : t("meta.search") },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.meta.title ?? "Customer365" },
  // Result pages are endless variations of the articles themselves.
  { name: "robots", content: "noindex" },
];

function searchHref(query: string) {
  return `/help/search?${new URLSearchParams({ q: query }).toString()}`;
}

export default function HelpSearch() {
  const result = useLoaderData<typeof loader>();
  const { t } = useTranslation("help");
  const { query, problem, total, capped, hits, suggestion, showingSuggestion, popular } = result;
  const searched = problem === null;
  return (
    <div className="help">
      <Breadcrumbs items={[{ to: "/help", label: t("breadcrumb.help") }, { label: t("breadcrumb.search") }]} />
      <h1>{searched ? t("search.resultsTitle", { query }) : t("search.title")}</h1>
      <HelpSearchForm defaultValue={query} large />

      {problem === "empty" ? <p>{t("search.emptyHint")}</p> : null}
      {problem === "too_short" ? (
        <p className="notice notice-warning">{t("search.tooShort", { min: MIN_QUERY_LENGTH })}</p>
      ) : null}

      {searched && suggestion ? (
        <p className="help-suggestion">
          {showingSuggestion ? (
            <>
              {t("search.noMatchFor", { query })} {t("search.showingFor")}{" "}
              <Link to={searchHref(suggestion)}>{suggestion}</Link>
            </>
          ) : (
            <>
              {t("search.didYouMean")} <Link to={searchHref(suggestion)}>{suggestion}</Link>
            </>
          )}
        </p>
      ) : null}

      {searched ? (
        <p role="status" className="muted help-result-count">
          {capped ? t("search.countCapped", { count: total }) : t("search.count", { count: total })}
        </p>
      ) : null}

      {hits.length > 0 ? (
        <ol className="help-results">
          {hits.map((hit) => (
            <li key={hit.slug}>
              <h2>
                <Link to={`/help/articles/${hit.slug}`}>
                  <Highlighted parts={hit.title} />
                </Link>
              </h2>
              <p className="help-result-category">{t(`categories.${hit.category}.name`)}</p>
              <p className="help-snippet">
                <Highlighted parts={hit.snippet} />
              </p>
            </li>
          ))}
        </ol>
      ) : null}

      {searched && total === 0 ? (
        <div className="help-no-results">
          <p>
            <strong>{t("search.noResults", { query })}</strong>
          </p>
          <p>{t("search.noResultsHint")}</p>
        </div>
      ) : null}

      {popular.length > 0 ? (
        <section aria-labelledby="help-popular-title">
          <h2 id="help-popular-title">{t("search.popularTitle")}</h2>
          <ArticleList articles={popular} />
        </section>
      ) : null}

      <ContactSupport />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
