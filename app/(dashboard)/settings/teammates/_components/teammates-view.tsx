"use client";

import { useState } from "react";
import { useRenderedAccountId } from "@/components/account/current-account";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { InviteDTO } from "@/lib/data/invites";
import type { TeammateDTO, TeammateList } from "@/lib/data/teammates";
import { INVITE_VALID_DAYS } from "@/lib/validation/teammate";
import { removeTeammateAction, revokeInviteAction } from "../actions";
import { EditTeammateDialog } from "./edit-teammate-dialog";
import { InviteDialog } from "./invite-dialog";
import { InviteLinkDialog } from "./invite-link-dialog";
import { TeammatesTable } from "./teammates-table";

// Which dialog is open. The invitation link lives only here, in memory, until "Done".
type Open =
  | { kind: "none" }
  | { kind: "invite" }
  | { kind: "invited"; token: string; email: string }
  | { kind: "mailed"; email: string }
  | { kind: "edit"; teammate: TeammateDTO }
  | { kind: "remove"; teammate: TeammateDTO }
  | { kind: "revoke"; invite: InviteDTO };

export function TeammatesView({ list }: { list: TeammateList }) {
  const accountId = useRenderedAccountId();
  const [open, setOpen] = useState<Open>({ kind: "none" });
  const close = () => setOpen({ kind: "none" });

  return (
    <div className="mt-2">
      <div className="flex items-center justify-between gap-4">
        <p className="text-sm text-slate-600">
          {list.teammates.length} {list.teammates.length === 1 ? "member" : "members"}
          {list.invites.length ? `, ${list.invites.length} invited` : ""}
        </p>
        {list.abilities.invite ? <Button onClick={() => setOpen({ kind: "invite" })}>Invite Teammate</Button> : null}
      </div>
      {open.kind === "mailed" ? (
        <p role="status" className="mt-3 text-sm text-slate-700">
          Invitation mailed to <strong>{open.email}</strong>. The link in it works once and expires in {INVITE_VALID_DAYS} days.
        </p>
      ) : null}
      <TeammatesTable
        list={list}
        onEdit={(teammate) => setOpen({ kind: "edit", teammate })}
        onRemove={(teammate) => setOpen({ kind: "remove", teammate })}
        onRevoke={(invite) => setOpen({ kind: "revoke", invite })}
      />

      {open.kind === "invite" ? (
        <InviteDialog heldScopes={list.heldScopes} onCancel={close} onInvited={(outcome) =>
            setOpen(outcome.mailed ? { kind: "mailed", email: outcome.invite.email } : { kind: "invited", token: outcome.token, email: outcome.invite.email })
          } />
      ) : null}
      {open.kind === "invited" ? <InviteLinkDialog token={open.token} email={open.email} onDone={close} /> : null}
      {open.kind === "edit" ? (
        <EditTeammateDialog teammate={open.teammate} heldScopes={list.heldScopes} manageOwners={list.abilities.manageOwners} onClose={close} />
      ) : null}
      {open.kind === "remove" ? (
        <ConfirmDialog title="Remove Teammate" confirmLabel="Remove" onClose={close} onConfirm={() => removeTeammateAction(accountId, open.teammate.userId)}>
          Remove <strong>{open.teammate.name}</strong> ({open.teammate.email}) from this account? They lose access at once. API keys
          they created keep working.
        </ConfirmDialog>
      ) : null}
      {open.kind === "revoke" ? (
        <ConfirmDialog title="Revoke Invitation" confirmLabel="Revoke" onClose={close} onConfirm={() => revokeInviteAction(accountId, open.invite.id)}>
          Revoke the invitation for <strong>{open.invite.email}</strong>? Its link will stop working.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
