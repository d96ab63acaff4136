import "server-only";
import { reauthorize, requireScope } from "./access";
import { apiKeySelect, toApiKeyDTO, type ApiKeyDTO } from "./api-key-dto";
import { recordAuditEvent } from "./audit";
import type { DataContext } from "./context";
import { writeTransaction } from "./transaction";
import { creatorSelect, toCreatorDTO, type CreatorDTO } from "./creator";
import { findKeyRow, visibleKeysWhere } from "./internal/visible-keys";
import { catchFailure, fail, messages, ok, type DataResult } from "./result";
import { pageAbilities } from "@/lib/permissions/policy";
import { keyStatus, type KeyStatus } from "@/lib/keys/expiry";
import { permissionSummary } from "@/lib/permissions/summary";
import { API_KEY_LIMIT } from "@/lib/validation/api-key";

export interface ApiKeyListItemDTO extends ApiKeyDTO {
  createdBy: CreatorDTO;
  /** Judged by the server's clock when the list was read. */
  status: KeyStatus;
  /** The replacement made when this key was rolled, while both exist. */
  rolledToId: string | null;
  /** What the key may do in one line ("Full Access", "Restricted · 5 categories"), said by the server
   * so the page's JavaScript needs no scope catalog. */
  permissionSummary: string;
}

export interface ApiKeyList {
  keys: ApiKeyListItemDTO[];
  /** Every key the account holds, counted against the limit: billing keys too, seen or not. */
  count: number;
  limit: number;
  /** The server's clock when the list was read: statuses and "3 hours ago" are judged by it. */
  readAt: string;
  /** What the caller may do on the page; the server checks again on every action. */
  abilities: { create: boolean; update: boolean; disable: boolean; roll: boolean; delete: boolean; billing: boolean };
  /** The caller's own scopes: the most a key they create or edit may hold. */
  heldScopes: string[];
}

export async function listApiKeys(ctx: DataContext, now: Date = new Date()): Promise<DataResult<ApiKeyList>> {
  return catchFailure(async () => {
    const actor = await requireScope(ctx, "apiKeys.list");
    const [rows, account] = await Promise.all([
      ctx.db.apiKey.findMany({
        where: visibleKeysWhere(actor),
        select: { ...apiKeySelect, createdBy: { select: creatorSelect(ctx.accountId) } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
      ctx.db.account.findUniqueOrThrow({ where: { id: ctx.accountId }, select: { keyCount: true } }),
    ]);
    const replacements = new Map(rows.filter((row) => row.rolledFromId).map((row) => [row.rolledFromId, row.id]));
    const ids = new Set(rows.map((row) => row.id));
    // Most keys of an account share a few scope sets: each is parsed and summarized once per list,
    // and its keys share one scopes array (the API Keys page's payload then carries it once).
    const scopeSets = new Map<string, { scopes: string[]; summary: string }>();
    const scopeSetOf = (dto: ApiKeyDTO, stored: string) => {
      const cacheKey = `${dto.type} ${stored}`;
      let set = scopeSets.get(cacheKey);
      if (set === undefined) scopeSets.set(cacheKey, (set = { scopes: dto.scopes, summary: permissionSummary(dto.type, dto.scopes) }));
      return set;
    };
    return ok({
      keys: rows.map((row) => {
        const dto = toApiKeyDTO(row);
        const { scopes, summary } = scopeSetOf(dto, row.scopes);
        return {
          ...dto,
          scopes,
          // The link between a rolled key and its replacement lasts until the old one is gone.
          rolledFromId: row.rolledFromId && ids.has(row.rolledFromId) ? row.rolledFromId : null,
          createdBy: toCreatorDTO(row.createdBy),
          status: keyStatus(row, now),
          rolledToId: replacements.get(row.id) ?? null,
          permissionSummary: summary,
        };
      }),
      count: account.keyCount,
      limit: API_KEY_LIMIT,
      readAt: now.toISOString(),
      abilities: pageAbilities("apiKeys", actor.scopes),
      heldScopes: [...actor.scopes].sort(),
    });
  });
}

export async function getApiKey(ctx: DataContext, keyId: string): Promise<DataResult<ApiKeyDTO>> {
  return catchFailure(async () => {
    const actor = await requireScope(ctx, "apiKeys.read");
    const row = await findKeyRow(ctx, keyId, actor);
    return ok(toApiKeyDTO(row));
  });
}

export async function deleteApiKey(ctx: DataContext, keyId: string): Promise<DataResult<{ id: string }>> {
  return catchFailure(async () => {
    const actor = await requireScope(ctx, "apiKeys.delete");
    // An edit may commit between reading the key and deleting it: the delete only goes through
    // for the version it read (as updateApiKey does), so the audit event names the key as it was
    // when deleted. A key edited meanwhile is read again; one deleted meanwhile is "not found".
    for (let attempt = 0; attempt < DELETE_ATTEMPTS; attempt++) {
      const { id, name, type, updatedAt } = await findKeyRow(ctx, keyId, actor);
      const deleted = await writeTransaction(ctx.db, async (tx) => {
        const deleter = await reauthorize(tx, ctx, "apiKeys.delete");
        // Scoped by account as well as id: a key of another account is simply not there.
        const { count } = await tx.apiKey.deleteMany({ where: { id, accountId: ctx.accountId, updatedAt } });
        if (count === 0) return false;
        await tx.account.update({ where: { id: ctx.accountId }, data: { keyCount: { decrement: 1 } } });
        await recordAuditEvent(tx, deleter, { action: "key.deleted", targetKeyId: id, targetName: name, details: { type } });
        return true;
      });
      if (deleted) return ok({ id });
    }
    return fail("not_found", messages.notFound);
  });
}

// Each retry follows an edit that committed meanwhile; a key edited this often is left alone.
const DELETE_ATTEMPTS = 5;
