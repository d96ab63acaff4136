import "server-only";
import { ownerScopes } from "@/lib/permissions/rules";
import type { DataContext, Principal } from "./context";
import { DataFailure, fail } from "./result";
import { parseScopes } from "./scopes-column";

export interface Actor {
  principal: Principal;
  accountId: string;
  role: "owner" | "teammate" | "key";
  scopes: ReadonlySet<string>;
}

// Reads the caller's standing in the account from the database. A caller with no standing
// there (not a member, removed, a key of another account) gets null, which callers turn into
// "not found" so that nothing reveals the account exists.
export async function loadActor({ db, principal, accountId }: DataContext): Promise<Actor | null> {
  if (principal.kind === "user") {
    const membership = await db.membership.findUnique({
      where: { userId_accountId: { userId: principal.userId, accountId } },
      select: { role: true, scopes: true },
    });
    if (!membership) return null;
    const owner = membership.role === "owner";
    return {
      principal,
      accountId,
      role: owner ? "owner" : "teammate",
      scopes: new Set(owner ? ownerScopes() : parseScopes(membership.scopes)),
    };
  }
  const key = await db.apiKey.findFirst({
    where: { id: principal.keyId, accountId },
    select: { scopes: true },
  });
  if (!key) return null;
  return { principal, accountId, role: "key", scopes: new Set(parseScopes(key.scopes)) };
}

// Loads the actor and checks one scope; throws a DataFailure (caught by catchFailure) otherwise.
export async function requireScope(ctx: DataContext, scope: string, denial: string): Promise<Actor> {
  const actor = await loadActor(ctx);
  if (!actor) throw new DataFailure(fail("not_found", "Account not found"));
  if (!actor.scopes.has(scope)) throw new DataFailure(fail("forbidden", denial));
  return actor;
}

export function actorFields(actor: Actor): { actorUserId: string | null; actorKeyId: string | null } {
  return actor.principal.kind === "user"
    ? { actorUserId: actor.principal.userId, actorKeyId: null }
    : { actorUserId: null, actorKeyId: actor.principal.keyId };
}
