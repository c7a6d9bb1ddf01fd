import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ArticleForm, ArticlePreview, type ArticleFormValues } from "~/components/help-editor/article-form";
import { FormError } from "~/components/support/fields";
import { NewArticleSchema } from "~/domain/help/editor";
import { parseForm, type FieldErrors } from "~/lib/forms";

import {
  clock,
  data,
  db,
  previewArticle,
  readFormData,
  redirect,
  requireStaff,
  saveArticleVersion,
} from "./__staff.help.new.server";

export const handle = { i18n: ["staff", "staff-help", "help"], title: "staff-help:editor.newTitle" };

const MAX_BODY_BYTES = 512 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return null;
}

type ActionResult =
  | { intent: "preview"; preview: { title: string; summary: string; html: string }; values: ArticleFormValues }
  | { intent: "save"; errors: FieldErrors; values: ArticleFormValues };

/** A new article starts in English, as a draft; translations are added from its editor page. */
export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) {
    throw new Response("Payload too large", { status: 413 });
  }
  const form = await readFormData(request);
  const text = (name: string, max: number) => {
    const value = form.get(name);
    return typeof value === "string" ? value.slice(0, max) : "";
  };
  const values: ArticleFormValues = {
    slug: text("slug", 200),
    title: text("title", 300),
    summary: text("summary", 500),
    category: text("category", 40),
    keywords: text("keywords", 500),
    bodyMd: text("bodyMd", 60_000),
    baseUpdatedAt: "",
  };
  const parsed = parseForm(form, NewArticleSchema);
  if (!parsed.ok) return data<ActionResult>({ intent: "save", errors: parsed.errors, values }, { status: 400 });
  if (parsed.data.intent === "preview") {
    return data<ActionResult>({
      intent: "preview",
      preview: { title: parsed.data.title, summary: parsed.data.summary, html: previewArticle(parsed.data.bodyMd).html },
      values,
    });
  }
  const saved = await saveArticleVersion(db(), {
    slug: parsed.data.slug,
    locale: "en",
    fields: { ...parsed.data, baseUpdatedAt: "" },
    isNew: true,
    staff,
    now: clock().now(),
    requestId: context.requestId,
  });
  if (!saved.ok) return data<ActionResult>({ intent: "save", errors: saved.errors, values }, { status: 409 });
  throw redirect(`/staff/help/articles/${parsed.data.slug}?locale=en&saved=1`, 303);
}

export default function NewArticle() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("staff-help");
  const values: ArticleFormValues = result?.values ?? {
    slug: "",
    title: "",
    summary: "",
    category: "getting-started",
    keywords: "",
    bodyMd: "",
    baseUpdatedAt: "",
  };
  const errors = result?.intent === "save" ? result.errors : null;
  return (
    <>
      <p>
        <Link to="/staff/help">{t("editor.back")}</Link>
      </p>
      <h1>{t("editor.newTitle")}</h1>
      <p className="lead">{t("editor.newLead")}</p>
      <FormError error={errors?.form} />
      {result?.intent === "preview" ? (
        <ArticlePreview title={result.preview.title} summary={result.preview.summary} html={result.preview.html} lang="en" />
      ) : null}
      <ArticleForm
        schema={NewArticleSchema}
        values={values}
        errors={errors}
        busy={navigation.state === "submitting"}
        locale="en"
        isNew
        categoryEditable
        lang="en"
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
