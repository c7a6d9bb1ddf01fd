import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Breadcrumbs } from "~/components/help/breadcrumbs";
import { ContactSupport } from "~/components/help/contact-support";
import { HelpSearchForm } from "~/components/help/search-form";

import { db, findArticleTitles, getFixedT, getLocale, loadFaq } from "./__faq.server";

export const handle = { i18n: ["help"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const entries = loadFaq(locale);
  const titles = await findArticleTitles(
    db(),
    locale,
    entries.map((e) => e.article),
  );
  const t = getFixedT(locale, "help");
  return {
    entries: entries.map((entry) => ({
      id: entry.id,
      question: entry.question,
      answer: entry.answer,
      // An entry whose article is unpublished keeps its answer, without a dead link.
      article: titles.has(entry.article) ? { slug: entry.article, title: titles.get(entry.article)! } : null,
    })),
    meta: { title: t("meta.faq"), description: t("faq.lead") },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.meta.title ?? "Customer365" },
  { name: "description", content: data?.meta.description ?? "" },
];

export default function Faq() {
  const { entries } = useLoaderData<typeof loader>();
  const { t } = useTranslation("help");
  return (
    <div className="help">
      <Breadcrumbs items={[{ to: "/help", label: t("breadcrumb.help") }, { label: t("breadcrumb.faq") }]} />
      <HelpSearchForm />
      <h1>{t("faq.title")}</h1>
      <p className="lead">{t("faq.lead")}</p>
      <div className="help-faq">
        {entries.map((entry) => (
          <details key={entry.id} id={`faq-${entry.id}`}>
            <summary>{entry.question}</summary>
            <div className="help-faq-answer">
              <p>{entry.answer}</p>
              {entry.article ? (
                <p>
                  <Link to={`/help/articles/${entry.article.slug}`}>
                    {t("faq.readMore", { title: entry.article.title })}
                  </Link>
                </p>
              ) : null}
            </div>
          </details>
        ))}
      </div>
      <ContactSupport />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
