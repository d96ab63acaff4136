"use client";

import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import type { ApiKeyListItemDTO } from "@/lib/data/api-keys";
import { RowActions, type RowActionHandlers } from "./row-actions";

export const features = tableFeatures({});
const column = createColumnHelper<typeof features, ApiKeyListItemDTO>();

export function buildColumns(handlers: RowActionHandlers) {
  return column.columns([
    column.accessor("name", {
      header: "Name",
      cell: ({ row }) => (
        <span className="flex items-center gap-2">
          <span className="font-medium text-slate-900">{row.original.name}</span>
          {row.original.type === "billing" ? (
            <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">Billing</span>
          ) : null}
        </span>
      ),
    }),
    column.accessor("id", {
      header: "API Key ID",
      cell: ({ getValue }) => <code className="font-mono text-sm text-slate-700">{getValue()}</code>,
    }),
    column.display({
      id: "createdBy",
      header: "Created by",
      cell: ({ row }) => <CreatedBy creator={row.original.createdBy} />,
    }),
    column.display({
      id: "actions",
      header: "Action",
      cell: ({ row }) => <RowActions apiKey={row.original} {...handlers} />,
    }),
  ]);
}

function CreatedBy({ creator }: { creator: ApiKeyListItemDTO["createdBy"] }) {
  if (!creator) return <span className="text-slate-500">API</span>;
  return (
    <span className={creator.removed ? "text-slate-500" : "text-slate-700"}>
      {creator.name}
      {creator.removed ? " (removed)" : ""}
    </span>
  );
}
