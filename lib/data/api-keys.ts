import "server-only";
import { requireScope } from "./access";
import { apiKeySelect, toApiKeyDTO, type ApiKeyDTO } from "./api-key-dto";
import { recordAuditEvent } from "./audit";
import type { DataContext } from "./context";
import { catchFailure, DataFailure, fail, messages, ok, type DataResult } from "./result";
import { API_KEY_LIMIT, apiKeyIdSchema } from "@/lib/validation/api-key";

export interface ApiKeyList {
  keys: ApiKeyDTO[];
  limit: number;
  /** What the caller may do on the page; the server checks again on every action. */
  abilities: { create: boolean; update: boolean; delete: boolean };
  /** The caller's own scopes: the most a key they create or edit may hold. */
  heldScopes: string[];
}

export async function listApiKeys(ctx: DataContext): Promise<DataResult<ApiKeyList>> {
  return catchFailure(async () => {
    const actor = await requireScope(ctx, "api_keys.read", "You do not have permission to view API keys");
    const rows = await ctx.db.apiKey.findMany({
      where: { accountId: ctx.accountId },
      select: apiKeySelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    return ok({
      keys: rows.map(toApiKeyDTO),
      limit: API_KEY_LIMIT,
      abilities: {
        create: actor.scopes.has("api_keys.create"),
        update: actor.scopes.has("api_keys.update"),
        delete: actor.scopes.has("api_keys.delete"),
      },
      heldScopes: [...actor.scopes].sort(),
    });
  });
}

export async function getApiKey(ctx: DataContext, keyId: string): Promise<DataResult<ApiKeyDTO>> {
  return catchFailure(async () => {
    await requireScope(ctx, "api_keys.read", "You do not have permission to view API keys");
    const row = await findKeyRow(ctx, keyId);
    return ok(toApiKeyDTO(row));
  });
}

export async function deleteApiKey(ctx: DataContext, keyId: string): Promise<DataResult<{ id: string }>> {
  return catchFailure(async () => {
    const actor = await requireScope(ctx, "api_keys.delete", "You do not have permission to delete API keys");
    const { id, name } = await findKeyRow(ctx, keyId);
    await ctx.db.$transaction(async (tx) => {
      // Scoped by account as well as id: a key of another account is simply not there.
      const { count } = await tx.apiKey.deleteMany({ where: { id, accountId: ctx.accountId } });
      if (count === 0) throw new DataFailure(fail("not_found", messages.notFound));
      await tx.account.update({ where: { id: ctx.accountId }, data: { keyCount: { decrement: 1 } } });
      await recordAuditEvent(tx, actor, { action: "key.deleted", targetKeyId: id, targetName: name });
    });
    return ok({ id });
  });
}

export async function findKeyRow(ctx: DataContext, keyId: string) {
  const id = apiKeyIdSchema.safeParse(keyId);
  const row = id.success
    ? await ctx.db.apiKey.findFirst({ where: { id: id.data, accountId: ctx.accountId }, select: apiKeySelect })
    : null;
  if (!row) throw new DataFailure(fail("not_found", messages.notFound));
  return row;
}

