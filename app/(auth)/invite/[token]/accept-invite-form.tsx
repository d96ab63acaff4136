"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { acceptInviteSchema, PASSWORD_MIN, type AcceptInviteInput } from "@/lib/validation/teammate";
import { acceptInviteAction } from "./actions";

const fields = [
  { name: "name", label: "Your name", type: "text", autoComplete: "name" },
  { name: "password", label: "Password", type: "password", autoComplete: "new-password" },
  { name: "confirmPassword", label: "Confirm password", type: "password", autoComplete: "new-password" },
] as const;

export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const { register, handleSubmit, setError, formState } = useForm<AcceptInviteInput>({
    resolver: zodResolver(acceptInviteSchema),
    defaultValues: { name: "", password: "", confirmPassword: "" },
  });
  const errors = formState.errors;
  const submit = handleSubmit(async (values) => {
    // On success the action signs in and redirects; it returns only when something went wrong.
    const result = await acceptInviteAction(token, values);
    const fieldError = Object.entries(result.fieldErrors ?? {})[0];
    if (fieldError && fields.some((f) => f.name === fieldError[0])) {
      setError(fieldError[0] as (typeof fields)[number]["name"], { message: fieldError[1][0] });
    } else setError("root", { message: result.message });
  });
  return (
    <form onSubmit={submit} noValidate className="mt-6 space-y-4">
      <input type="email" name="email" value={email} autoComplete="username" readOnly hidden />
      {fields.map((field) => (
        <div key={field.name}>
          <label className="block text-sm font-medium">
            {field.label}
            <input
              {...register(field.name)}
              type={field.type}
              autoComplete={field.autoComplete}
              aria-invalid={errors[field.name] ? true : undefined}
              aria-describedby={errors[field.name] ? `${field.name}-error` : field.name === "password" ? "password-hint" : undefined}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-normal"
            />
          </label>
          {field.name === "password" && !errors.password ? (
            <p id="password-hint" className="mt-1 text-xs text-slate-500">
              At least {PASSWORD_MIN} characters.
            </p>
          ) : null}
          {errors[field.name] ? (
            <p id={`${field.name}-error`} className="mt-1 text-sm text-red-700">
              {errors[field.name]?.message}
            </p>
          ) : null}
        </div>
      ))}
      {errors.root?.message ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.root.message}
        </p>
      ) : null}
      <Button type="submit" disabled={formState.isSubmitting} className="w-full">
        {formState.isSubmitting ? "Joining…" : "Join and sign in"}
      </Button>
    </form>
  );
}
