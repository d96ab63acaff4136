"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { useRenderedAccountId } from "@/components/account/current-account";
import { FormActions } from "@/components/ui/form-actions";
import { Dialog } from "@/components/ui/dialog";
import { inviteFormSchema, type InviteFormInput, type InviteFormValues } from "@/lib/validation/teammate";
import { inviteTeammateAction, type InviteOutcome } from "../actions";
import { focusFirstTeammateProblem, FormError, INVITE_EMAIL_ID, levelsErrorOf } from "./form-error";
import { RoleFields } from "./role-fields";
import { emptyLevels } from "./teammate-defaults";

const noCustom: ReadonlySet<string> = new Set();

export function InviteDialog({ heldScopes, onCancel, onInvited }: { heldScopes: readonly string[]; onCancel: () => void; onInvited: (outcome: InviteOutcome) => void }) {
  const accountId = useRenderedAccountId();
  const form = useForm<InviteFormInput, unknown, InviteFormValues>({
    resolver: zodResolver(inviteFormSchema),
    shouldFocusError: false,
    defaultValues: { email: "", role: "restricted", includeBilling: false, levels: emptyLevels() },
  });
  const { register, handleSubmit, setError, setValue, control, formState } = form;
  const role = useWatch({ control, name: "role" });
  const levels = useWatch({ control, name: "levels" });
  const errors = formState.errors;

  const submit = handleSubmit(async (values) => {
    const result = await inviteTeammateAction(accountId, values);
    if (result.ok) return onInvited(result.data);
    if (result.fieldErrors?.email) setError("email", { message: result.fieldErrors.email[0] });
    else setError("root", { message: result.message });
    focusFirstTeammateProblem({ email: result.fieldErrors?.email });
  }, focusFirstTeammateProblem);

  return (
    <Dialog open title="Invite Teammate" onDismiss={onCancel}>
      <form onSubmit={submit} noValidate className="space-y-5">
        <FormError email={errors.email?.message} levels={levelsErrorOf(errors)} root={errors.root?.message} />
        <label className="block text-sm font-medium">
          E-mail address
          <input
            id={INVITE_EMAIL_ID}
            {...register("email")}
            type="email"
            autoFocus
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? "invite-email-error" : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-normal"
          />
        </label>
        {errors.email ? (
          <p id="invite-email-error" className="-mt-3 text-sm text-red-700">
            {errors.email.message}
          </p>
        ) : null}
        <RoleFields
          roles={["admin", "restricted", "read_only"]}
          role={role}
          roleField={register("role")}
          billingField={register("includeBilling")}
          registerLevel={(id) => register(`levels.${id}`)}
          heldScopes={heldScopes}
          customCategories={noCustom}
          levels={{
            values: levels,
            set: (changes) => Object.entries(changes).forEach(([id, level]) => setValue(`levels.${id}`, level, { shouldDirty: true })),
          }}
        />
        <FormActions submitLabel={"Invite"} pendingLabel={"Inviting…"} pending={formState.isSubmitting} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
