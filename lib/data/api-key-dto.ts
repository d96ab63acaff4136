import type { KeyType } from "@/lib/permissions/catalog";
import { parseScopes } from "./scopes-column";

// The one shape a key leaves lib/data in. It never carries the secret's hash.
export interface ApiKeyDTO {
  id: string;
  name: string;
  type: KeyType;
  scopes: string[];
  createdAt: string;
  updatedAt: string;
  lastUsedAt: string | null;
  /** Null: never expires. */
  expiresAt: string | null;
  disabledAt: string | null;
  /** The key this one replaced by a roll (it may since have been deleted). */
  rolledFromId: string | null;
}

export const apiKeySelect = {
  id: true,
  name: true,
  type: true,
  scopes: true,
  createdAt: true,
  updatedAt: true,
  lastUsedAt: true,
  expiresAt: true,
  disabledAt: true,
  rolledFromId: true,
} as const;

interface ApiKeyRow {
  id: string;
  name: string;
  type: string;
  scopes: string;
  createdAt: Date;
  updatedAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  disabledAt: Date | null;
  rolledFromId: string | null;
}

export function toApiKeyDTO(row: ApiKeyRow): ApiKeyDTO {
  return {
    id: row.id,
    name: row.name,
    type: row.type === "billing" ? "billing" : "general",
    scopes: parseScopes(row.scopes),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    rolledFromId: row.rolledFromId,
  };
}
