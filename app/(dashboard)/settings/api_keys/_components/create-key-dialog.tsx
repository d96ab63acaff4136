"use client";

import { useRenderedAccountId } from "@/components/account/current-account";
import { Dialog } from "@/components/ui/dialog";
import type { KeyType } from "@/lib/permissions/catalog";
import { createApiKeyAction } from "../actions";
import { ApiKeyForm } from "./api-key-form";

interface CreateKeyDialogProps {
  type: KeyType;
  heldScopes: readonly string[];
  onCancel: () => void;
  onCreated: (key: string, created: { id: string; name: string }) => void;
}

export function CreateKeyDialog({ type, heldScopes, onCancel, onCreated }: CreateKeyDialogProps) {
  const accountId = useRenderedAccountId();
  return (
    <Dialog open title={type === "general" ? "Create General API Key" : "Create Billing API Key"} onDismiss={onCancel}>
      <ApiKeyForm
        type={type}
        heldScopes={heldScopes}
        submitLabel="Create & View"
        onCancel={onCancel}
        onSubmit={async (values) => {
          const result = await createApiKeyAction(accountId, values);
          if (result.ok) onCreated(result.data.key, result.data.apiKey);
          return result;
        }}
      />
    </Dialog>
  );
}
