"use client";

import { useTable } from "@tanstack/react-table";
import { useMemo } from "react";
import { GearIconSymbol } from "@/components/ui/gear-icon";
import type { ApiKeyRowDTO } from "@/lib/data/api-key-usage-queries";
import { buildColumns, features } from "./columns";
import { KeyLinksProvider } from "./key-name-link";
import { ReadAtContext } from "./last-used";
import type { RowActionHandlers } from "./row-actions";

// Fixed column widths, so a long name wraps inside its column instead of pushing Action out of
// the card, and columns keep their places whatever the rows hold. The narrower the screen, the
// fewer extra columns; on phones only Name and Action remain: the ID moves under the name and
// the Billing badge beside it (see columns.tsx).
const columnClasses: Record<string, string> = {
  name: "",
  id: "hidden w-56 md:table-cell",
  type: "hidden w-24 lg:table-cell",
  lastUsed: "hidden w-32 lg:table-cell",
  permissions: "hidden w-44 xl:table-cell",
  created: "hidden w-40 2xl:table-cell",
  actions: "w-20 text-right",
};

const bodyClasses = [
  "divide-y divide-slate-100",
  "[&>tr>td]:px-4 [&>tr>td]:py-3 [&>tr>td]:align-top",
  "[&>tr:focus]:bg-brand-50 [&>tr:focus]:outline-2 [&>tr:focus]:-outline-offset-2 [&>tr:focus]:outline-brand-600",
].join(" ");

interface ApiKeysTableProps extends RowActionHandlers {
  keys: ApiKeyRowDTO[];
  readAt: string;
  caption: string;
}

export function ApiKeysTable({ keys, readAt, caption, ...handlers }: ApiKeysTableProps) {
  const { onEdit, onDelete, onRoll, onSetDisabled } = handlers;
  const { create, update, disable, roll, delete: remove, billing } = handlers.abilities;
  // Columns must keep their identity across refreshes: new cell renderers remount every cell,
  // and a remounted gear button drops the focus just handed back to it after a dialog.
  const { columns, cells } = useMemo(
    () => buildColumns({ abilities: { create, update, disable, roll, delete: remove, billing }, onEdit, onDelete, onRoll, onSetDisabled }),
    [create, update, disable, roll, remove, billing, onEdit, onDelete, onRoll, onSetDisabled],
  );
  const table = useTable({ features, columns, data: keys, getRowId: (key) => key.id });
  // Each cell's class and renderer, looked up once per render rather than once per cell.
  const bodyColumns = table.getAllLeafColumns().map((column) => ({ id: column.id, className: columnClasses[column.id] || undefined, render: cells[column.id]! }));

  return (
    <ReadAtContext value={readAt}>
    <KeyLinksProvider>
    <div className="mt-4 rounded-lg border border-slate-200 bg-white">
      {/* The rows' gear buttons draw this one icon (row-actions.tsx). */}
      <GearIconSymbol />
      <table className="w-full table-fixed text-left text-sm">
        <caption className="sr-only">{caption}</caption>
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
        {/* The cells' padding and the rows' focus style are said once here, not in each of 100 rows. */}
        <tbody className={bodyClasses}>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} id={`api-key-row-${row.id}`} tabIndex={-1}>
              {bodyColumns.map((column) => (
                <td key={column.id} className={column.className}>
                  {column.render(row.original)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    </KeyLinksProvider>
    </ReadAtContext>
  );
}
