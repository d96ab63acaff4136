"use client";

import dynamic from "next/dynamic";
import { useCallback, useMemo, useState } from "react";
import type { ApiKeyListWithUsage, ApiKeyRowDTO } from "@/lib/data/api-key-usage-queries";
import type { KeyType } from "@/lib/permissions/catalog";
import { useRenderedAccountId } from "@/components/account/current-account";
import { StatusMessage } from "@/components/ui/status-message";
import { setApiKeyDisabledAction } from "../actions";
import { ApiKeysTable } from "./api-keys-table";
import { CREATE_KEY_BUTTON_ID, CreateKeyMenu } from "./create-key-menu";
import { KeyCount } from "./key-count";
import { applyKeyListQuery, keySorts, type KeyListQuery } from "./list-query";
import { EmptyState, ReadOnlyNotice } from "./notices";
import { KeysToolbar } from "./toolbar";
import { rowActionsButtonId } from "./row-actions";
import { useFocusAfter } from "@/components/ui/use-focus-after";

// Which dialog is open. The created key lives only here, in memory, until "Done".
type Open =
  | { kind: "none" }
  | { kind: "create"; type: KeyType }
  | { kind: "created"; key: string; id: string; name: string }
  | { kind: "edit"; apiKey: ApiKeyRowDTO }
  | { kind: "delete"; apiKey: ApiKeyRowDTO }
  | { kind: "roll"; apiKey: ApiKeyRowDTO };

// The dialogs load when they open: the create and edit forms (react-hook-form, zod, the permission
// editor) were most of the page's JavaScript (issue 9's budget, checked by scripts/page-budget.mjs).
// Hovering or focusing Create starts loading its form a moment earlier.
const loadCreateKeyDialog = () => import("./create-key-dialog");
const preloadCreateKeyDialog = () => void loadCreateKeyDialog();
const CreateKeyDialog = dynamic(() => loadCreateKeyDialog().then((m) => m.CreateKeyDialog));
const EditKeyDialog = dynamic(() => import("./edit-key-dialog").then((m) => m.EditKeyDialog));
const SecretDialog = dynamic(() => import("./secret-dialog").then((m) => m.SecretDialog));
const RollKeyDialog = dynamic(() => import("./roll-key-dialog").then((m) => m.RollKeyDialog));
const DeleteKeyDialog = dynamic(() => import("./delete-key-dialog").then((m) => m.DeleteKeyDialog));

const rowId = (keyId: string) => `api-key-row-${keyId}`;

// From this many keys the count turns into a warning: the limit is near.
const NEAR_LIMIT = 90;

export function ApiKeysView({ list, query }: { list: ApiKeyListWithUsage; query: KeyListQuery }) {
  const shown = useMemo(() => applyKeyListQuery(list.keys, query), [list.keys, query]);
  const [open, setOpen] = useState<Open>({ kind: "none" });
  const [status, setStatus] = useState("");
  // Stable, so the table's columns (and the focus inside them) survive re-renders.
  const onEdit = useCallback((apiKey: ApiKeyRowDTO) => setOpen({ kind: "edit", apiKey }), []);
  const onDelete = useCallback((apiKey: ApiKeyRowDTO) => setOpen({ kind: "delete", apiKey }), []);
  const onRoll = useCallback((apiKey: ApiKeyRowDTO) => setOpen({ kind: "roll", apiKey }), []);
  const accountId = useRenderedAccountId();
  const onSetDisabled = useCallback(
    async (apiKey: ApiKeyRowDTO, disabled: boolean) => {
      const result = await setApiKeyDisabledAction(accountId, apiKey.id, disabled);
      setStatus(result.ok ? `API key ${disabled ? "disabled" : "enabled"}: ${apiKey.name}` : result.message);
    },
    [accountId],
  );
  const focusAfter = useFocusAfter(list.keys);
  const close = (...focusIds: string[]) => {
    setOpen({ kind: "none" });
    focusAfter({ ids: focusIds });
  };
  // After a delete, focus moves to the next row's gear (the one that takes the deleted row's
  // place), or to Create when it was the last; it waits until the refreshed list has dropped the row.
  const afterDelete = (apiKey: ApiKeyRowDTO) => {
    const index = shown.findIndex((key) => key.id === apiKey.id);
    const next = shown[index + 1];
    setOpen({ kind: "none" });
    setStatus(`API key deleted: ${apiKey.name}`);
    focusAfter({ ids: [...(next ? [rowActionsButtonId(next.id)] : []), CREATE_KEY_BUTTON_ID], untilGone: rowId(apiKey.id) });
  };

  const createMenu = list.abilities.create ? (
    <div className="contents" onPointerEnter={preloadCreateKeyDialog} onFocus={preloadCreateKeyDialog}>
      <CreateKeyMenu billing={list.abilities.billing} onChoose={(type) => setOpen({ kind: "create", type })} />
    </div>
  ) : null;

  return (
    <div className="mt-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        {/* The account's own count: billing keys a member cannot see still take up places. */}
        <KeyCount count={list.count} limit={list.limit} nearLimit={NEAR_LIMIT} />
        {list.keys.length > 0 ? createMenu : null}
      </div>
      {list.abilities.create ? null : <ReadOnlyNotice />}
      <StatusMessage message={status} />

      {list.keys.length > 0 ? <KeysToolbar query={query} /> : null}
      {list.keys.length > 0 && shown.length === 0 ? (
        <p className="mt-4 text-sm text-slate-700">No API keys match “{query.q}”.</p>
      ) : null}
      {shown.length > 0 ? (
        <ApiKeysTable
          keys={shown}
          readAt={list.readAt}
          caption={`API keys, ${keySorts[query.sort].toLowerCase()}${query.q ? `, matching “${query.q}”` : ""}`}
          abilities={list.abilities}
          onEdit={onEdit}
          onDelete={onDelete}
          onRoll={onRoll}
          onSetDisabled={onSetDisabled}
        />
      ) : list.keys.length === 0 ? (
        <EmptyState>{createMenu}</EmptyState>
      ) : null}

      {open.kind === "create" ? (
        <CreateKeyDialog
          type={open.type}
          heldScopes={list.heldScopes}
          onCancel={() => close(CREATE_KEY_BUTTON_ID)}
          onCreated={(key, created) => {
            setStatus(`API key created: ${created.name}`);
            setOpen({ kind: "created", key, ...created });
          }}
        />
      ) : null}
      {open.kind === "created" ? (
        <SecretDialog apiKey={open.key} name={open.name} onDone={() => close(rowId(open.id), CREATE_KEY_BUTTON_ID)} />
      ) : null}
      {open.kind === "edit" ? (
        <EditKeyDialog
          apiKey={open.apiKey}
          heldScopes={list.heldScopes}
          onClose={() => close(rowActionsButtonId(open.apiKey.id))}
          onSaved={() => {
            setStatus(`API key saved: ${open.apiKey.name}`);
            close(rowActionsButtonId(open.apiKey.id));
          }}
        />
      ) : null}
      {open.kind === "roll" ? (
        <RollKeyDialog
          apiKey={open.apiKey}
          onClose={() => close(rowActionsButtonId(open.apiKey.id))}
          onRolled={(key, replacement) => {
            setStatus(`API key rolled: ${replacement.name}`);
            setOpen({ kind: "created", key, ...replacement });
          }}
        />
      ) : null}
      {open.kind === "delete" ? (
        <DeleteKeyDialog
          apiKey={open.apiKey}
          onClose={() => close(rowActionsButtonId(open.apiKey.id))}
          onDeleted={() => afterDelete(open.apiKey)}
        />
      ) : null}
    </div>
  );
}
