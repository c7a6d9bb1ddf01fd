import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ArticleList } from "~/components/help/article-list";
import { ContactSupport } from "~/components/help/contact-support";
import { HelpSearchForm } from "~/components/help/search-form";
import { KB_CATEGORIES } from "~/domain/help/categories";

import { db, getFixedT, getLocale, listCategorySummaries, listPopularArticles } from "./__help._index.server";

export const handle = { i18n: ["help"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const [summaries, popular] = await Promise.all([
    listCategorySummaries(db(), locale),
    listPopularArticles(db(), { locale, limit: 6 }),
  ]);
  const counts = new Map(summaries.map((s) => [s.category, s.articles]));
  const t = getFixedT(locale, "help");
  return {
    locale,
    categories: KB_CATEGORIES.map((category) => ({ category, articles: counts.get(category) ?? 0 })),
    popular: popular.map((a) => ({ slug: a.slug, title: a.title, lang: a.locale === locale ? undefined : a.locale })),
    meta: { title: t("meta.home"), description: t("meta.homeDescription") },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.meta.title ?? "Customer365" },
  { name: "description", content: data?.meta.description ?? "" },
];

export default function HelpHome() {
  const { categories, popular } = useLoaderData<typeof loader>();
  const { t } = useTranslation("help");
  return (
    <div className="help">
      <section className="help-hero" aria-labelledby="help-title">
        <h1 id="help-title">{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <HelpSearchForm large />
      </section>

      <section aria-labelledby="help-categories-title">
        <h2 id="help-categories-title">{t("home.categoriesTitle")}</h2>
        <ul className="card-grid help-categories">
          {categories.map(({ category, articles }) => (
            <li key={category} className="card">
              <h3>
                <Link to={`/help/categories/${category}`} prefetch="intent">
                  {t(`categories.${category}.name`)}
                </Link>
              </h3>
              <p>{t(`categories.${category}.description`)}</p>
              <p className="muted">{t("home.articleCount", { count: articles })}</p>
            </li>
          ))}
        </ul>
      </section>

      <div className="help-columns">
        <section aria-labelledby="help-popular-title">
          <h2 id="help-popular-title">{t("home.popularTitle")}</h2>
          <ArticleList articles={popular} withSummary={false} />
        </section>
        <section aria-labelledby="help-faq-title">
          <h2 id="help-faq-title">{t("home.faqTitle")}</h2>
          <p>{t("home.faqLead")}</p>
          <p>
            <Link to="/faq" className="button button-secondary">
              {t("home.faqLink")}
            </Link>
          </p>
        </section>
      </div>

      <ContactSupport />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
