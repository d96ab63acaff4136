"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { profileNameSchema, type ProfileNameInput } from "@/lib/validation/profile";
import { updateNameAction } from "../actions";
import { Field } from "./field";

export function NameForm({ name }: { name: string }) {
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<ProfileNameInput>({
    resolver: zodResolver(profileNameSchema),
    defaultValues: { name },
  });
  const submit = handleSubmit(async (values) => {
    setSaved(false);
    const result = await updateNameAction(values);
    if (result.ok) setSaved(true);
    else setError("name", { message: result.fieldErrors?.name?.[0] ?? result.message });
  });
  return (
    <form onSubmit={submit} noValidate className="mt-3 space-y-3">
      <Field id="profile-name" label="Name" autoComplete="name" error={formState.errors.name?.message} {...register("name", { onChange: () => setSaved(false) })} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save name"}
        </Button>
        <p role="status" className="text-sm text-slate-700">
          {saved ? "Name saved." : ""}
        </p>
      </div>
    </form>
  );
}
