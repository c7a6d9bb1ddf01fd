import { useSubmit } from "@remix-run/react";
import { useEffect, useRef, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";

import type { FieldErrors } from "./forms";

/**
 * Where a form's zod schema comes from in the browser: a dynamic import, so
 * zod and the resolver load after the page is interactive instead of with it
 * (the form works without them: the server validates every submission).
 */
export type SchemaLoader<T extends FieldValues> = () => Promise<z.ZodType<T, FieldValues>>;

/**
 * A react-hook-form resolver backed by a schema that is fetched once, right
 * after hydration, together with @hookform/resolvers. A check that runs
 * before they arrive waits for them; if they cannot load (offline, a new
 * deploy), the browser lets the form through and the server checks it.
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

/**
 * react-hook-form with the form's zod schema for instant, accessible feedback
 * in the browser; when valid, the native form is submitted through Remix, so
 * the server receives exactly what it would without JavaScript and validates
 * it again with the same schema.
 */
export function useValidatedForm<T extends FieldValues>(
  loadSchema: SchemaLoader<T>,
  options: { defaultValues?: DefaultValues<T>; serverErrors?: FieldErrors | null } = {},
) {
  const form = useForm<T>({
    resolver: useSchemaResolver(loadSchema),
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
