import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";

import type { FieldErrors } from "./forms";

/**
 * react-hook-form with the form's zod schema for instant, accessible feedback
 * in the browser; when valid, the native form is submitted through Remix, so
 * the server receives exactly what it would without JavaScript and validates
 * it again with the same schema.
 */
export function useValidatedForm<T extends FieldValues>(
  schema: z.ZodType<T, FieldValues>,
  options: { defaultValues?: DefaultValues<T>; serverErrors?: FieldErrors | null } = {},
) {
  const form = useForm<T>({
    // The resolver's input/output types differ for transforming schemas; the
    // browser only needs the verdict.
    resolver: zodResolver(schema as never) as never,
    defaultValues: options.defaultValues,
    mode: "onTouched",
  });
  const submit = useSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = event.currentTarget;
    void form.handleSubmit(() => submit(target))();
  }

  function errorFor(name: Path<T>): string | undefined {
    const clientError = form.formState.errors[name]?.message;
    return typeof clientError === "string" ? clientError : (options.serverErrors?.[name] ?? undefined);
  }

  return { register: form.register, onSubmit, errorFor, formState: form.formState };
}
