"use client";

import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import type { ApiKeyListItemDTO } from "@/lib/data/api-keys";
import { KeyStatus } from "./key-status";
import { RowActions, type RowActionHandlers } from "./row-actions";

export const features = tableFeatures({});
const column = createColumnHelper<typeof features, ApiKeyListItemDTO>();

export function buildColumns(handlers: RowActionHandlers) {
  return column.columns([
    column.accessor("name", {
      header: "Name",
      cell: ({ row }) => (
        <>
          {/* Long names wrap anywhere: the whole name stays readable and the row keeps its width. */}
          <span className="font-medium break-words text-slate-900 [overflow-wrap:anywhere]">{row.original.name}</span>
          {row.original.type === "billing" ? (
            <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">Billing</span>
          ) : null}
          <KeyStatus apiKey={row.original} />
          <span className="mt-1 block truncate font-mono text-xs text-slate-600 md:hidden">
            <span className="sr-only">ID </span>
            {row.original.id}
          </span>
        </>
      ),
    }),
    column.accessor("id", {
      header: "API Key ID",
      cell: ({ getValue }) => <code className="font-mono text-sm break-all text-slate-700">{getValue()}</code>,
    }),
    column.display({
      id: "createdBy",
      header: "Created by",
      cell: ({ row }) => <CreatedBy creator={row.original.createdBy} />,
    }),
    // A member who may neither edit nor delete sees no empty Action column (the page says why).
    ...(handlers.abilities.update || handlers.abilities.delete
      ? [
          column.display({
            id: "actions",
            header: "Action",
            cell: ({ row }) => <RowActions apiKey={row.original} {...handlers} />,
          }),
        ]
      : []),
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
