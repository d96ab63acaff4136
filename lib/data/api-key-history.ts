import "server-only";
import { requireScope } from "./access";
import { toApiKeyDTO, type ApiKeyDTO } from "./api-key-dto";
import { findKeyRow } from "./internal/visible-keys";
import type { DataContext } from "./context";
import { catchFailure, ok, type DataResult } from "./result";

export interface KeyHistoryEntryDTO {
  id: string;
  createdAt: string;
  action: string;
  actorName: string;
}

export interface ApiKeyDetails {
  apiKey: ApiKeyDTO;
  /** This key's events from the audit log, newest first (the latest 50). */
  history: KeyHistoryEntryDTO[];
}

const HISTORY_LIMIT = 50;

/**
 * A key's own page: the key and its history. Whoever may read keys may read their events (the
 * audit log's rule for key.* events); another account's key, or a billing key for a member
 * without billing scopes, is "not found" (findKeyRow).
 */
export async function getApiKeyDetails(ctx: DataContext, keyId: string): Promise<DataResult<ApiKeyDetails>> {
  return catchFailure(async () => {
    const actor = await requireScope(ctx, "apiKeys.read");
    const row = await findKeyRow(ctx, keyId, actor);
    const events = await ctx.db.auditEvent.findMany({
      where: { accountId: ctx.accountId, targetKeyId: row.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
      select: { id: true, createdAt: true, action: true, actorName: true },
    });
    return ok({
      apiKey: toApiKeyDTO(row),
      history: events.map((event) => ({
        id: event.id,
        createdAt: event.createdAt.toISOString(),
        action: event.action,
        actorName: event.actorName ?? "Unknown",
      })),
    });
  });
}
