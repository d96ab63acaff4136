"use client";

import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import Link from "next/link";
import { LinkPending } from "@/components/ui/link-pending";
import type { ApiKeyListItemDTO } from "@/lib/data/api-keys";
import type { ApiKeyListItemWithUsageDTO } from "@/lib/data/api-key-usage-queries";
import { Sparkline } from "@/components/usage/sparkline";
import { KeyStatus } from "./key-status";
import { LastUsed } from "./last-used";
import { RowActions, type RowActionHandlers } from "./row-actions";

export const features = tableFeatures({});
const column = createColumnHelper<typeof features, ApiKeyListItemWithUsageDTO>();

const typeBadge = {
  general: "rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700",
  billing: "rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800",
} as const;

export function buildColumns(handlers: RowActionHandlers) {
  return column.columns([
    column.accessor("name", {
      header: "Name",
      cell: ({ row }) => (
        <>
          {/* Long names wrap anywhere: the whole name stays readable and the row keeps its width. */}
          {/* No prefetch: a page of 100 keys would otherwise fetch 100 key pages it may never open. */}
          <Link
            href={`/settings/api_keys/${row.original.id}`}
            prefetch={false}
            className="font-medium break-words text-slate-900 underline-offset-2 [overflow-wrap:anywhere] hover:underline"
          >
            {row.original.name}
            <LinkPending />
          </Link>
          {/* The Type column is hidden on narrow screens: the badge comes with the name there. */}
          {row.original.type === "billing" ? <span className={`ml-2 lg:hidden ${typeBadge.billing}`}>Billing</span> : null}
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
    column.accessor("type", {
      header: "Type",
      cell: ({ getValue }) => <span className={typeBadge[getValue()]}>{getValue() === "billing" ? "Billing" : "General"}</span>,
    }),
    column.display({
      id: "permissions",
      header: "Permissions",
      cell: ({ row }) => <span className="text-slate-700">{row.original.permissionSummary}</span>,
    }),
    column.display({
      id: "created",
      header: "Created",
      cell: ({ row }) => <Created createdAt={row.original.createdAt} creator={row.original.createdBy} />,
    }),
    column.display({
      id: "lastUsed",
      header: "Last used",
      cell: ({ row }) => (
        <>
          <LastUsed keyId={row.original.id} lastUsedAt={row.original.lastUsedAt} />
          <Sparkline usage={row.original.usage24h} />
        </>
      ),
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

function Created({ createdAt, creator }: { createdAt: string; creator: ApiKeyListItemDTO["createdBy"] }) {
  return (
    <>
      <time dateTime={createdAt} className="block text-slate-700">
        {createdAt.slice(0, 10)}
      </time>
      <span className="block text-xs text-slate-600">
        {!creator ? "by API" : creator.removed ? "by removed teammate" : `by ${creator.name}`}
      </span>
    </>
  );
}
