import { useActionData, useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

import { MAX_FEEDBACK_COMMENT } from "~/domain/help/limits";
import type { FeedbackActionData, FeedbackState } from "~/domain/help/schemas";

/**
 * "Was this helpful?": yes/no, then an optional comment. Plain form posts
 * without JavaScript; with it, a fetcher answers in place (no reload) and
 * focus moves to the thank-you message that replaces the buttons.
 */
export function ArticleFeedback({ state }: { state: FeedbackState }) {
  const { t } = useTranslation("help");
  const fetcher = useFetcher<FeedbackActionData>();
  const posted = useActionData<FeedbackActionData>();
  const result = fetcher.data ?? posted;
  const vote = result?.ok ? result.vote : state.vote;
  const summary = result?.ok ? result.summary : state.summary;
  const errors = result && !result.ok ? result.errors : {};
  const busy = fetcher.state !== "idle";
  const thanksRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (fetcher.data?.ok) thanksRef.current?.focus();
  }, [fetcher.data]);

  const choiceError = errors.helpful ?? errors.form;
  return (
    <section className="help-feedback" id="feedback" aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t("feedback.title")}</h2>
      {vote === null ? (
        <fetcher.Form method="post" className="feedback-vote">
          <input type="hidden" name="intent" value="vote" />
          <div className="actions" role="group" aria-labelledby="feedback-title">
            <button type="submit" name="helpful" value="yes" className="button button-secondary" disabled={busy}>
              {t("feedback.yes")}
            </button>
            <button type="submit" name="helpful" value="no" className="button button-secondary" disabled={busy}>
              {t("feedback.no")}
            </button>
          </div>
          {choiceError ? (
            <p className="field-error" role="alert">
              {t(choiceError)}
            </p>
          ) : null}
        </fetcher.Form>
      ) : (
        <>
          <div ref={thanksRef} tabIndex={-1} role="status" className="notice notice-success feedback-thanks">
            <p>
              <strong>{t("feedback.thanks")}</strong>{" "}
              {vote.helpful ? t("feedback.thanksHelpful") : t("feedback.thanksNotHelpful")}
            </p>
            {vote.hasComment ? <p>{t("feedback.commentThanks")}</p> : null}
          </div>
          {vote.hasComment ? null : (
            <fetcher.Form method="post" className="feedback-comment">
              <input type="hidden" name="intent" value="comment" />
              <div className="field">
                <label htmlFor="feedback-comment">{t("feedback.commentLabel")}</label>
                <p id="feedback-comment-hint" className="field-hint">
                  {t("feedback.commentHint")}
                </p>
                <textarea
                  id="feedback-comment"
                  name="comment"
                  rows={4}
                  maxLength={MAX_FEEDBACK_COMMENT}
                  aria-invalid={errors.comment ? true : undefined}
                  aria-describedby={errors.comment ? "feedback-comment-hint feedback-comment-error" : "feedback-comment-hint"}
                />
                {errors.comment ? (
                  <p id="feedback-comment-error" className="field-error">
                    {t(errors.comment, { max: MAX_FEEDBACK_COMMENT })}
                  </p>
                ) : null}
              </div>
              <button type="submit" className="button" disabled={busy}>
                {busy ? t("feedback.sending") : t("feedback.commentSend")}
              </button>
            </fetcher.Form>
          )}
        </>
      )}
      {summary.total > 0 ? <p className="muted">{t("feedback.summary", summary)}</p> : null}
    </section>
  );
}
