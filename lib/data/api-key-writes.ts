import "server-only";
import { z } from "zod";
import { keyStatus } from "@/lib/keys/expiry";
import { categoriesFor, offeredLevels, systemScopes, type CategoryLevel, type KeyType } from "@/lib/permissions/catalog";
import { scopesFromLevels } from "@/lib/permissions/levels";
import { checkKeyScopes, isSubset } from "@/lib/permissions/rules";
import { API_KEY_LIMIT, apiKeyNameSchema, keyTypeSchema, scopeListSchema } from "@/lib/validation/api-key";
import { reauthorize, requireScope, type Actor } from "./access";
import { apiKeySelect, toApiKeyDTO, type ApiKeyDTO } from "./api-key-dto";
import { findKeyRow } from "./internal/visible-keys";
import { recordAuditEvent } from "./audit";
import type { DataContext } from "./context";
import { insertKeyRow } from "./key-rows";
import { writeTransaction } from "./transaction";
import { catchFailure, DataFailure, fail, invalidForm, messages, ok, type DataResult } from "./result";
import { parseScopes, serializeScopes } from "./scopes-column";

const createInputSchema = z.object({
  name: apiKeyNameSchema,
  type: keyTypeSchema,
  scopes: scopeListSchema,
  /** Absent or null: the key never expires. */
  expiresAt: z.date().nullable().optional(),
});

const PAST_EXPIRY = "Choose an expiry in the future";

/** An expired key is never revived nor changed: it can only be deleted. */
export const EXPIRED_KEY_MESSAGE = "This API key has expired: it can only be deleted";

export type CreateApiKeyInput = z.input<typeof createInputSchema>;

/** The full key is in this result and nowhere else, ever. */
export interface CreatedApiKey {
  key: string;
  apiKey: ApiKeyDTO;
}

export async function createApiKey(ctx: DataContext, input: CreateApiKeyInput, now: Date = new Date()): Promise<DataResult<CreatedApiKey>> {
  return catchFailure(async () => {
    const parsed = createInputSchema.safeParse(input);
    if (!parsed.success) return invalidForm(parsed.error.issues);
    const { name, type } = parsed.data;
    const expiresAt = parsed.data.expiresAt ?? null;
    if (expiresAt && expiresAt <= now) return fail("invalid", PAST_EXPIRY, { expiresAt: [PAST_EXPIRY] });
    const actor = await requireScope(ctx, "apiKeys.create");
    const scopes = assignableScopes(actor, type, parsed.data.scopes);

    const created = await writeTransaction(ctx.db, async (tx) => {
      // The cap is a conditional increment of the account's counter: concurrent creates queue
      // on that row, and the one that would make it 101 writes nothing.
      const inserted = await insertKeyRow(
        tx,
        ctx.accountId,
        { name, type, scopes, createdById: actor.principal.kind === "user" ? actor.principal.userId : null, expiresAt },
        { limit: API_KEY_LIMIT },
      );
      if (!inserted) throw new DataFailure(fail("limit", messages.limit));
      // That increment locked the account row: the creator's standing is read again under it,
      // and a refusal rolls the insert back.
      const creator = await reauthorize(tx, ctx, "apiKeys.create", { locked: true });
      assignableScopes(creator, type, scopes);
      await recordAuditEvent(tx, creator, {
        action: "key.created",
        targetKeyId: inserted.row.id,
        targetName: name,
        details: { type, scopes, ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) },
      });
      return inserted;
    });
    return ok({ key: created.key, apiKey: toApiKeyDTO(created.row) });
  });
}

/** Either the full new list (the API's PUT) or per-category levels from the page's editor. */
export type PermissionsChange = { scopes: readonly string[] } | { levels: Record<string, CategoryLevel> };

export interface UpdateApiKeyInput {
  name: string;
  permissions?: PermissionsChange;
}

export async function updateApiKey(
  ctx: DataContext,
  keyId: string,
  input: UpdateApiKeyInput,
  now: Date = new Date(),
): Promise<DataResult<ApiKeyDTO>> {
  return catchFailure(async () => {
    const name = apiKeyNameSchema.safeParse(input.name);
    // Every issue of the name belongs to the name field.
    if (!name.success) return invalidForm(name.error.issues.map((issue) => ({ ...issue, path: ["name"] })));
    const actor = await requireScope(ctx, "apiKeys.update");
    const current = await findKeyRow(ctx, keyId, actor);
    // Judged on the version read: the write below only goes through for that same version.
    if (keyStatus(current, now) === "expired") return fail("invalid", EXPIRED_KEY_MESSAGE);
    const type: KeyType = current.type === "billing" ? "billing" : "general";
    const previous = parseScopes(current.scopes);

    let scopes = previous;
    let granted: string[] | null = null;
    if (input.permissions) {
      const requested =
        "levels" in input.permissions
          ? scopesFromLevels(type, offeredLevelsOnly(type, input.permissions.levels), previous)
          : input.permissions.scopes;
      // System scopes are the platform's: never granted here, always kept.
      granted = assignableScopes(actor, type, requested.filter((scope) => !systemScopes.includes(scope)));
      const kept = previous.filter((scope) => systemScopes.includes(scope));
      scopes = [...granted, ...kept];
    }

    const row = await writeTransaction(ctx.db, async (tx) => {
      const editor = await reauthorize(tx, ctx, "apiKeys.update");
      if (granted) assignableScopes(editor, type, granted);
      // `updatedAt` guards against a concurrent edit or delete between the read and this write.
      const { count } = await tx.apiKey.updateMany({
        where: { id: current.id, accountId: ctx.accountId, updatedAt: current.updatedAt },
        data: { name: name.data, scopes: serializeScopes(scopes) },
      });
      if (count === 0) throw new DataFailure(fail("not_found", messages.notFound));
      await recordAuditEvent(tx, editor, {
        action: "key.updated",
        targetKeyId: current.id,
        targetName: name.data,
        details: changeDetails(current.name, name.data, previous, scopes),
      });
      return tx.apiKey.findFirstOrThrow({ where: { id: current.id }, select: apiKeySelect });
    });
    return ok(toApiKeyDTO(row));
  });
}

// The scopes a key of this type may hold, and that this actor may hand out.
export function assignableScopes(actor: Actor, type: KeyType, requested: readonly string[]): string[] {
  const check = checkKeyScopes(type, requested);
  if (!check.ok) {
    if (check.reason === "empty") throw new DataFailure(fail("invalid", messages.noPermission, { scopes: [messages.noPermission] }));
    throw new DataFailure(fail("unassignable", `These permissions cannot be given to a ${type} API key`, { scopes: ["invalid or unassignable scopes were given"] }));
  }
  if (!isSubset(check.scopes, [...actor.scopes])) {
    throw new DataFailure(fail("unassignable", messages.escalation, { scopes: [messages.escalation] }));
  }
  return check.scopes;
}

const LEVEL_NOT_OFFERED = "Choose one of the offered access levels";

// Levels are checked against the stored key's type, not whatever type the client claims: each one
// must be a level its category offers ("custom" keeps what the key holds), and a category the
// key's type does not have can only be "none".
function offeredLevelsOnly(type: KeyType, levels: Record<string, CategoryLevel>): Record<string, CategoryLevel> {
  const categories = new Map(categoriesFor(type).map((category) => [category.id, category]));
  for (const [id, level] of Object.entries(levels)) {
    const category = categories.get(id);
    const allowed: readonly string[] = category ? [...offeredLevels(category), "custom"] : ["none"];
    if (!allowed.includes(level)) throw new DataFailure(fail("invalid", LEVEL_NOT_OFFERED, { levels: [LEVEL_NOT_OFFERED] }));
  }
  return levels;
}

function changeDetails(fromName: string, toName: string, before: string[], after: string[]) {
  const added = after.filter((scope) => !before.includes(scope));
  const removed = before.filter((scope) => !after.includes(scope));
  return {
    ...(fromName !== toName ? { name: { from: fromName, to: toName } } : {}),
    ...(added.length || removed.length ? { scopes: { added, removed } } : {}),
  };
}
