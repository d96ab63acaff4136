"use client";

import { useTable } from "@tanstack/react-table";
import { useMemo } from "react";
import type { ApiKeyListItemDTO } from "@/lib/data/api-keys";
import { buildColumns, features } from "./columns";
import type { RowActionHandlers } from "./row-actions";

export function ApiKeysTable({ keys, ...handlers }: { keys: ApiKeyListItemDTO[] } & RowActionHandlers) {
  const { abilities, onEdit, onDelete } = handlers;
  const columns = useMemo(() => buildColumns({ abilities, onEdit, onDelete }), [abilities, onEdit, onDelete]);
  const table = useTable({ features, columns, data: keys, getRowId: (key) => key.id });

  return (
    <div className="mt-4 overflow-visible rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className={`px-4 py-3 font-medium ${header.column.id === "actions" ? "w-20 text-right" : ""}`}>
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={`px-4 py-3 ${cell.column.id === "actions" ? "text-right" : ""}`}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
