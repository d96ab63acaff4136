"use client";

import { useRenderedAccountId } from "@/components/account/current-account";
import { Dialog } from "@/components/ui/dialog";
import type { ApiKeyDTO } from "@/lib/data/api-key-dto";
import { updateApiKeyAction } from "../actions";
import { ApiKeyForm } from "./api-key-form";

export function EditKeyDialog({
  apiKey,
  heldScopes,
  onClose,
  onSaved,
}: {
  apiKey: ApiKeyDTO;
  heldScopes: readonly string[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const accountId = useRenderedAccountId();
  return (
    <Dialog open title={`Edit API Key: ${apiKey.name}`} onDismiss={onClose}>
      <ApiKeyForm
        type={apiKey.type}
        initial={apiKey}
        heldScopes={heldScopes}
        submitLabel="Save"
        onCancel={onClose}
        onSubmit={async (values) => {
          const result = await updateApiKeyAction(accountId, apiKey.id, values);
          if (result.ok) onSaved();
          return result;
        }}
      />
    </Dialog>
  );
}
