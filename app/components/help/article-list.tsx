import { Link } from "@remix-run/react";

export interface ArticleLink {
  slug: string;
  title: string;
  summary?: string;
  /** The article's language, when it differs from the page's (an English fallback). */
  lang?: string;
}

export function ArticleList({ articles, withSummary = true }: { articles: readonly ArticleLink[]; withSummary?: boolean }) {
  return (
    <ul className="help-article-list">
      {articles.map((article) => (
        <li key={article.slug} lang={article.lang}>
          <Link to={`/help/articles/${article.slug}`} prefetch="intent">
            {article.title}
          </Link>
          {withSummary && article.summary ? <p>{article.summary}</p> : null}
        </li>
      ))}
    </ul>
  );
}
