import "server-only";
import { requireScope } from "./access";
import { listApiKeys, type ApiKeyList, type ApiKeyListItemDTO } from "./api-keys";
import { findKeyRow } from "./internal/visible-keys";
import type { DataContext } from "./context";
import { catchFailure, ok, type DataResult } from "./result";
import type { CreatorDTO } from "./creator";
import type { KeyStatus } from "@/lib/keys/expiry";
import type { KeyType } from "@/lib/permissions/catalog";
import { dailySeries, dailySeriesSince, hourlySeriesSince, hourlySparkline, isUnused, type UsagePoint } from "@/lib/usage/series";
import { sparklineBars, type SparklineBarsDTO } from "@/lib/usage/sparkline";

/**
 * One row of the API Keys page, with what its client components need and no more: this crosses to
 * the browser in the page's payload, 100 times (issue 9). A field left out is null, false or none.
 */
export interface ApiKeyRowDTO {
  id: string;
  name: string;
  type: KeyType;
  /** Shared by every row with the same scopes: the payload carries each scope set once. */
  permissions: KeyPermissionsDTO;
  createdAt: string;
  /** The Created column's second line: "by Ada", "by removed teammate" or "by API". */
  createdBy: string;
  /** Judged by the server's clock when the list was read. */
  status: KeyStatus;
  lastUsedAt?: string;
  expiresAt?: string;
  /** The key this one replaced by a roll, while both exist. */
  rolledFromId?: string;
  /** The replacement made when this key was rolled, while both exist. */
  rolledToId?: string;
  /** No use in 30 days, and older than that (lib/usage/series.ts, isUnused). */
  unused?: true;
  /** The last 24 hours, drawn (lib/usage/sparkline.ts); none without use. */
  usage24h?: SparklineBarsDTO;
}

export interface KeyPermissionsDTO {
  /** For the edit form. */
  scopes: string[];
  /** "Full Access", "Restricted · 5 categories": said by the server, so the page needs no scope catalog. */
  summary: string;
}

export interface ApiKeyListWithUsage extends Omit<ApiKeyList, "keys"> {
  keys: ApiKeyRowDTO[];
}

/**
 * The API Keys page's list with each key's last 24 hours: one query for every listed key (at 100
 * keys, at most 2,400 rows, read by the primary key's prefix), never one per key. Counts are
 * flushed every second, so the current hour may lag by that much.
 */
export async function listApiKeysWithUsage(ctx: DataContext, now: Date = new Date()): Promise<DataResult<ApiKeyListWithUsage>> {
  const listed = await listApiKeys(ctx, now);
  if (!listed.ok) return listed;
  return catchFailure(async () => {
    const keys = listed.data.keys;
    const rows =
      keys.length === 0
        ? []
        : await ctx.db.apiKeyUsage.findMany({
            where: { apiKeyId: { in: keys.map((key) => key.id) }, hourStart: { gte: hourlySeriesSince(now) } },
            select: { apiKeyId: true, hourStart: true, requests: true, messages: true },
          });
    const byKey = new Map<string, typeof rows>();
    for (const row of rows) {
      const list = byKey.get(row.apiKeyId);
      if (list) list.push(row);
      else byKey.set(row.apiKeyId, [row]);
    }
    // listApiKeys shares one scopes array per scope set: so do the rows' permissions.
    const permissions = new Map<string[], KeyPermissionsDTO>();
    const permissionsOf = (key: ApiKeyListItemDTO) => {
      let shared = permissions.get(key.scopes);
      if (!shared) permissions.set(key.scopes, (shared = { scopes: key.scopes, summary: key.permissionSummary }));
      return shared;
    };
    return ok({
      ...listed.data,
      keys: keys.map((key) => {
        const row: ApiKeyRowDTO = {
          id: key.id,
          name: key.name,
          type: key.type,
          permissions: permissionsOf(key),
          createdAt: key.createdAt,
          createdBy: createdByText(key.createdBy),
          status: key.status,
        };
        if (key.lastUsedAt) row.lastUsedAt = key.lastUsedAt;
        if (key.expiresAt) row.expiresAt = key.expiresAt;
        if (key.rolledFromId) row.rolledFromId = key.rolledFromId;
        if (key.rolledToId) row.rolledToId = key.rolledToId;
        if (isUnused(key, now)) row.unused = true;
        const usage = sparklineBars(hourlySparkline(byKey.get(key.id) ?? [], now));
        if (usage) row.usage24h = usage;
        return row;
      }),
    });
  });
}

function createdByText(creator: CreatorDTO): string {
  return !creator ? "by API" : creator.removed ? "by removed teammate" : `by ${creator.name}`;
}

export interface ApiKeyUsageDTO {
  /** The last 7 UTC days, oldest first, today last. */
  days: UsagePoint[];
  unused: boolean;
}

/** A key's own page: its last 7 days. Whoever may see the key may see its usage. */
export async function getApiKeyUsage(ctx: DataContext, keyId: string, now: Date = new Date()): Promise<DataResult<ApiKeyUsageDTO>> {
  return catchFailure(async () => {
    const actor = await requireScope(ctx, "apiKeys.read");
    const key = await findKeyRow(ctx, keyId, actor);
    const rows = await ctx.db.apiKeyUsage.findMany({
      where: { apiKeyId: key.id, hourStart: { gte: dailySeriesSince(now) } },
      select: { hourStart: true, requests: true, messages: true },
    });
    return ok({ days: dailySeries(rows, now), unused: isUnused(key, now) });
  });
}
