/**
 * The part of form validation that loads after the page is interactive:
 * react-hook-form, the zod resolver and the form's schema. useValidatedForm
 * (use-validated-form.ts) imports this module once the page has hydrated and
 * renders FormBinder inside the form; until then the form is a plain form
 * the server validates.
 */
import { useEffect, useRef } from "react";
import { useForm, type FieldValues, type Resolver, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";

/** Where a form's zod schema comes from in the browser: a dynamic import. */
export type SchemaLoader<T extends FieldValues> = () => Promise<z.ZodType<T, FieldValues>>;

/**
 * A react-hook-form resolver backed by a schema that is fetched once,
 * together with @hookform/resolvers. A check that runs before they arrive
 * waits for them; if they cannot load (offline, a new deploy), the browser
 * lets the form through and the server checks it.
 */
export function useSchemaResolver<T extends FieldValues>(loadSchema: SchemaLoader<T>): Resolver<T> {
  const pending = useRef<Promise<Resolver<T>> | null>(null);
  const loaded = () =>
    (pending.current ??= Promise.all([import("@hookform/resolvers/zod"), loadSchema()]).then(
      // The resolver's input/output types differ for transforming schemas; the
      // browser only needs the verdict.
      ([{ zodResolver }, schema]) => zodResolver(schema as never) as unknown as Resolver<T>,
    ));

  useEffect(() => {
    // Warm it up: the first check should not wait for the network.
    loaded().catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mounted form
  }, []);

  return async (values, context, options) => {
    let resolve: Resolver<T>;
    try {
      resolve = await loaded();
    } catch {
      return { values, errors: {} };
    }
    return resolve(values, context, options);
  };
}

/** What the form needs from react-hook-form once it is bound. */
export interface Binding<T extends FieldValues> {
  register: UseFormReturn<T>["register"];
  handleSubmit: UseFormReturn<T>["handleSubmit"];
  /** The client-side error message key of each field that has one. */
  errors: Record<string, string>;
}

export interface FormBinderProps<T extends FieldValues> {
  loadSchema: SchemaLoader<T>;
  mode: "onTouched" | "onSubmit";
  /** The fields' values when validation binds (readFormValues). */
  defaultValues: Record<string, unknown>;
  onBind: (binding: Binding<T>) => void;
}

/**
 * The fields' values as they stand in the form: what the server rendered,
 * plus anything typed, picked or ticked before validation was bound. They are
 * react-hook-form's starting values, so binding never undoes a choice.
 * Shapes follow react-hook-form: a checkbox group is an array of the ticked
 * values, a lone checkbox its value (or true) when ticked and false when not,
 * a radio group the picked value (left out while none is picked).
 */
export function readFormValues(form: HTMLFormElement): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const checkboxes = new Map<string, HTMLInputElement[]>();
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement)) continue;
    if (!element.name || element.disabled) continue;
    if (element instanceof HTMLInputElement) {
      if (["file", "submit", "button", "reset", "image"].includes(element.type)) continue;
      if (element.type === "radio") {
        if (element.checked) values[element.name] = element.value;
        continue;
      }
      if (element.type === "checkbox") {
        checkboxes.set(element.name, [...(checkboxes.get(element.name) ?? []), element]);
        continue;
      }
    }
    values[element.name] = element.value;
  }
  for (const [name, boxes] of checkboxes) {
    if (boxes.length > 1) {
      values[name] = boxes.filter((box) => box.checked).map((box) => box.value);
    } else {
      const box = boxes[0]!;
      values[name] = box.checked ? (box.hasAttribute("value") && box.value !== "" ? box.value : true) : false;
    }
  }
  return values;
}

function messagesOf(errors: Record<string, unknown>): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [name, error] of Object.entries(errors)) {
    const message = (error as { message?: unknown } | undefined)?.message;
    if (typeof message === "string") messages[name] = message;
  }
  return messages;
}

/** Renders nothing: runs react-hook-form for the form and hands its parent the binding. */
export function FormBinder<T extends FieldValues>({ loadSchema, mode, defaultValues, onBind }: FormBinderProps<T>) {
  const form = useForm<T>({ resolver: useSchemaResolver(loadSchema), mode, defaultValues: defaultValues as never });
  const errors = messagesOf(form.formState.errors as Record<string, unknown>);
  const errorsKey = JSON.stringify(errors);

  useEffect(() => {
    onBind({ register: form.register, handleSubmit: form.handleSubmit, errors });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new binding only when the messages change
  }, [errorsKey]);

  return null;
}
