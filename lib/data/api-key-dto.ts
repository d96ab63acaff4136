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
}

export const apiKeySelect = {
  id: true,
  name: true,
  type: true,
  scopes: true,
  createdAt: true,
  updatedAt: true,
} as const;

interface ApiKeyRow {
  id: string;
  name: string;
  type: string;
  scopes: string;
  createdAt: Date;
  updatedAt: Date;
}

export function toApiKeyDTO(row: ApiKeyRow): ApiKeyDTO {
  return {
    id: row.id,
    name: row.name,
    type: row.type === "billing" ? "billing" : "general",
    scopes: parseScopes(row.scopes),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
