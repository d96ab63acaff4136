"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useRenderedAccountId } from "@/components/account/current-account";
import { FormActions } from "@/components/ui/form-actions";
import { Dialog } from "@/components/ui/dialog";
import type { TeammateDTO } from "@/lib/data/teammates";
import type { TeammateRole } from "@/lib/permissions/roles";
import { teammateFormSchema, type TeammateFormInput, type TeammateFormValues } from "@/lib/validation/teammate";
import { updateTeammateAction } from "../actions";
import { focusFirstTeammateProblem, FormError, levelsErrorOf } from "./form-error";
import { RoleFields } from "./role-fields";
import { teammateDefaults } from "./teammate-defaults";

interface EditTeammateDialogProps {
  teammate: TeammateDTO;
  heldScopes: readonly string[];
  manageOwners: boolean;
  onClose: () => void;
  onSaved: () => void;
}

export function EditTeammateDialog({ teammate, heldScopes, manageOwners, onClose, onSaved }: EditTeammateDialogProps) {
  const accountId = useRenderedAccountId();
  const defaults = useMemo(() => teammateDefaults(teammate.role, teammate.scopes), [teammate]);
  const customCategories = useMemo(
    () => new Set(Object.entries(defaults.levels).filter(([, level]) => level === "custom").map(([id]) => id)),
    [defaults],
  );
  const form = useForm<TeammateFormInput, unknown, TeammateFormValues>({ resolver: zodResolver(teammateFormSchema), defaultValues: defaults });
  const { register, handleSubmit, setError, setValue, control, formState } = form;
  const role = useWatch({ control, name: "role" });
  const levels = useWatch({ control, name: "levels" });
  const roles: TeammateRole[] = manageOwners ? ["owner", "admin", "restricted", "read_only"] : ["admin", "restricted", "read_only"];

  const submit = handleSubmit(async (values) => {
    const result = await updateTeammateAction(accountId, teammate.userId, values);
    if (result.ok) return onSaved();
    setError("root", { message: result.message });
    focusFirstTeammateProblem({});
  }, () => focusFirstTeammateProblem({}));

  return (
    <Dialog open title={`Edit Teammate: ${teammate.name}`} onDismiss={onClose}>
      <form onSubmit={submit} noValidate className="space-y-5">
        <FormError levels={levelsErrorOf(formState.errors)} root={formState.errors.root?.message} />
        <p className="text-sm text-slate-600">{teammate.email}</p>
        <RoleFields
          roles={roles}
          role={role}
          roleField={register("role")}
          billingField={register("includeBilling")}
          registerLevel={(id) => register(`levels.${id}`)}
          heldScopes={heldScopes}
          customCategories={customCategories}
          levels={{
            values: levels,
            set: (changes) => Object.entries(changes).forEach(([id, level]) => setValue(`levels.${id}`, level, { shouldDirty: true })),
          }}
        />
        <FormActions submitLabel={"Save"} pendingLabel={"Saving…"} pending={formState.isSubmitting} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
