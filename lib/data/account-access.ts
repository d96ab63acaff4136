import "server-only";
import { requireActor, seesBilling, type MemberRole } from "./access";
import { visibleAuditActions } from "./audit-log";
import type { DataContext } from "./context";
import { catchFailure, ok, type DataResult } from "./result";

/** Which settings pages the caller may open in the current account: drives the navigation. */
export interface AccountAccessDTO {
  role: MemberRole | "key";
  pages: { apiKeys: boolean; teammates: boolean; auditLog: boolean; billing: boolean; emailActivity: boolean };
}

export async function getAccountAccess(ctx: DataContext): Promise<DataResult<AccountAccessDTO>> {
  return catchFailure(async () => {
    const actor = await requireActor(ctx);
    const has = (scope: string) => actor.scopes.has(scope);
    return ok({
      role: actor.role,
      pages: {
        apiKeys: has("api_keys.read"),
        teammates: has("teammates.read"),
        auditLog: visibleAuditActions(actor).length > 0,
        billing: seesBilling(actor),
        emailActivity: has("email_activity.read"),
      },
    });
  });
}
