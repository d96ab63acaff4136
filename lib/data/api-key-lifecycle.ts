import "server-only";
import { z } from "zod";
import { keyStatus, rolledExpiry, rollGraces, type RollGrace } from "@/lib/keys/expiry";
import { systemScopes } from "@/lib/permissions/catalog";
import { API_KEY_LIMIT } from "@/lib/validation/api-key";
import { reauthorize, requireScope } from "./access";
import { apiKeySelect, toApiKeyDTO, type ApiKeyDTO } from "./api-key-dto";
import { findKeyRow } from "./internal/visible-keys";
import type { CreatedApiKey } from "./api-key-writes";
import { assignableScopes, EXPIRED_KEY_MESSAGE } from "./api-key-writes";
import { recordAuditEvent } from "./audit";
import type { DataContext } from "./context";
import { insertKeyRow } from "./key-rows";
import { catchFailure, DataFailure, fail, messages, ok, type DataResult } from "./result";
import { parseScopes } from "./scopes-column";

export const lifecycleMessages = {
  expired: EXPIRED_KEY_MESSAGE,
} as const;

export const rollGraceSchema = z.enum(Object.keys(rollGraces) as [RollGrace, ...RollGrace[]]);

/**
 * Disables or enables a key. A disabled key is refused by the /v3 lookup from its next request;
 * an expired key stays expired whatever is asked here (it is never revived).
 */
export async function setApiKeyDisabled(
  ctx: DataContext,
  keyId: string,
  disabled: boolean,
  now: Date = new Date(),
): Promise<DataResult<ApiKeyDTO>> {
  return catchFailure(async () => {
    const actor = await requireScope(ctx, "apiKeys.disable");
    const current = await findKeyRow(ctx, keyId, actor);
    if (keyStatus(current, now) === "expired") return fail("invalid", lifecycleMessages.expired);
    if ((current.disabledAt !== null) === disabled) return ok(toApiKeyDTO(current));
    const row = await ctx.db.$transaction(async (tx) => {
      const editor = await reauthorize(tx, ctx, "apiKeys.disable");
      // Raw disabledAt guard: a concurrent toggle or delete between the read and here changes nothing.
      const { count } = await tx.apiKey.updateMany({
        where: { id: current.id, accountId: ctx.accountId, disabledAt: disabled ? null : { not: null } },
        data: { disabledAt: disabled ? now : null },
      });
      if (count === 0) throw new DataFailure(fail("not_found", messages.notFound));
      await recordAuditEvent(tx, editor, {
        action: disabled ? "key.disabled" : "key.enabled",
        targetKeyId: current.id,
        targetName: current.name,
        details: { type: current.type },
      });
      return tx.apiKey.findFirstOrThrow({ where: { id: current.id }, select: apiKeySelect });
    });
    return ok(toApiKeyDTO(row));
  });
}

export interface RolledApiKey extends CreatedApiKey {
  /** The old key, now expiring at the chosen time. */
  previous: ApiKeyDTO;
}

/**
 * Rolls a key: a replacement with the same name, type and scopes (new id and secret, returned
 * once), and the old key set to expire after the grace, so programs can switch without
 * downtime. Both writes, the counter and the audit entry commit together.
 */
export async function rollApiKey(
  ctx: DataContext,
  keyId: string,
  grace: RollGrace,
  now: Date = new Date(),
): Promise<DataResult<RolledApiKey>> {
  return catchFailure(async () => {
    const parsedGrace = rollGraceSchema.safeParse(grace);
    if (!parsedGrace.success) return fail("invalid", "Choose when the old key expires", { grace: ["Choose when the old key expires"] });
    // A roll also cuts the old key's life short: the policy asks for create and update.
    const actor = await requireScope(ctx, "apiKeys.roll");
    const old = await findKeyRow(ctx, keyId, actor);
    if (keyStatus(old, now) === "expired") return fail("invalid", lifecycleMessages.expired);
    const type = old.type === "billing" ? "billing" : "general";
    const held = parseScopes(old.scopes);
    // The replacement may not hold more than the person rolling it could grant; system scopes
    // are the platform's and carry over as they are.
    const granted = assignableScopes(actor, type, held.filter((scope) => !systemScopes.includes(scope)));
    const scopes = [...granted, ...held.filter((scope) => systemScopes.includes(scope))];
    const expiresAt = rolledExpiry(old.expiresAt, parsedGrace.data, now);

    const [created, previous] = await ctx.db.$transaction(async (tx) => {
      const replacement = await insertKeyRow(
        tx,
        ctx.accountId,
        {
          name: old.name,
          type,
          scopes,
          createdById: actor.principal.kind === "user" ? actor.principal.userId : null,
          // A key made to expire keeps the lifetime it was given, counted from the roll.
          expiresAt: old.expiresAt ? new Date(now.getTime() + (old.expiresAt.getTime() - old.createdAt.getTime())) : null,
          rolledFromId: old.id,
        },
        { limit: API_KEY_LIMIT },
      );
      if (!replacement) throw new DataFailure(fail("limit", messages.limit));
      // The increment locked the account row: the roller's standing is read again under it, and
      // a refusal (or the old key changed or deleted meanwhile) rolls the insert back.
      const roller = await reauthorize(tx, ctx, "apiKeys.roll", { locked: true });
      assignableScopes(roller, type, granted);
      const expired = await tx.apiKey.updateMany({
        where: { id: old.id, accountId: ctx.accountId, updatedAt: old.updatedAt },
        data: { expiresAt },
      });
      if (expired.count === 0) throw new DataFailure(fail("not_found", messages.notFound));
      const id = replacement.row.id;
      await recordAuditEvent(tx, roller, {
        action: "key.created",
        targetKeyId: id,
        targetName: old.name,
        details: { type, scopes, rolledFromId: old.id },
      });
      await recordAuditEvent(tx, roller, {
        action: "key.rolled",
        targetKeyId: old.id,
        targetName: old.name,
        details: { type, replacementId: id, oldKeyExpiresAt: expiresAt.toISOString() },
      });
      const updated = await tx.apiKey.findFirstOrThrow({ where: { id: old.id }, select: apiKeySelect });
      return [replacement, updated] as const;
    });
    return ok({ key: created.key, apiKey: toApiKeyDTO(created.row), previous: toApiKeyDTO(previous) });
  });
}
