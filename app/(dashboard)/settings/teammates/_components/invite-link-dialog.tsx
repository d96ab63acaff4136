"use client";

import { ShownOnceDialog } from "@/components/ui/shown-once-dialog";
import { INVITE_VALID_DAYS } from "@/lib/validation/teammate";

// Only the link's hash is stored, so it cannot be shown again. There is no outgoing mail: the
// inviter passes the link on.
export function InviteLinkDialog({ token, email, onDone }: { token: string; email: string; onDone: () => void }) {
  const link = `${window.location.origin}/invite/${token}`;
  return (
    <ShownOnceDialog title="Invitation Created" label="Invitation link" value={link} onDone={onDone}>
      Send this link to <strong>{email}</strong>. It works once and expires in {INVITE_VALID_DAYS} days.{" "}
      <strong>For security reasons, it will not be shown again.</strong>
    </ShownOnceDialog>
  );
}
