import { createApiKey, updateApiKey } from "@/lib/data/api-key-writes";
import { deleteApiKey, getApiKey, listApiKeys } from "@/lib/data/api-keys";
import { isApiKeyId } from "@/lib/keys/parse";
import { allGeneralScopes } from "@/lib/permissions/catalog";
import { keyTypeOfScopes } from "@/lib/permissions/rules";
import { failureResponse, MISSING_ARGUMENT, UNASSIGNABLE_SCOPES } from "./data-failures";
import { apiError, errors, json, type ApiResponse } from "./responses";
import type { RouteHandler, RouteInput } from "./route-handler";

// GET /v3/api_keys?limit=N → {"result":[{"name","api_key_id"}]}: never a secret.
export const listKeysRoute: RouteHandler = async ({ ctx, query }) => {
  const limit = parseLimit(query.get("limit"));
  if (limit === "invalid") return apiError(400, "limit must be a positive integer", "limit");
  const result = await listApiKeys(ctx);
  if (!result.ok) return failureResponse(result);
  const keys = limit === null ? result.data.keys : result.data.keys.slice(0, limit);
  return json(200, { result: keys.map((key) => ({ name: key.name, api_key_id: key.id })) });
};

// POST /v3/api_keys {"name","scopes"?}: without scopes, the calling key's own general scopes.
export const createKeyRoute: RouteHandler = async ({ ctx, caller, body }) => {
  const missing = requireName(body);
  if (missing) return missing;
  const scopes = body.scopes === undefined ? caller.scopes.filter((scope) => allGeneralScopes.includes(scope)) : body.scopes;
  if (!isStringArray(scopes)) return apiError(400, UNASSIGNABLE_SCOPES, "scopes");
  const type = keyTypeOfScopes(scopes) === "billing" ? "billing" : "general";
  const result = await createApiKey(ctx, { name: body.name as string, type, scopes });
  if (!result.ok) return failureResponse(result);
  const { key, apiKey } = result.data;
  return json(201, { api_key: key, api_key_id: apiKey.id, name: apiKey.name, scopes: apiKey.scopes });
};

// GET /v3/api_keys/{id} → a plain {api_key_id, name, scopes}, as the live service answers.
export const getKeyRoute: RouteHandler = async ({ ctx, params }) => {
  const id = keyIdParam(params);
  if (!id) return errors.notFound();
  const result = await getApiKey(ctx, id);
  if (!result.ok) return failureResponse(result);
  return json(200, { api_key_id: result.data.id, name: result.data.name, scopes: result.data.scopes });
};

// PATCH /v3/api_keys/{id} {"name"} → {api_key_id, name}.
export const renameKeyRoute: RouteHandler = async (input) => {
  const missing = requireName(input.body);
  if (missing) return missing;
  return update(input, undefined, (key) => ({ api_key_id: key.id, name: key.name }));
};

// PUT /v3/api_keys/{id} {"name","scopes"} → replaces the scopes (system scopes are kept).
export const replaceKeyRoute: RouteHandler = async (input) => {
  const missing = requireName(input.body);
  if (missing) return missing;
  const { scopes } = input.body;
  if (scopes === undefined) return apiError(400, MISSING_ARGUMENT, "scopes");
  if (!isStringArray(scopes)) return apiError(400, UNASSIGNABLE_SCOPES, "scopes");
  return update(input, { scopes }, (key) => ({ api_key_id: key.id, name: key.name, scopes: key.scopes }));
};

// DELETE /v3/api_keys/{id} → 204.
export const deleteKeyRoute: RouteHandler = async ({ ctx, params }) => {
  const id = keyIdParam(params);
  if (!id) return errors.notFound();
  const result = await deleteApiKey(ctx, id);
  return result.ok ? { status: 204 } : failureResponse(result);
};

async function update(
  { ctx, params, body }: RouteInput,
  permissions: { scopes: string[] } | undefined,
  shape: (key: { id: string; name: string; scopes: string[] }) => unknown,
): Promise<ApiResponse> {
  const id = keyIdParam(params);
  if (!id) return errors.notFound();
  const result = await updateApiKey(ctx, id, { name: body.name as string, permissions });
  return result.ok ? json(200, shape(result.data)) : failureResponse(result);
}

function requireName(body: Record<string, unknown>): ApiResponse | null {
  if (body.name === undefined || body.name === null) return apiError(400, MISSING_ARGUMENT, "name");
  if (typeof body.name !== "string") return apiError(400, "name must be a string", "name");
  return null;
}

function keyIdParam(params: Record<string, string>): string | null {
  const raw = params.id ?? "";
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return null;
  }
  // A malformed id cannot name a key: answer "not found" without a query.
  return isApiKeyId(id) ? id : null;
}

function parseLimit(value: string | null): number | null | "invalid" {
  if (value === null) return null;
  if (!/^\d{1,6}$/.test(value)) return "invalid";
  const limit = Number(value);
  return limit >= 1 ? limit : "invalid";
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= 1000 && value.every((item) => typeof item === "string");
}
