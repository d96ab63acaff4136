import "server-only";
import { seesBilling, type Actor } from "../access";
import { apiKeySelect } from "../api-key-dto";
import type { DataContext } from "../context";
import { DataFailure, fail, messages } from "../result";
import { apiKeyIdSchema } from "@/lib/validation/api-key";

// lib/data/internal: helpers that trust the actor their caller passes, because the caller has
// decided already (requireScope or reauthorize). Only lib/data imports them; entry-points.test.ts
// fails when a module outside lib/data imports one, or a public lib/data function takes an actor.

/** Billing keys are not there at all for an actor without a billing scope. */
export function visibleKeysWhere(actor: Actor) {
  return { accountId: actor.accountId, ...(seesBilling(actor) ? {} : { type: "general" }) };
}

/**
 * The key as this actor may see it, or "not found": another account's key, and a billing key for
 * an actor without billing scopes, are simply not there. The actor is the one the caller's
 * decider returned (requireScope), so the billing rule cannot be skipped.
 */
export async function findKeyRow(ctx: DataContext, keyId: string, actor: Actor) {
  const id = apiKeyIdSchema.safeParse(keyId);
  const row = id.success
    ? await ctx.db.apiKey.findFirst({ where: { id: id.data, ...visibleKeysWhere(actor) }, select: apiKeySelect })
    : null;
  if (!row) throw new DataFailure(fail("not_found", messages.notFound));
  return row;
}
