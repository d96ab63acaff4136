"use client";

import { useState } from "react";
import type { ApiKeyDTO } from "@/lib/data/api-key-dto";
import type { ApiKeyList } from "@/lib/data/api-keys";
import type { KeyType } from "@/lib/permissions/catalog";
import { ApiKeysTable } from "./api-keys-table";
import { CreateKeyDialog } from "./create-key-dialog";
import { CreateKeyMenu } from "./create-key-menu";
import { DeleteKeyDialog } from "./delete-key-dialog";
import { EditKeyDialog } from "./edit-key-dialog";
import { SecretDialog } from "./secret-dialog";

// Which dialog is open. The created key lives only here, in memory, until "Done".
type Open =
  | { kind: "none" }
  | { kind: "create"; type: KeyType }
  | { kind: "created"; key: string; name: string }
  | { kind: "edit"; apiKey: ApiKeyDTO }
  | { kind: "delete"; apiKey: ApiKeyDTO };

export function ApiKeysView({ list }: { list: ApiKeyList }) {
  const [open, setOpen] = useState<Open>({ kind: "none" });
  const close = () => setOpen({ kind: "none" });
  // The account's own count: billing keys a member cannot see still take up places.
  const atLimit = list.count >= list.limit;
  const createMenu = list.abilities.create ? (
    <CreateKeyMenu billing={list.abilities.billing} onChoose={(type) => setOpen({ kind: "create", type })} />
  ) : null;

  return (
    <div className="mt-2">
      <div className="flex items-center justify-between gap-4">
        <p className="text-sm text-slate-600">
          {list.count} of {list.limit} keys
          {atLimit ? " · delete a key to create another" : ""}
        </p>
        {list.keys.length > 0 ? createMenu : null}
      </div>

      {list.keys.length > 0 ? (
        <ApiKeysTable
          keys={list.keys}
          abilities={list.abilities}
          onEdit={(apiKey) => setOpen({ kind: "edit", apiKey })}
          onDelete={(apiKey) => setOpen({ kind: "delete", apiKey })}
        />
      ) : (
        <div className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <h2 className="text-lg font-semibold">No API keys yet</h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">
            API keys let your applications send email and call the API on behalf of this account, with only the
            permissions you give them. A key is shown once, when you create it.
          </p>
          <div className="mt-4">{createMenu}</div>
        </div>
      )}

      {open.kind === "create" ? (
        <CreateKeyDialog
          type={open.type}
          heldScopes={list.heldScopes}
          onCancel={close}
          onCreated={(key, name) => setOpen({ kind: "created", key, name })}
        />
      ) : null}
      {open.kind === "created" ? <SecretDialog apiKey={open.key} name={open.name} onDone={close} /> : null}
      {open.kind === "edit" ? (
        <EditKeyDialog apiKey={open.apiKey} heldScopes={list.heldScopes} onClose={close} />
      ) : null}
      {open.kind === "delete" ? <DeleteKeyDialog apiKey={open.apiKey} onClose={close} /> : null}
    </div>
  );
}
