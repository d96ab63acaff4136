"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormActions } from "@/components/ui/form-actions";
import type { DataResult } from "@/lib/data/result";
import { allGeneralScopes, categoriesFor, type KeyType } from "@/lib/permissions/catalog";
import { levelsFromScopes } from "@/lib/permissions/levels";
import { apiKeyFormSchema, API_KEY_NAME_MAX, type ApiKeyFormInput, type ApiKeyFormValues } from "@/lib/validation/api-key";
import { PermissionsEditor } from "@/components/permissions/permissions-editor";
import { isSubset } from "@/lib/permissions/rules";

interface ApiKeyFormProps {
  type: KeyType;
  /** The key being edited; absent when creating. */
  initial?: { name: string; scopes: string[] };
  heldScopes: readonly string[];
  submitLabel: string;
  onSubmit: (values: ApiKeyFormValues) => Promise<DataResult<unknown>>;
  onCancel: () => void;
}

export function ApiKeyForm({ type, initial, heldScopes, submitLabel, onSubmit, onCancel }: ApiKeyFormProps) {
  const defaults = useMemo(() => defaultValues(type, initial), [type, initial]);
  const customCategories = useMemo(
    () => new Set(Object.entries(defaults.levels).filter(([, level]) => level === "custom").map(([id]) => id)),
    [defaults],
  );
  const form = useForm<ApiKeyFormInput, unknown, ApiKeyFormValues>({
    resolver: zodResolver(apiKeyFormSchema),
    defaultValues: defaults,
  });
  const { register, handleSubmit, setError, control, formState } = form;
  const access = useWatch({ control, name: "access" });
  // Full Access grants every general scope: only someone who holds them all may choose it.
  const fullAllowed = isSubset(allGeneralScopes, heldScopes);

  const submit = handleSubmit(async (values) => {
    let result: DataResult<unknown>;
    try {
      result = await onSubmit(values);
    } catch (error) {
      // handleSubmit would rethrow this outside any transition: neither the form nor error.tsx
      // would show it. The action failed before committing, so nothing was saved.
      console.error("Saving the API key failed:", error instanceof Error ? error.message : error);
      setError("root", { message: "Something went wrong. Nothing was saved." });
      return;
    }
    if (result.ok) return;
    const fieldErrors = result.fieldErrors ?? {};
    if (fieldErrors.name) setError("name", { message: fieldErrors.name[0] });
    else setError("root", { message: result.message });
  });

  const errors = formState.errors;
  // "Choose at least one permission" is reported on the levels record as a whole.
  const levelsError = (errors.levels as { message?: string } | undefined)?.message;
  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <label className="block text-sm font-medium">
        API Key Name
        <input
          {...register("name")}
          autoFocus
          maxLength={API_KEY_NAME_MAX + 20}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? "api-key-name-error" : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-normal"
        />
      </label>
      {errors.name ? (
        <p id="api-key-name-error" className="-mt-3 text-sm text-red-700">
          {errors.name.message}
        </p>
      ) : null}

      {type === "general" ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">API Key Permissions</legend>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              value="full"
              disabled={!fullAllowed}
              aria-describedby={fullAllowed ? undefined : "full-access-reason"}
              {...register("access")}
              className="mt-1"
            />
            <span>
              <span className="font-medium">Full Access</span>
              <span className="block text-slate-600">Every general permission, including creating and deleting keys.</span>
              {fullAllowed ? null : (
                <span id="full-access-reason" className="block text-xs text-slate-500">
                  Not available: you do not hold every permission yourself.
                </span>
              )}
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" value="restricted" {...register("access")} className="mt-1" />
            <span>
              <span className="font-medium">Restricted Access</span>
              <span className="block text-slate-600">Choose the level of access for each category.</span>
            </span>
          </label>
        </fieldset>
      ) : (
        <p className="text-sm text-slate-600">A billing key can call billing endpoints only.</p>
      )}

      {type === "billing" || access === "restricted" ? (
        <PermissionsEditor
          categories={categoriesFor(type)}
          registerLevel={(id) => register(`levels.${id}`)}
          heldScopes={heldScopes}
          customCategories={customCategories}
        />
      ) : null}
      {levelsError ? <p className="text-sm text-red-700">{levelsError}</p> : null}

      {errors.root?.message ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {errors.root.message}
        </p>
      ) : null}

      <FormActions submitLabel={submitLabel} pendingLabel={"Saving…"} pending={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}

function defaultValues(type: KeyType, initial?: { name: string; scopes: string[] }): ApiKeyFormInput {
  if (!initial) {
    const levels = Object.fromEntries(categoriesFor(type).map((category) => [category.id, "none" as const]));
    return { name: "", type, access: "restricted", levels };
  }
  const levels = levelsFromScopes(type, initial.scopes);
  const full = type === "general" && allGeneralScopes.every((scope) => initial.scopes.includes(scope));
  return { name: initial.name, type, access: full ? "full" : "restricted", levels };
}
