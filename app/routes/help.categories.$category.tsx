import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ArticleList } from "~/components/help/article-list";
import { Breadcrumbs } from "~/components/help/breadcrumbs";
import { ContactSupport } from "~/components/help/contact-support";
import { HelpNotFound } from "~/components/help/not-found";
import { HelpSearchForm } from "~/components/help/search-form";
import { isKbCategory } from "~/domain/help/categories";

import { db, getFixedT, getLocale, listArticlesInCategory } from "./__help.categories.$category.server";

export const handle = { i18n: ["help"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { category } = params;
  if (!isKbCategory(category)) throw new Response("Not found", { status: 404 });
  const locale = await getLocale(request);
  const articles = await listArticlesInCategory(db(), { locale, category });
  const t = getFixedT(locale, "help");
  return {
    category,
    articles: articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      summary: a.summary,
      lang: a.locale === locale ? undefined : a.locale,
    })),
    meta: {
      title: t("meta.category", { category: t(`categories.${category}.name`) }),
      description: t(`categories.${category}.description`),
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.meta.title ?? "Customer365" },
  { name: "description", content: data?.meta.description ?? "" },
];

export default function HelpCategory() {
  const { category, articles } = useLoaderData<typeof loader>();
  const { t } = useTranslation("help");
  const name = t(`categories.${category}.name`);
  return (
    <div className="help">
      <Breadcrumbs items={[{ to: "/help", label: t("breadcrumb.help") }, { label: name }]} />
      <HelpSearchForm />
      <h1>{name}</h1>
      <p className="lead">{t(`categories.${category}.description`)}</p>
      <p className="muted">{t("home.articleCount", { count: articles.length })}</p>
      <ArticleList articles={articles} />
      <ContactSupport />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusHandlers={{ 404: () => <HelpNotFound kind="category" /> }} />;
}
