import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ArticleForm, ArticlePreview, type ArticleFormValues } from "~/components/help-editor/article-form";
import { TranslationBadge } from "~/components/help-editor/translation-badge";
import { FormError } from "~/components/support/fields";
import { isArticleSlug } from "~/domain/help/categories";
import { ArticleEditorSchema, PublishSchema, translationState } from "~/domain/help/editor";
import { formatDateTime } from "~/lib/format";
import { parseForm, type FieldErrors } from "~/lib/forms";
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from "~/lib/i18n/config";

import {
  clock,
  data,
  db,
  findArticleVersions,
  notFound,
  previewArticle,
  readFormData,
  redirect,
  requireStaff,
  saveArticleVersion,
  setVersionPublished,
} from "./__staff.help.articles.$slug.server";

export const handle = {
  i18n: ["staff", "staff-help", "help"],
  title: (loaded: unknown) => {
    const title = (loaded as { english?: { title: string } } | undefined)?.english?.title;
    return title ? { key: "staff-help:editor.pageTitle", params: { title } } : null;
  },
};

const MAX_BODY_BYTES = 512 * 1024;

function localeFrom(value: unknown): Locale {
  return isLocale(value) ? value : "en";
}

async function versionsOr404(slug: string | undefined) {
  if (!isArticleSlug(slug)) notFound();
  const versions = await findArticleVersions(db(), slug);
  const english = versions.find((v) => v.locale === "en");
  if (!english) notFound();
  return { slug, versions, english };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const { slug, versions, english } = await versionsOr404(params.slug);
  const locale = localeFrom(new URL(request.url).searchParams.get("locale"));
  const version = versions.find((v) => v.locale === locale) ?? null;
  return {
    slug,
    locale,
    saved: new URL(request.url).searchParams.get("saved") === "1",
    english: {
      title: english.title,
      summary: english.summary,
      bodyMd: english.bodyMd,
      category: english.category,
      updatedAt: english.updatedAt.toISOString(),
    },
    version: version
      ? {
          title: version.title,
          summary: version.summary,
          keywords: version.keywords,
          bodyMd: version.bodyMd,
          category: version.category,
          published: version.published,
          updatedAt: version.updatedAt.toISOString(),
          sourceUpdatedAt: version.sourceUpdatedAt?.toISOString() ?? null,
          authorName: version.authorName,
        }
      : null,
    states: LOCALES.map((l) => ({
      locale: l,
      state: translationState(
        l,
        versions.find((v) => v.locale === l),
        english,
      ),
    })),
  };
}

type ActionResult =
  | { intent: "preview"; ok: true; preview: { title: string; summary: string; html: string }; values: ArticleFormValues }
  | { intent: "save"; ok: false; errors: FieldErrors; values: ArticleFormValues }
  | { intent: "publish"; ok: boolean; changed: boolean; errors?: FieldErrors };

function valuesOf(form: FormData): ArticleFormValues {
  const get = (name: string, max: number) => {
    const value = form.get(name);
    return typeof value === "string" ? value.slice(0, max) : "";
  };
  return {
    title: get("title", 300),
    summary: get("summary", 500),
    category: get("category", 40),
    keywords: get("keywords", 500),
    bodyMd: get("bodyMd", 60_000),
    baseUpdatedAt: get("baseUpdatedAt", 40),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const { slug } = await versionsOr404(params.slug);
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) {
    throw new Response("Payload too large", { status: 413 });
  }
  const form = await readFormData(request);
  const locale = localeFrom(form.get("locale"));
  const intent = form.get("intent");
  const now = clock().now();

  if (intent === "publish" || intent === "unpublish") {
    const parsed = parseForm(form, PublishSchema);
    if (!parsed.ok) return data<ActionResult>({ intent: "publish", ok: false, changed: false, errors: parsed.errors }, { status: 400 });
    const outcome = await setVersionPublished(db(), {
      slug,
      locale,
      published: parsed.data.intent === "publish",
      staff,
      now,
      requestId: context.requestId,
    });
    if (outcome === "missing") {
      return data<ActionResult>({ intent: "publish", ok: false, changed: false, errors: { form: "staff-help:editor.errors.saveFirst" } }, { status: 400 });
    }
    return data<ActionResult>({ intent: "publish", ok: true, changed: outcome === "changed" });
  }

  const values = valuesOf(form);
  const parsed = parseForm(form, ArticleEditorSchema);
  if (!parsed.ok) return data<ActionResult>({ intent: "save", ok: false, errors: parsed.errors, values }, { status: 400 });
  if (parsed.data.intent === "preview") {
    return data<ActionResult>({
      intent: "preview",
      ok: true,
      preview: { title: parsed.data.title, summary: parsed.data.summary, html: previewArticle(parsed.data.bodyMd).html },
      values,
    });
  }
  const saved = await saveArticleVersion(db(), { slug, locale, fields: parsed.data, staff, now, requestId: context.requestId });
  if (!saved.ok) return data<ActionResult>({ intent: "save", ok: false, errors: saved.errors, values }, { status: 409 });
  throw redirect(`/staff/help/articles/${slug}?${new URLSearchParams({ locale, saved: "1" }).toString()}`, 303);
}

export default function EditArticle() {
  const { slug, locale, saved, english, version, states } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("staff-help");
  const busy = navigation.state === "submitting";
  const state = states.find((s) => s.locale === locale)?.state ?? "missing";
  const values: ArticleFormValues =
    result && "values" in result
      ? result.values
      : version
        ? { ...version, baseUpdatedAt: version.updatedAt }
        : { title: "", summary: "", keywords: "", bodyMd: "", category: english.category, baseUpdatedAt: "" };
  const errors = result && "errors" in result ? (result.errors ?? null) : null;

  return (
    <>
      <p>
        <Link to="/staff/help">{t("editor.back")}</Link>
      </p>
      <h1>{t("editor.pageTitle", { title: english.title })}</h1>
      <p className="muted">
        <code>/help/articles/{slug}</code>
      </p>

      <nav aria-label={t("editor.languages")} className="editor-locales">
        <ul>
          {states.map((s) => (
            <li key={s.locale}>
              <Link to={`?locale=${s.locale}`} aria-current={s.locale === locale ? "page" : undefined}>
                {LOCALE_NAMES[s.locale]}
              </Link>{" "}
              <TranslationBadge state={s.state} />
            </li>
          ))}
        </ul>
      </nav>

      {saved || (result?.intent === "publish" && result.ok) ? (
        <p className="notice notice-success" role="status">
          {result?.intent === "publish" ? t(result.changed ? "editor.publishChanged" : "editor.publishUnchanged") : t("editor.saved")}
        </p>
      ) : null}
      <FormError error={errors?.form} />

      <h2>
        {LOCALE_NAMES[locale]} <TranslationBadge state={state} />
      </h2>
      {version ? (
        <p className="muted">
          {t("editor.lastSaved", { date: formatDateTime(version.updatedAt, i18n.language) })}
          {version.authorName ? ` · ${version.authorName}` : ""}
        </p>
      ) : (
        <p className="muted">{locale === "en" ? null : t("editor.newTranslation")}</p>
      )}
      {state === "stale" && version ? (
        <p className="notice notice-warning">
          {t("editor.staleNotice", {
            english: formatDateTime(english.updatedAt, i18n.language),
            source: version.sourceUpdatedAt ? formatDateTime(version.sourceUpdatedAt, i18n.language) : "—",
          })}
        </p>
      ) : null}

      {version ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" name="intent" value={version.published ? "unpublish" : "publish"} className="button button-secondary" disabled={busy}>
            {version.published ? t("editor.unpublish", { language: LOCALE_NAMES[locale] }) : t("editor.publish", { language: LOCALE_NAMES[locale] })}
          </button>
        </Form>
      ) : null}

      {locale !== "en" ? (
        <details className="editor-source">
          <summary>{t("editor.englishSource")}</summary>
          <p lang="en">
            <strong>{english.title}</strong>
          </p>
          <p lang="en">{english.summary}</p>
          <pre lang="en" className="editor-source-body">
            {english.bodyMd}
          </pre>
        </details>
      ) : null}

      {result?.intent === "preview" ? (
        <ArticlePreview title={result.preview.title} summary={result.preview.summary} html={result.preview.html} lang={locale} />
      ) : null}

      <ArticleForm
        // A different language (or a fresh save) is a different form.
        key={`${locale}|${version?.updatedAt ?? ""}`}
        schema={ArticleEditorSchema}
        values={values}
        errors={result?.intent === "save" ? errors : null}
        busy={busy}
        locale={locale}
        categoryEditable={locale === "en"}
        lang={locale}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
