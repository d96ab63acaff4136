"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { PASSWORD_MIN } from "@/lib/validation/teammate";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validation/profile";
import { changePasswordAction } from "../actions";
import { Field } from "./field";

const fieldNames = ["currentPassword", "newPassword", "confirmPassword"] as const;
const empty = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function PasswordForm({ email }: { email: string }) {
  const { register, handleSubmit, setError, formState } = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: empty,
  });
  const errors = formState.errors;
  const submit = handleSubmit(async (values) => {
    // On success the action redirects to /profile?done=password; it returns only on failure.
    const result = await changePasswordAction(values);
    const field = fieldNames.find((name) => result.fieldErrors?.[name]);
    if (field) setError(field, { message: result.fieldErrors?.[field]?.[0] });
    else setError("root", { message: result.message });
  });
  return (
    <form onSubmit={submit} noValidate className="mt-3 space-y-3">
      {/* For password managers: which account this password belongs to. */}
      <input type="email" name="email" value={email} autoComplete="username" readOnly hidden />
      <Field id="current-password" label="Current password" type="password" autoComplete="current-password" error={errors.currentPassword?.message} {...register("currentPassword")} />
      <Field
        id="new-password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters, and not a common password.`}
        error={errors.newPassword?.message}
        {...register("newPassword")}
      />
      <Field id="confirm-password" label="Confirm new password" type="password" autoComplete="new-password" error={errors.confirmPassword?.message} {...register("confirmPassword")} />
      {errors.root?.message ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.root.message}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
