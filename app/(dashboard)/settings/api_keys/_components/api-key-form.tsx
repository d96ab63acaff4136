"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo } from "react";
import { useForm, useWatch, type FieldErrors } from "react-hook-form";
import { PermissionsEditor } from "@/components/permissions/permissions-editor";
import { ErrorSummary, type Problem } from "@/components/ui/error-summary";
import { FormActions } from "@/components/ui/form-actions";
import type { DataResult } from "@/lib/data/result";
import { allGeneralScopes, categoriesFor, type KeyType } from "@/lib/permissions/catalog";
import { isSubset } from "@/lib/permissions/rules";
import { apiKeyFormSchema, API_KEY_NAME_MAX, type ApiKeyFormInput, type ApiKeyFormValues } from "@/lib/validation/api-key";
import { AccessChoice } from "./access-choice";
import { EXPIRY_DATE_ID, ExpiryField } from "./expiry-field";
import { keyFormDefaults } from "./key-form-defaults";

interface ApiKeyFormProps {
  type: KeyType;
  /** The key being edited; absent when creating. */
  initial?: { name: string; scopes: string[] };
  heldScopes: readonly string[];
  submitLabel: string;
  onSubmit: (values: ApiKeyFormValues) => Promise<DataResult<unknown>>;
  onCancel: () => void;
}

// One form is open at a time (each in its own modal dialog), so fixed ids are unique.
const SUMMARY_ID = "api-key-form-problems";
const NAME_ID = "api-key-name";
const NAME_ERROR_ID = "api-key-name-error";
const PERMISSIONS_ID = "api-key-permissions";
const PERMISSIONS_ERROR_ID = "api-key-permissions-error";

export function ApiKeyForm({ type, initial, heldScopes, submitLabel, onSubmit, onCancel }: ApiKeyFormProps) {
  const defaults = useMemo(() => keyFormDefaults(type, heldScopes, initial), [type, heldScopes, initial]);
  const customCategories = useMemo(
    () => new Set(Object.entries(defaults.levels).filter(([, level]) => level === "custom").map(([id]) => id)),
    [defaults],
  );
  // Focus is moved by hand: the levels error belongs to no single input, so react-hook-form could
  // not focus it, and the summary must not lose the race with its own focus move.
  const form = useForm<ApiKeyFormInput, unknown, ApiKeyFormValues>({
    resolver: zodResolver(apiKeyFormSchema),
    defaultValues: defaults,
    shouldFocusError: false,
  });
  const { register, handleSubmit, setError, setValue, control, formState } = form;
  const access = useWatch({ control, name: "access" });
  const levels = useWatch({ control, name: "levels" });
  const expiry = useWatch({ control, name: "expiry" });
  // Full Access grants every general scope: only someone who holds them all may choose it.
  const fullAllowed = isSubset(allGeneralScopes, heldScopes);

  const focusFirstProblem = (
    errors: Pick<FieldErrors<ApiKeyFormInput>, "name" | "levels" | "expiryDate"> | { name?: true; levels?: true; expiryDate?: true },
  ) =>
    requestAnimationFrame(() => {
      const target = errors.name ? NAME_ID : errors.levels ? PERMISSIONS_ID : errors.expiryDate ? EXPIRY_DATE_ID : SUMMARY_ID;
      document.getElementById(target)?.focus();
    });

  const submit = handleSubmit(async (values) => {
    let result: DataResult<unknown>;
    try {
      result = await onSubmit(values);
    } catch (error) {
      // handleSubmit would rethrow this outside any transition: neither the form nor error.tsx
      // would show it. The action failed before committing, so nothing was saved.
      console.error("Saving the API key failed:", error instanceof Error ? error.message : error);
      setError("root", { message: "Something went wrong. Nothing was saved." });
      focusFirstProblem({});
      return;
    }
    if (result.ok) return;
    const fieldErrors = result.fieldErrors ?? {};
    const dateError = (fieldErrors.expiryDate ?? fieldErrors.expiresAt)?.[0];
    if (fieldErrors.name) setError("name", { message: fieldErrors.name[0] });
    else if (fieldErrors.levels) setError("levels", { message: fieldErrors.levels[0] });
    else if (dateError) setError("expiryDate", { message: dateError });
    else setError("root", { message: result.message });
    focusFirstProblem({
      name: fieldErrors.name ? true : undefined,
      levels: fieldErrors.levels ? true : undefined,
      expiryDate: dateError ? true : undefined,
    });
  }, focusFirstProblem);

  const errors = formState.errors;
  // "Choose at least one permission" is reported on the levels record as a whole.
  const levelsError = (errors.levels as { message?: string } | undefined)?.message;
  const problems: Problem[] = [
    ...(errors.name?.message ? [{ fieldId: NAME_ID, message: errors.name.message }] : []),
    ...(levelsError ? [{ fieldId: PERMISSIONS_ID, message: levelsError }] : []),
    ...(errors.expiryDate?.message ? [{ fieldId: EXPIRY_DATE_ID, message: errors.expiryDate.message }] : []),
    ...(errors.root?.message ? [{ message: errors.root.message }] : []),
  ];
  const showEditor = type === "billing" || access === "restricted";

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <ErrorSummary id={SUMMARY_ID} problems={problems} />
      <div>
        <label htmlFor={NAME_ID} className="block text-sm font-medium">
          API Key Name
        </label>
        <input
          id={NAME_ID}
          {...register("name")}
          autoFocus
          maxLength={API_KEY_NAME_MAX}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? NAME_ERROR_ID : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-600"
        />
        {errors.name ? (
          <p id={NAME_ERROR_ID} className="mt-1 text-sm text-red-700">
            {errors.name.message}
          </p>
        ) : null}
      </div>

      {type === "general" ? (
        <AccessChoice field={register("access")} fullAllowed={fullAllowed} />
      ) : (
        <p className="text-sm text-slate-600">A billing key can call billing endpoints only.</p>
      )}

      {levelsError && showEditor ? (
        <p id={PERMISSIONS_ERROR_ID} className="text-sm font-medium text-red-700">
          {levelsError}
        </p>
      ) : null}
      {showEditor ? (
        <PermissionsEditor
          id={PERMISSIONS_ID}
          categories={categoriesFor(type)}
          registerLevel={(id) => register(`levels.${id}`)}
          heldScopes={heldScopes}
          customCategories={customCategories}
          describedBy={levelsError ? PERMISSIONS_ERROR_ID : undefined}
          levels={{
            values: levels,
            set: (changes) => {
              for (const [id, level] of Object.entries(changes)) {
                setValue(`levels.${id}`, level, { shouldDirty: true, shouldValidate: formState.isSubmitted });
              }
            },
          }}
        />
      ) : null}

      {initial ? null : (
        <ExpiryField
          choice={register("expiry")}
          date={register("expiryDate")}
          showDate={expiry === "date"}
          dateError={errors.expiryDate?.message}
        />
      )}

      <FormActions submitLabel={submitLabel} pendingLabel={"Saving…"} pending={formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}
