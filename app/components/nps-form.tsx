import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";

import type { NpsActionData, NpsPrevious } from "~/domain/support/surveys";
import { formatDate } from "~/lib/format";
import { useValidatedForm } from "~/lib/use-validated-form";

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/**
 * "How likely are you to recommend Customer365?" 0–10 with an optional
 * comment. Reusable on any page: it posts `intent=nps` to `action`
 * (by default /feedback/nps); a page that handles it in its own action calls
 * `submitNps(...)` from app/domain/support/nps.server.ts and passes its
 * action data as `result`, so the form also works without JavaScript.
 * With JavaScript it posts through a fetcher and thanks in place.
 *
 * Words come from the `support` namespace: add "support" to the page's
 * `handle.i18n`.
 */
export function NpsForm({
  action = "/feedback/nps",
  previous = null,
  result,
  headingLevel = 2,
}: {
  action?: string;
  /** The contact's answer in the current 90-day window (findNpsPrevious). */
  previous?: NpsPrevious | null;
  /** The host page's action data, for the no-JavaScript round trip. */
  result?: NpsActionData | null;
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation("support");
  const fetcher = useFetcher<NpsActionData>();
  const data = fetcher.data ?? (result?.intent === "nps" ? result : undefined);
  const { register, onSubmit, errorFor, formRef, validation } = useValidatedForm(() => import("~/domain/support/schemas").then((m) => m.NpsSchema), {
    mode: "onSubmit",
    submit: (form) => fetcher.submit(form),
    serverErrors: data && !data.ok ? data.errors : null,
  });
  const id = useId();
  const thanksRef = useRef<HTMLParagraphElement>(null);
  const Heading = headingLevel === 2 ? "h2" : "h3";

  useEffect(() => {
    if (data?.ok) thanksRef.current?.focus();
  }, [data]);

  if (data?.ok) {
    return (
      <section className="nps card" aria-labelledby={`${id}-title`}>
        <Heading id={`${id}-title`}>{t("nps.title")}</Heading>
        <p ref={thanksRef} tabIndex={-1} role="status" className="notice notice-success">
          {t(data.replaced ? "nps.thanksReplaced" : "nps.thanks", { score: data.score })}
        </p>
      </section>
    );
  }

  const scoreError = errorFor("score");
  const commentError = errorFor("comment");

  return (
    <section className="nps card" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{t("nps.title")}</Heading>
      {previous ? (
        <p className="muted">
          {t("nps.previous", {
            score: previous.score,
            date: formatDate(previous.answeredOn, i18n.language, "long"),
            until: formatDate(previous.replaceableUntil, i18n.language, "long"),
          })}
        </p>
      ) : null}
      <fetcher.Form ref={formRef} method="post" action={action} noValidate onSubmit={onSubmit}>
        <input type="hidden" {...register("intent")} value="nps" />
        <fieldset
          className="nps-scale"
          aria-describedby={[`${id}-ends`, scoreError ? `${id}-error` : null].filter(Boolean).join(" ")}
        >
          <legend>{t("nps.question")}</legend>
          <p id={`${id}-ends`} className="field-hint nps-ends">
            <span>{t("nps.low")}</span>
            <span>{t("nps.high")}</span>
          </p>
          <div className="nps-choices">
            {SCORES.map((score) => (
              <label key={score} className="nps-choice">
                <input type="radio" value={String(score)} defaultChecked={previous?.score === score} {...register("score")} />
                <span>{score}</span>
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
          <label htmlFor={`${id}-comment`}>{t("nps.comment")}</label>
          <span id={`${id}-comment-hint`} className="field-hint">
            {t("nps.commentHint")}
          </span>
          <textarea
            id={`${id}-comment`}
            maxLength={1000}
            rows={3}
            defaultValue={previous?.comment ?? ""}
            aria-describedby={[`${id}-comment-hint`, commentError ? `${id}-comment-error` : null].filter(Boolean).join(" ")}
            aria-invalid={commentError ? true : undefined}
            {...register("comment")}
          />
          {commentError ? (
            <span id={`${id}-comment-error`} className="field-error" role="alert">
              {t(commentError)}
            </span>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={fetcher.state !== "idle"}>
          {fetcher.state !== "idle" ? t("nps.sending") : t(previous ? "nps.update" : "nps.submit")}
        </button>
        {validation}
      </fetcher.Form>
    </section>
  );
}
