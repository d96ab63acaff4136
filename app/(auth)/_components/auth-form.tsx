"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";

export interface AuthField<T> {
  name: Path<T> & string;
  label: string;
  type: "text" | "email" | "password";
  autoComplete: string;
  /** Shown under the field and named by its aria-describedby. */
  hint?: string;
}

/** What the form's action answers when it does not redirect. */
export type AuthFormResult = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

// One form for the signed-out pages: react-hook-form with the same zod schema the action parses
// again on the server. A field's error is tied to it by aria-describedby; anything else is an alert.
export function AuthForm<T extends FieldValues>({
  schema,
  fields,
  action,
  submitLabel,
  pendingLabel,
  onDone,
}: {
  schema: z.ZodType<T, T>;
  fields: readonly AuthField<T>[];
  action: (values: T) => Promise<AuthFormResult>;
  submitLabel: string;
  pendingLabel: string;
  onDone?: () => void;
}) {
  const { register, handleSubmit, setError, formState } = useForm<T, unknown, T>({
    // The resolver's overloads cannot see through the generic schema; the types are the same T.
    resolver: zodResolver(schema as unknown as z.ZodType<T, FieldValues>) as never,
    // No default values on purpose: react-hook-form then takes what is already in each input when
    // it registers it, so whatever someone typed before the page hydrated is kept, not blanked.
  });
  const errors = formState.errors;
  const submit = handleSubmit(async (values) => {
    const result = await action(values);
    if (result.ok) return onDone?.();
    const fieldError = Object.entries(result.fieldErrors ?? {}).find(([name]) => fields.some((field) => field.name === name));
    if (fieldError) setError(fieldError[0] as Path<T>, { message: fieldError[1][0] });
    else setError("root", { message: result.message });
  });
  return (
    <form onSubmit={submit} noValidate className="mt-6 space-y-4">
      {fields.map((field) => {
        const error = errors[field.name]?.message;
        const describedBy = [error ? `${field.name}-error` : null, field.hint ? `${field.name}-hint` : null].filter(Boolean).join(" ");
        return (
          <div key={field.name}>
            <label className="block text-sm font-medium">
              {field.label}
              <input
                {...register(field.name)}
                type={field.type}
                autoComplete={field.autoComplete}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy || undefined}
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-normal"
              />
            </label>
            {field.hint ? (
              <p id={`${field.name}-hint`} className="mt-1 text-xs text-slate-500">
                {field.hint}
              </p>
            ) : null}
            {error ? (
              <p id={`${field.name}-error`} className="mt-1 text-sm text-red-700">
                {String(error)}
              </p>
            ) : null}
          </div>
        );
      })}
      {errors.root?.message ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.root.message}
        </p>
      ) : null}
      <Button type="submit" disabled={formState.isSubmitting} className="w-full">
        {formState.isSubmitting ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
