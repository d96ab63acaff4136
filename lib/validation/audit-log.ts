import { z } from "zod";
import { hasNoControlCharacters } from "./text";

export type AuditSearchParams = Record<string, string | string[] | undefined>;

const querySchema = z.object({
  action: z.string().max(64).refine(hasNoControlCharacters).optional().catch(undefined),
  actor: z.string().max(80).refine(hasNoControlCharacters).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

/** The log's filters from a URL: anything malformed is simply ignored. */
export function auditQueryFrom(params: AuditSearchParams): { action?: string; actor?: string; page?: number } {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  return querySchema.parse({ action: first(params.action), actor: first(params.actor), page: first(params.page) });
}
