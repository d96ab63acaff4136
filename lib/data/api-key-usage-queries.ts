import "server-only";
import { requireScope } from "./access";
import { listApiKeys, type ApiKeyList, type ApiKeyListItemDTO } from "./api-keys";
import { findKeyRow } from "./internal/visible-keys";
import type { DataContext } from "./context";
import { catchFailure, ok, type DataResult } from "./result";
import { dailySeries, dailySeriesSince, hourlySeriesSince, hourlySparkline, isUnused, type SparklineDTO, type UsagePoint } from "@/lib/usage/series";

export interface ApiKeyListItemWithUsageDTO extends ApiKeyListItemDTO {
  /** The last 24 hours: totals, and per hour (oldest first) as bare numbers, small in the payload. */
  usage24h: SparklineDTO;
  /** No use in 30 days, and older than that (lib/usage/series.ts, isUnused). */
  unused: boolean;
}

export interface ApiKeyListWithUsage extends ApiKeyList {
  keys: ApiKeyListItemWithUsageDTO[];
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
    return ok({
      ...listed.data,
      keys: keys.map((key) => ({ ...key, usage24h: hourlySparkline(byKey.get(key.id) ?? [], now), unused: isUnused(key, now) })),
    });
  });
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
