"use client";

import { useState } from "react";
import { StatusMessage } from "@/components/ui/status-message";
import { useFocusAfter } from "@/components/ui/use-focus-after";
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
import { teammateActionsId, TeammatesTable } from "./teammates-table";

const INVITE_BUTTON_ID = "invite-teammate";

// Which dialog is open. The invitation link lives only here, in memory, until "Done".
type Open =
  | { kind: "none" }
  | { kind: "invite" }
  | { kind: "invited"; token: string; email: string }
  | { kind: "edit"; teammate: TeammateDTO }
  | { kind: "remove"; teammate: TeammateDTO }
  | { kind: "revoke"; invite: InviteDTO };

export function TeammatesView({ list }: { list: TeammateList }) {
  const accountId = useRenderedAccountId();
  const [open, setOpen] = useState<Open>({ kind: "none" });
  const [status, setStatus] = useState("");
  const focusAfter = useFocusAfter(list);
  // Focus goes back to the row's gear after Edit, else to Invite (or the page heading for a
  // member who cannot invite), never to <body>; `done` says what changed.
  const close = (focusId: string = INVITE_BUTTON_ID, done?: string) => {
    setOpen({ kind: "none" });
    if (done) setStatus(done);
    focusAfter({ ids: [focusId, INVITE_BUTTON_ID, "teammates-title"] });
  };

  return (
    <div className="mt-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          {list.teammates.length} {list.teammates.length === 1 ? "member" : "members"}
          {list.invites.length ? `, ${list.invites.length} invited` : ""}
        </p>
        {list.abilities.invite ? (
          <Button id={INVITE_BUTTON_ID} onClick={() => setOpen({ kind: "invite" })}>
            Invite Teammate
          </Button>
        ) : null}
      </div>
      <StatusMessage message={status} />
      <TeammatesTable
        list={list}
        onEdit={(teammate) => setOpen({ kind: "edit", teammate })}
        onRemove={(teammate) => setOpen({ kind: "remove", teammate })}
        onRevoke={(invite) => setOpen({ kind: "revoke", invite })}
      />

      {open.kind === "invite" ? (
        <InviteDialog
          heldScopes={list.heldScopes}
          onCancel={() => close()}
          onInvited={(outcome) => {
            // With outgoing mail the link went to the invitee and is never shown here.
            if (outcome.mailed) {
              close(INVITE_BUTTON_ID, `Invitation mailed to ${outcome.invite.email}. The link in it works once and expires in ${INVITE_VALID_DAYS} days.`);
              return;
            }
            setStatus(`Invitation created for ${outcome.invite.email}`);
            setOpen({ kind: "invited", token: outcome.token, email: outcome.invite.email });
          }}
        />
      ) : null}
      {open.kind === "invited" ? <InviteLinkDialog token={open.token} email={open.email} onDone={() => close()} /> : null}
      {open.kind === "edit" ? (
        <EditTeammateDialog
          teammate={open.teammate}
          heldScopes={list.heldScopes}
          manageOwners={list.abilities.manageOwners}
          onClose={() => close(teammateActionsId(open.teammate.userId))}
          onSaved={() => close(teammateActionsId(open.teammate.userId), `Teammate saved: ${open.teammate.name}`)}
        />
      ) : null}
      {open.kind === "remove" ? (
        <ConfirmDialog
          title="Remove Teammate"
          confirmLabel="Remove"
          onClose={() => close(teammateActionsId(open.teammate.userId))}
          onConfirmed={() => close(INVITE_BUTTON_ID, `Teammate removed: ${open.teammate.name}`)}
          onConfirm={() => removeTeammateAction(accountId, open.teammate.userId)}>
          Remove <strong>{open.teammate.name}</strong> ({open.teammate.email}) from this account? They lose access at once. API keys
          they created keep working.
        </ConfirmDialog>
      ) : null}
      {open.kind === "revoke" ? (
        <ConfirmDialog
          title="Revoke Invitation"
          confirmLabel="Revoke"
          onClose={() => close()}
          onConfirmed={() => close(INVITE_BUTTON_ID, `Invitation revoked for ${open.invite.email}`)}
          onConfirm={() => revokeInviteAction(accountId, open.invite.id)}>
          Revoke the invitation for <strong>{open.invite.email}</strong>? Its link will stop working.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
