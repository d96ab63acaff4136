import "server-only";
import { pageAbilities } from "@/lib/permissions/policy";
import { requireActor, type MemberRole } from "./access";
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
    return ok({
      role: actor.role,
      pages: { ...pageAbilities("nav", actor.scopes), auditLog: visibleAuditActions(actor).length > 0 },
    });
  });
}
