import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { TextField } from "~/components/form-field";
import { SelectField, TextAreaField } from "~/components/support/fields";
import { EDITOR_CATEGORIES, EDITOR_LIMITS, type ArticleEditorSchema, type NewArticleSchema } from "~/domain/help/editor";
import type { FieldErrors } from "~/lib/forms";

export interface ArticleFormValues {
  slug?: string;
  title: string;
  summary: string;
  category: string;
  keywords: string;
  bodyMd: string;
  baseUpdatedAt: string;
}

/**
 * One language version of an article: title, summary, category (English
 * only: translations follow it), keywords and the markdown body, with
 * "Preview" and "Save". react-hook-form checks the fields with the same zod
 * schema the action uses; the button pressed is sent with the form, so
 * the action knows a preview from a save.
 */
export function ArticleForm({
  schema,
  values,
  errors,
  busy,
  locale,
  isNew = false,
  categoryEditable,
  lang,
}: {
  schema: typeof ArticleEditorSchema | typeof NewArticleSchema;
  values: ArticleFormValues;
  errors: FieldErrors | null;
  busy: boolean;
  locale: string;
  isNew?: boolean;
  categoryEditable: boolean;
  /** The language the article text is written in (for assistive technology). */
  lang: string;
}) {
  // Category names are the help centre's own words.
  const { t } = useTranslation(["staff-help", "help"]);
  const submit = useSubmit();
  const form = useForm({
    resolver: zodResolver(schema as never) as never,
    defaultValues: { ...values, intent: "save" } as never,
    mode: "onTouched",
  });
  const { register } = form;
  const errorFor = (name: keyof ArticleFormValues): string | undefined => {
    const client = (form.formState.errors as Record<string, { message?: unknown } | undefined>)[name]?.message;
    return typeof client === "string" ? client : (errors?.[name] ?? undefined);
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    // The intent travels with the button that was pressed.
    if (submitter instanceof HTMLButtonElement) form.setValue("intent" as never, submitter.value as never);
    void form.handleSubmit(() => submit(submitter instanceof HTMLButtonElement ? submitter : target))();
  }

  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="editor-form">
      <input type="hidden" name="locale" value={locale} />
      {/* defaultValue as well as react-hook-form's defaults: the fields are filled in without JavaScript too. */}
      <input type="hidden" defaultValue={values.baseUpdatedAt} {...register("baseUpdatedAt" as never)} />
      {isNew ? (
        <TextField
          label={t("editor.slug")}
          hint={t("editor.slugHint")}
          error={errorFor("slug")}
          inputProps={{ type: "text", maxLength: EDITOR_LIMITS.slug, autoComplete: "off", spellCheck: false, defaultValue: values.slug ?? "", ...register("slug" as never) }}
        />
      ) : null}
      <TextField
        label={t("editor.title")}
        error={errorFor("title")}
        inputProps={{ type: "text", maxLength: EDITOR_LIMITS.title, lang, defaultValue: values.title, ...register("title" as never) }}
      />
      <TextField
        label={t("editor.summary")}
        hint={t("editor.summaryHint")}
        error={errorFor("summary")}
        inputProps={{ type: "text", maxLength: EDITOR_LIMITS.summary, lang, defaultValue: values.summary, ...register("summary" as never) }}
      />
      {categoryEditable ? (
        <SelectField label={t("editor.category")} error={errorFor("category")} selectProps={{ defaultValue: values.category, ...register("category" as never) }}>
          {EDITOR_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`help:categories.${category}.name`)}
            </option>
          ))}
        </SelectField>
      ) : (
        <>
          <input type="hidden" defaultValue={values.category} {...register("category" as never)} />
          <p className="field-hint">{t("editor.categoryFromEnglish", { category: t(`help:categories.${values.category}.name`) })}</p>
        </>
      )}
      <TextField
        label={t("editor.keywords")}
        hint={t("editor.keywordsHint")}
        error={errorFor("keywords")}
        inputProps={{ type: "text", maxLength: EDITOR_LIMITS.keywords, lang, defaultValue: values.keywords, ...register("keywords" as never) }}
      />
      <TextAreaField
        label={t("editor.body")}
        hint={t("editor.bodyHint")}
        error={errorFor("bodyMd")}
        textareaProps={{ rows: 18, maxLength: EDITOR_LIMITS.body, lang, spellCheck: true, className: "editor-body", defaultValue: values.bodyMd, ...register("bodyMd" as never) }}
      />
      <p className="actions">
        <button type="submit" name="intent" value="preview" className="button button-secondary" disabled={busy}>
          {t("editor.preview")}
        </button>
        <button type="submit" name="intent" value="save" className="button" disabled={busy}>
          {isNew ? t("editor.create") : t("editor.save")}
        </button>
      </p>
    </Form>
  );
}

/** The server-rendered preview: the HTML was sanitised by the same allowlist as published articles. */
export function ArticlePreview({ title, summary, html, lang }: { title: string; summary: string; html: string; lang: string }) {
  const { t } = useTranslation("staff-help");
  return (
    <section aria-labelledby="preview-title" className="editor-preview">
      <h2 id="preview-title">{t("editor.previewTitle")}</h2>
      <div className="help-article card" lang={lang}>
        <p className="editor-preview-title">{title}</p>
        {summary ? <p className="lead">{summary}</p> : null}
        <div className="help-article-body" dangerouslySetInnerHTML={{ __html: html }} />
      </div>
    </section>
  );
}
