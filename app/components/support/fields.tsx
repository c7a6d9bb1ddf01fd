import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

/**
 * Labelled textarea and select, wired like TextField (form-field.tsx): the
 * hint and the error are linked with aria-describedby, aria-invalid is set
 * with the error, and `error` is an i18n key translated here.
 */
function useDescribedBy(hint: string | undefined, error: string | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return { id, hintId, errorId, describedBy };
}

function FieldHint({ hint, hintId }: { hint?: string; hintId: string }) {
  return hint ? (
    <span id={hintId} className="field-hint">
      {hint}
    </span>
  ) : null;
}

function FieldError({ error, errorId }: { error?: string; errorId: string }) {
  const { t } = useTranslation();
  return error ? (
    <span id={errorId} className="field-error" role="alert">
      {t(error)}
    </span>
  ) : null;
}

export function TextAreaField({
  label,
  hint,
  error,
  textareaProps,
  children,
}: {
  label: string;
  hint?: string;
  error?: string;
  textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string };
  children?: ReactNode;
}) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(hint, error);
  return (
    <div className="field field-wide">
      <label htmlFor={id}>{label}</label>
      <FieldHint hint={hint} hintId={hintId} />
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...textareaProps} />
      <FieldError error={error} errorId={errorId} />
      {children}
    </div>
  );
}

export function SelectField({
  label,
  hint,
  error,
  selectProps,
  children,
}: {
  label: string;
  hint?: string;
  error?: string;
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { name: string };
  children: ReactNode;
}) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(hint, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHint hint={hint} hintId={hintId} />
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...selectProps}>
        {children}
      </select>
      <FieldError error={error} errorId={errorId} />
    </div>
  );
}

/** A form-level problem (not tied to one field), announced when it appears. */
export function FormError({ error }: { error?: string | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="notice notice-error" role="alert">
      {t(error)}
    </p>
  );
}
