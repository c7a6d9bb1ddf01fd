import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ArticleList } from "~/components/help/article-list";
import { Breadcrumbs } from "~/components/help/breadcrumbs";
import { ContactSupport } from "~/components/help/contact-support";
import { ArticleFeedback } from "~/components/help/feedback";
import { HelpNotFound } from "~/components/help/not-found";
import { HelpSearchForm } from "~/components/help/search-form";
import { isArticleSlug } from "~/domain/help/categories";
import type { FeedbackActionData, FeedbackState } from "~/domain/help/schemas";

import {
  addFeedbackComment,
  countArticleView,
  data,
  db,
  ensureVisitorId,
  extractToc,
  feedbackErrors,
  FeedbackSchema,
  findArticleForReader,
  findVisitorFeedback,
  formatDate,
  getFixedT,
  getLocale,
  hashVisitorId,
  listRelatedArticles,
  parseKeywords,
  readFormData,
  readVisitorId,
  saveArticleFeedback,
  shouldCountView,
  summariseFeedback,
} from "./__help.articles.$slug.server";

export const handle = { i18n: ["help"] };

/** A feedback form post is far smaller than this; anything bigger is refused unread. */
const MAX_FEEDBACK_BODY_BYTES = 16 * 1024;

async function articleOr404(request: Request, slug: string | undefined) {
  if (!isArticleSlug(slug)) throw new Response("Not found", { status: 404 });
  const locale = await getLocale(request);
  const article = await findArticleForReader(db(), { locale, slug });
  if (!article) throw new Response("Not found", { status: 404 });
  return { locale, article };
}

async function feedbackState(articleId: string, visitorHash: string | null): Promise<FeedbackState> {
  const [mine, summary] = await Promise.all([
    visitorHash ? findVisitorFeedback(db(), { articleId, visitorHash }) : undefined,
    summariseFeedback(db(), articleId),
  ]);
  return { vote: mine ? { helpful: mine.helpful, hasComment: Boolean(mine.comment) } : null, summary };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale, article } = await articleOr404(request, params.slug);
  if (shouldCountView(request)) await countArticleView(db(), article.id);
  const visitorId = await readVisitorId(request);
  const [related, feedback] = await Promise.all([
    listRelatedArticles(db(), {
      locale,
      slug: article.slug,
      category: article.category,
      keywords: parseKeywords(article.keywords),
    }),
    feedbackState(article.id, visitorId ? hashVisitorId(visitorId) : null),
  ]);
  const updated = article.updatedAt.toISOString().slice(0, 10);
  const t = getFixedT(locale, "help");
  return {
    article: {
      slug: article.slug,
      lang: article.locale,
      category: article.category,
      title: article.title,
      summary: article.summary,
      html: article.bodyHtml,
      toc: extractToc(article.bodyHtml),
      updated,
      updatedLabel: formatDate(updated, locale, "long"),
    },
    isFallback: article.locale !== locale,
    related: related.map((r) => ({ slug: r.slug, title: r.title, lang: r.locale === locale ? undefined : r.locale })),
    feedback,
    meta: { title: t("meta.article", { title: article.title }), description: article.summary },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { article } = await articleOr404(request, params.slug);
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_FEEDBACK_BODY_BYTES) {
    throw new Response("Payload too large", { status: 413 });
  }
  const form = await readFormData(request);
  const parsed = FeedbackSchema.safeParse({
    intent: form.get("intent") ?? undefined,
    helpful: form.get("helpful") ?? undefined,
    comment: form.get("comment") ?? undefined,
  });
  if (!parsed.success) {
    return data<FeedbackActionData>({ ok: false, errors: feedbackErrors(parsed.error) }, { status: 400 });
  }
  const visitor = await ensureVisitorId(request);
  const visitorHash = hashVisitorId(visitor.id);
  const headers = visitor.setCookie ? { "Set-Cookie": visitor.setCookie } : undefined;
  if (parsed.data.intent === "vote") {
    await saveArticleFeedback(db(), {
      articleId: article.id,
      visitorHash,
      helpful: parsed.data.helpful === "yes",
      comment: parsed.data.comment,
    });
  } else {
    const added = await addFeedbackComment(db(), { articleId: article.id, visitorHash, comment: parsed.data.comment });
    if (!added) {
      return data<FeedbackActionData>({ ok: false, errors: { helpful: "help:feedback.errors.voteFirst" } }, { status: 400, headers });
    }
  }
  return data<FeedbackActionData>({ ok: true, ...(await feedbackState(article.id, visitorHash)) }, { headers });
}

// The feedback box updates from the action's answer: re-running the loader
// would only count another view.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, formAction, currentUrl, defaultShouldRevalidate }) => {
  if (formMethod === "POST" && (!formAction || formAction === currentUrl.pathname)) return false;
  return defaultShouldRevalidate;
};

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded?.meta.title ?? "Customer365" },
  { name: "description", content: loaded?.meta.description ?? "" },
];

export default function HelpArticle() {
  const { article, isFallback, related, feedback } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("help");
  const categoryName = t(`categories.${article.category}.name`);
  // An English fallback inside a page in another language says so, for screen readers.
  const lang = article.lang === i18n.language ? undefined : article.lang;
  return (
    <div className="help">
      <Breadcrumbs
        items={[
          { to: "/help", label: t("breadcrumb.help") },
          { to: `/help/categories/${article.category}`, label: categoryName },
          { label: article.title },
        ]}
      />
      <HelpSearchForm />
      {isFallback ? <p className="notice notice-info">{t("article.fallback")}</p> : null}
      <article className="help-article" aria-labelledby="article-title">
        <header>
          <h1 id="article-title" lang={lang}>
            {article.title}
          </h1>
          <p className="lead" lang={lang}>
            {article.summary}
          </p>
          <p className="muted">
            <time dateTime={article.updated}>{t("article.updated", { date: article.updatedLabel })}</time>
          </p>
        </header>
        <div className="help-article-layout">
          {article.toc.length > 1 ? (
            <nav className="help-toc" aria-labelledby="toc-title">
              <h2 id="toc-title">{t("article.toc")}</h2>
              <ol lang={lang}>
                {article.toc.map((entry) => (
                  <li key={entry.id}>
                    <a href={`#${entry.id}`}>{entry.text}</a>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          {/* Sanitised when it was stored (app/domain/help/markdown.server.ts). */}
          <div className="help-article-body" lang={lang} dangerouslySetInnerHTML={{ __html: article.html }} />
        </div>
      </article>

      <ArticleFeedback state={feedback} />

      {related.length > 0 ? (
        <section aria-labelledby="related-title" className="help-related">
          <h2 id="related-title">{t("article.related")}</h2>
          <ArticleList articles={related} withSummary={false} />
        </section>
      ) : null}

      <ContactSupport />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusHandlers={{ 404: () => <HelpNotFound kind="article" /> }} />;
}
