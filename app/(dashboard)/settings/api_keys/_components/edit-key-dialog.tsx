"use client";

import { useMemo } from "react";
import { useRenderedAccountId } from "@/components/account/current-account";
import { Dialog } from "@/components/ui/dialog";
import type { ApiKeyRowDTO } from "@/lib/data/api-key-usage-queries";
import { updateApiKeyAction } from "../actions";
import { ApiKeyForm } from "./api-key-form";

export function EditKeyDialog({
  apiKey,
  heldScopes,
  onClose,
  onSaved,
}: {
  apiKey: Pick<ApiKeyRowDTO, "id" | "name" | "type" | "permissions">;
  heldScopes: readonly string[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const accountId = useRenderedAccountId();
  const initial = useMemo(() => ({ name: apiKey.name, scopes: apiKey.permissions.scopes }), [apiKey.name, apiKey.permissions.scopes]);
  return (
    <Dialog open title={`Edit API Key: ${apiKey.name}`} onDismiss={onClose}>
      <ApiKeyForm
        type={apiKey.type}
        initial={initial}
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
