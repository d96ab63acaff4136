"use client";

import { Menu, type MenuItem } from "@/components/ui/menu";
import type { ApiKeyDTO } from "@/lib/data/api-key-dto";
import type { ApiKeyList } from "@/lib/data/api-keys";

export interface RowActionHandlers {
  abilities: ApiKeyList["abilities"];
  onEdit: (apiKey: ApiKeyDTO) => void;
  onDelete: (apiKey: ApiKeyDTO) => void;
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
      trigger={<GearIcon />}
      items={items}
      buttonClassName="rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
    />
  );
}

function GearIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
      <path
        fillRule="evenodd"
        d="M7.84 1.804A1 1 0 0 1 8.82 1h2.36a1 1 0 0 1 .98.804l.331 1.652a6.993 6.993 0 0 1 1.929 1.115l1.598-.54a1 1 0 0 1 1.186.447l1.18 2.044a1 1 0 0 1-.205 1.251l-1.267 1.113a7.047 7.047 0 0 1 0 2.228l1.267 1.113a1 1 0 0 1 .206 1.25l-1.18 2.045a1 1 0 0 1-1.187.447l-1.598-.54a6.993 6.993 0 0 1-1.929 1.115l-.33 1.652a1 1 0 0 1-.98.804H8.82a1 1 0 0 1-.98-.804l-.331-1.652a6.993 6.993 0 0 1-1.929-1.115l-1.598.54a1 1 0 0 1-1.186-.447l-1.18-2.044a1 1 0 0 1 .205-1.251l1.267-1.114a7.05 7.05 0 0 1 0-2.227L1.821 7.773a1 1 0 0 1-.206-1.25l1.18-2.045a1 1 0 0 1 1.187-.447l1.598.54A6.992 6.992 0 0 1 7.51 3.456l.33-1.652ZM10 13a3 3 0 1 0 0-6 3 3 0 0 0 0 6Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
