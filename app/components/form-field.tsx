import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A labelled input wired for assistive technology: the hint and the error
 * are linked with aria-describedby, and aria-invalid is set with the error.
 * `error` is an i18n key (schema messages are keys, translated here).
 */
export function TextField({
  label,
  hint,
  error,
  inputProps,
  children,
}: {
  label: string;
  hint?: string;
  error?: string;
  inputProps: InputHTMLAttributes<HTMLInputElement> & { name: string };
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...inputProps} />
      {error ? (
        <span id={errorId} className="field-error" role="alert">
          {t(error)}
        </span>
      ) : null}
      {children}
    </div>
  );
}
