"use client";

import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import type { ReactNode } from "react";
import type { ApiKeyRowDTO } from "@/lib/data/api-key-usage-queries";
import { Sparkline } from "@/components/usage/sparkline";
import { KeyNameLink } from "./key-name-link";
import { KeyStatus } from "./key-status";
import { LastUsed } from "./last-used";
import { RowActions, type RowActionHandlers } from "./row-actions";

export const features = tableFeatures({});
const column = createColumnHelper<typeof features, ApiKeyRowDTO>();

const typeBadge = {
  general: "rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700",
  billing: "rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800",
} as const;

type Key = ApiKeyRowDTO;

/** What one cell shows for a key: a plain function of the row, called directly (see api-keys-table.tsx). */
export type KeyCell = (key: Key) => ReactNode;

/**
 * The table's columns for TanStack Table (headers, order, the row model), and each column's cell
 * renderer by column id. The table body calls the renderers itself, once per cell: through
 * `row.getAllCells()` and `FlexRender`, 100 keys made 700 cell objects with memoized getters and
 * 1,400 components on every render of the page (issue 9: the page with 100 keys).
 */
export function buildColumns(handlers: RowActionHandlers): { columns: ReturnType<typeof column.columns>; cells: Record<string, KeyCell> } {
  const cells: Record<string, KeyCell> = {
    name: (key) => (
      <>
        {/* No prefetch: a page of 100 keys would otherwise fetch 100 key pages it may never open. */}
        <KeyNameLink keyId={key.id} name={key.name} />
        {/* The Type column is hidden on narrow screens: the badge comes with the name there. */}
        {key.type === "billing" ? <span className={`ml-2 lg:hidden ${typeBadge.billing}`}>Billing</span> : null}
        <KeyStatus apiKey={key} />
        <span className="mt-1 block truncate font-mono text-xs text-slate-600 md:hidden">
          <span className="sr-only">ID </span>
          {key.id}
        </span>
      </>
    ),
    id: (key) => <code className="font-mono text-sm break-all text-slate-700">{key.id}</code>,
    type: (key) => <span className={typeBadge[key.type]}>{key.type === "billing" ? "Billing" : "General"}</span>,
    permissions: (key) => <span className="text-slate-700">{key.permissions.summary}</span>,
    created: (key) => <Created createdAt={key.createdAt} creator={key.createdBy} />,
    lastUsed: (key) => (
      <>
        <LastUsed keyId={key.id} lastUsedAt={key.lastUsedAt} />
        <Sparkline usage={key.usage24h} />
      </>
    ),
    actions: (key) => <RowActions apiKey={key} {...handlers} />,
  };
  // The same renderers for TanStack's own cell rendering, should anything use it.
  const cell = (id: string) => ({ row }: { row: { original: Key } }) => cells[id]!(row.original);
  const columns = column.columns([
    column.accessor("name", { header: "Name", cell: cell("name") }),
    column.accessor("id", { header: "API Key ID", cell: cell("id") }),
    column.accessor("type", { header: "Type", cell: cell("type") }),
    column.display({ id: "permissions", header: "Permissions", cell: cell("permissions") }),
    column.display({ id: "created", header: "Created", cell: cell("created") }),
    column.display({ id: "lastUsed", header: "Last used", cell: cell("lastUsed") }),
    // A member who may neither edit nor delete sees no empty Action column (the page says why).
    ...(handlers.abilities.update || handlers.abilities.delete ? [column.display({ id: "actions", header: "Action", cell: cell("actions") })] : []),
  ]);
  return { columns, cells };
}

function Created({ createdAt, creator }: { createdAt: string; creator: string }) {
  return (
    <>
      <time dateTime={createdAt} className="block text-slate-700">
        {createdAt.slice(0, 10)}
      </time>
      <span className="block text-xs text-slate-600">
        {creator}
      </span>
    </>
  );
}
