import { Form } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";

import type { FieldErrors } from "~/lib/forms";
import { useValidatedForm } from "~/lib/use-validated-form";

const SCORES = [1, 2, 3, 4, 5] as const;

/** "How satisfied are you with how we handled this request?" 1–5 and an optional comment, once per request. */
export function CsatForm({ serverErrors, busy }: { serverErrors?: FieldErrors | null; busy: boolean }) {
  const { t } = useTranslation("support");
  const id = useId();
  const { register, onSubmit, errorFor, formRef, validation } = useValidatedForm(() => import("~/domain/support/schemas").then((m) => m.CsatSchema), {
    serverErrors,
  });
  const scoreError = errorFor("score");
  const commentError = errorFor("comment");
  return (
    <Form ref={formRef} method="post" noValidate onSubmit={onSubmit} className="csat-form">
      <input type="hidden" {...register("intent")} value="csat" />
      <fieldset aria-describedby={scoreError ? `${id}-error` : undefined}>
        <legend>{t("csat.question")}</legend>
        <div className="csat-choices">
          {SCORES.map((score) => (
            <label key={score} className="checkbox">
              <input type="radio" value={String(score)} {...register("score")} />
              {t(`csat.scores.${score}`)}
            </label>
          ))}
        </div>
        {scoreError ? (
          <p id={`${id}-error`} className="field-error" role="alert">
            {t(scoreError)}
          </p>
        ) : null}
      </fieldset>
      <div className="field field-wide">
        <label htmlFor={`${id}-comment`}>{t("csat.comment")}</label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          maxLength={1000}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={commentError ? `${id}-comment-error` : undefined}
          {...register("comment")}
        />
        {commentError ? (
          <span id={`${id}-comment-error`} className="field-error" role="alert">
            {t(commentError)}
          </span>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t("csat.submit")}
      </button>
      {validation}
    </Form>
  );
}
