"use client";

import { GearIconRef } from "@/components/ui/gear-icon";
import { Menu, type MenuItem } from "@/components/ui/menu";
import type { ApiKeyList } from "@/lib/data/api-keys";
import type { ApiKeyRowDTO } from "@/lib/data/api-key-usage-queries";

export interface RowActionHandlers {
  abilities: ApiKeyList["abilities"];
  onEdit: (apiKey: ApiKeyRowDTO) => void;
  onDelete: (apiKey: ApiKeyRowDTO) => void;
  onRoll: (apiKey: ApiKeyRowDTO) => void;
  onSetDisabled: (apiKey: ApiKeyRowDTO, disabled: boolean) => void;
}

/** The gear button's id, where focus returns after its Edit or a neighbour's Delete dialog. */
export function rowActionsButtonId(keyId: string): string {
  return `api-key-actions-${keyId}`;
}

export function RowActions({ apiKey, abilities, onEdit, onDelete, onRoll, onSetDisabled }: { apiKey: ApiKeyRowDTO } & RowActionHandlers) {
  // An expired key can only be deleted: it is never revived.
  const live = apiKey.status !== "expired";
  const disabled = apiKey.status === "disabled";
  const items: MenuItem[] = [
    ...(live && abilities.update ? [{ id: "edit", label: "Edit", onSelect: () => onEdit(apiKey) }] : []),
    ...(live && abilities.roll ? [{ id: "roll", label: "Roll key", onSelect: () => onRoll(apiKey) }] : []),
    ...(live && abilities.disable
      ? [{ id: "toggle", label: disabled ? "Enable" : "Disable", onSelect: () => onSetDisabled(apiKey, !disabled) }]
      : []),
    ...(abilities.delete ? [{ id: "delete", label: "Delete", destructive: true, onSelect: () => onDelete(apiKey) }] : []),
  ];
  if (items.length === 0) return null;
  return (
    <Menu
      label={`Actions for ${apiKey.name}`}
      buttonId={rowActionsButtonId(apiKey.id)}
      trigger={<GearIconRef />}
      items={items}
      buttonClassName="rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
    />
  );
}
