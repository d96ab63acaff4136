"use client";

import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import type { ApiKeyDTO } from "@/lib/data/api-key-dto";
import { RowActions, type RowActionHandlers } from "./row-actions";

export const features = tableFeatures({});
const column = createColumnHelper<typeof features, ApiKeyDTO>();

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
      id: "actions",
      header: "Action",
      cell: ({ row }) => <RowActions apiKey={row.original} {...handlers} />,
    }),
  ]);
}
