"use client";

import { useState, useTransition } from "react";
import { useRenderedAccountId } from "@/components/account/current-account";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ApiKeyDTO } from "@/lib/data/api-key-dto";
import { deleteApiKeyAction } from "../actions";

export function DeleteKeyDialog({ apiKey, onClose }: { apiKey: ApiKeyDTO; onClose: () => void }) {
  const accountId = useRenderedAccountId();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      const result = await deleteApiKeyAction(accountId, apiKey.id);
      if (result.ok) onClose();
      else setMessage(result.message);
    });

  return (
    <Dialog open title="Delete API Key" role="alertdialog" onDismiss={onClose}>
      <p className="text-sm text-slate-700">
        Delete <strong>{apiKey.name}</strong>? This is permanent: every application using this key will stop working
        at once, and the key cannot be restored.
      </p>
      {message ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      ) : null}
      <div className="mt-6 flex justify-end gap-3">
        <Button variant="secondary" onClick={onClose} autoFocus>
          Cancel
        </Button>
        <Button variant="danger" onClick={confirm} disabled={pending}>
          {pending ? "Deleting…" : "Delete"}
        </Button>
      </div>
    </Dialog>
  );
}
