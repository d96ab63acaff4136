"use client";

import { GearIcon } from "@/components/ui/gear-icon";
import { Menu, type MenuItem } from "@/components/ui/menu";
import type { ApiKeyDTO } from "@/lib/data/api-key-dto";
import type { ApiKeyList } from "@/lib/data/api-keys";

export interface RowActionHandlers {
  abilities: ApiKeyList["abilities"];
  onEdit: (apiKey: ApiKeyDTO) => void;
  onDelete: (apiKey: ApiKeyDTO) => void;
}

/** The gear button's id, where focus returns after its Edit or a neighbour's Delete dialog. */
export function rowActionsButtonId(keyId: string): string {
  return `api-key-actions-${keyId}`;
}

export function RowActions({ apiKey, abilities, onEdit, onDelete }: { apiKey: ApiKeyDTO } & RowActionHandlers) {
  const items: MenuItem[] = [
    ...(abilities.update ? [{ id: "edit", label: "Edit", onSelect: () => onEdit(apiKey) }] : []),
    ...(abilities.delete ? [{ id: "delete", label: "Delete", destructive: true, onSelect: () => onDelete(apiKey) }] : []),
  ];
  if (items.length === 0) return null;
  return (
    <Menu
      label={`Actions for ${apiKey.name}`}
      buttonId={rowActionsButtonId(apiKey.id)}
      trigger={<GearIcon />}
      items={items}
      buttonClassName="rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
    />
  );
}
