"use client";

import { useTable } from "@tanstack/react-table";
import { useMemo } from "react";
import type { ApiKeyListItemDTO } from "@/lib/data/api-keys";
import { buildColumns, features } from "./columns";
import type { RowActionHandlers } from "./row-actions";

// Fixed column widths, so a long name wraps inside its column instead of pushing Action out of
// the card, and columns keep their places whatever the rows hold. On phones only Name and Action
// remain: the ID moves under the name (see columns.tsx).
const columnClasses: Record<string, string> = {
  name: "",
  id: "hidden w-64 md:table-cell",
  createdBy: "hidden w-40 lg:table-cell",
  actions: "w-20 text-right",
};

export function ApiKeysTable({ keys, ...handlers }: { keys: ApiKeyListItemDTO[] } & RowActionHandlers) {
  const { onEdit, onDelete, onRoll, onSetDisabled } = handlers;
  const { create, update, delete: remove, billing } = handlers.abilities;
  // Columns must keep their identity across refreshes: new cell renderers remount every cell,
  // and a remounted gear button drops the focus just handed back to it after a dialog.
  const columns = useMemo(
    () => buildColumns({ abilities: { create, update, delete: remove, billing }, onEdit, onDelete, onRoll, onSetDisabled }),
    [create, update, remove, billing, onEdit, onDelete, onRoll, onSetDisabled],
  );
  const table = useTable({ features, columns, data: keys, getRowId: (key) => key.id });

  return (
    <div className="mt-4 rounded-lg border border-slate-200 bg-white">
      <table className="w-full table-fixed text-left text-sm">
        <caption className="sr-only">API keys, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className={`px-4 py-3 font-medium ${columnClasses[header.column.id] ?? ""}`}>
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} id={`api-key-row-${row.id}`} tabIndex={-1} className="focus:bg-brand-50 focus:outline-2 focus:-outline-offset-2 focus:outline-brand-600">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={`px-4 py-3 align-top ${columnClasses[cell.column.id] ?? ""}`}>
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
