import { useSubmit } from "@remix-run/react";
import { createElement, useEffect, useRef, useState, type ChangeEvent, type ComponentType, type FormEvent, type ReactElement } from "react";
import type { FieldValues, Path } from "react-hook-form";

import type { Binding, FormBinderProps, SchemaLoader } from "./form-binder";
import type { FieldErrors } from "./forms";

export type { SchemaLoader } from "./form-binder";

type Binder<T extends FieldValues> = ComponentType<FormBinderProps<T>>;

/**
 * Instant, accessible feedback in the browser, with react-hook-form and the
 * form's zod schema, without either in the page's initial JavaScript.
 *
 * The form renders and works as a plain form first: the server validates
 * every submission and answers with localised messages. Once the page has
 * hydrated, react-hook-form, the resolver and the schema load (form-binder.tsx)
 * and bind to the fields, starting from whatever they hold by then. From
 * then on a submission is checked in the browser first and, when valid, sent
 * through Remix exactly as the plain form would send it.
 *
 * A form spreads `register(name)` on its fields, passes `onSubmit` and
 * `formRef` to its <form> and renders `validation` inside it.
 */
export function useValidatedForm<T extends FieldValues>(
  loadSchema: SchemaLoader<T>,
  options: {
    serverErrors?: FieldErrors | null;
    /** When the browser checks a field: after it is left once (default), or only on submit. */
    mode?: "onTouched" | "onSubmit";
    /** How a valid form is sent (default: Remix's submit, i.e. a navigation). */
    submit?: (form: HTMLFormElement) => void;
  } = {},
) {
  const [binding, setBinding] = useState<Binding<T> | null>(null);
  const [binder, setBinder] = useState<{ FormBinder: Binder<T>; defaultValues: Record<string, unknown> } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const remixSubmit = useSubmit();
  const send = options.submit ?? ((form: HTMLFormElement) => remixSubmit(form));

  useEffect(() => {
    let mounted = true;
    import("./form-binder")
      .then((module) => {
        // Bind from what the fields hold now: what the server rendered, and
        // anything the visitor typed or picked in the meantime.
        const defaultValues = formRef.current ? module.readFormValues(formRef.current) : {};
        if (mounted) setBinder({ FormBinder: module.FormBinder as Binder<T>, defaultValues });
      })
      // Without it the form stays a plain form; the server still checks it.
      .catch(() => undefined);
    return () => {
      mounted = false;
    };
  }, []);

  useEffect(() => {
    // Tells tests (and anyone curious) that the browser now checks the form.
    const form = formRef.current;
    if (!binding || !form) return;
    form.dataset.validation = "bound";
    return () => {
      delete form.dataset.validation;
    };
  }, [binding]);

  function register(name: Path<T>, registerOptions?: { onChange?: (event: ChangeEvent<never>) => void }) {
    if (binding) return binding.register(name, registerOptions);
    return { name, onChange: registerOptions?.onChange };
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = event.currentTarget;
    if (binding) void binding.handleSubmit(() => send(target))();
    else send(target);
  }

  function errorFor(name: Path<T>): string | undefined {
    return binding?.errors[name] ?? options.serverErrors?.[name] ?? undefined;
  }

  const validation: ReactElement | null = binder
    ? createElement(binder.FormBinder, { loadSchema, mode: options.mode ?? "onTouched", defaultValues: binder.defaultValues, onBind: setBinding })
    : null;

  return { register, onSubmit, errorFor, formRef, validation };
}
