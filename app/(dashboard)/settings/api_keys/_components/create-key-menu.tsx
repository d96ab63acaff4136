"use client";

import { Menu } from "@/components/ui/menu";
import type { KeyType } from "@/lib/permissions/catalog";

export const CREATE_KEY_BUTTON_ID = "create-api-key";

// A billing key can only hold billing scopes, so it is offered only to those who hold one.
export function CreateKeyMenu({ onChoose, billing }: { onChoose: (type: KeyType) => void; billing: boolean }) {
  return (
    <Menu
      label="Create API Key"
      buttonId={CREATE_KEY_BUTTON_ID}
      trigger={<>Create API Key <span aria-hidden="true">▾</span></>}
      items={[
        { id: "general", label: "General API Key", onSelect: () => onChoose("general") },
        ...(billing ? [{ id: "billing", label: "Billing API Key", onSelect: () => onChoose("billing") }] : []),
      ]}
      buttonClassName="inline-flex items-center gap-2 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
    />
  );
}
