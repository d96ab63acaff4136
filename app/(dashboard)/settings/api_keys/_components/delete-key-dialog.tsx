"use client";

import { useRenderedAccountId } from "@/components/account/current-account";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteApiKeyAction } from "../actions";

interface DeleteKeyDialogProps {
  apiKey: { id: string; name: string };
  onClose: () => void;
  onDeleted: () => void;
}

export function DeleteKeyDialog({ apiKey, onClose, onDeleted }: DeleteKeyDialogProps) {
  const accountId = useRenderedAccountId();
  return (
    <ConfirmDialog
      title="Delete API Key"
      confirmLabel="Delete"
      pendingLabel="Deleting…"
      onClose={onClose}
      onConfirmed={onDeleted}
      onConfirm={() => deleteApiKeyAction(accountId, apiKey.id)}
    >
      <p>
        Delete <strong>{apiKey.name}</strong>? This is permanent: every application using this key will stop working
        at once, and the key cannot be restored.
      </p>
    </ConfirmDialog>
  );
}
