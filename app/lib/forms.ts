import type { z } from "zod";

const MESSAGE_KEY = /^[a-z][A-Za-z0-9-]*:[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

/** Field → i18n key of its first problem. */
export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Reads a form with its zod schema (the same schema react-hook-form uses in
 * the browser). Every value arrives as text; duplicated fields keep their first
 * value unless the schema asks for an array (`arrays`). Files are ignored here.
 */
export function parseForm<S extends z.ZodType>(
  form: FormData | URLSearchParams,
  schema: S,
  options: { arrays?: readonly string[] } = {},
): FormResult<z.infer<S>> {
  const values: Record<string, string> = {};
  const input: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    if (options.arrays?.includes(key)) {
      input[key] = all;
    } else if (all.length > 0) {
      input[key] = all[0];
      values[key] = (all[0] ?? "").slice(0, 2000);
    }
  }
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    // Only our own keys ("ns:path.to.key") reach the page; zod's English
    // defaults ("Too big: expected …" also has a colon) become the generic message.
    errors[field] ??= MESSAGE_KEY.test(issue.message) ? issue.message : "common:validation.invalid";
  }
  return { ok: false, errors, values };
}
