import "server-only";
import { billingEmailSchema } from "@/lib/validation/billing";
import { reauthorize, requireScope } from "./access";
import { recordAuditEvent } from "./audit";
import type { DataContext } from "./context";
import { catchFailure, fail, ok, type DataResult } from "./result";

export interface BillingProfileDTO {
  plan: string;
  billingEmail: string | null;
}

const profileSelect = { plan: true, billingEmail: true } as const;

export async function getBillingProfile(ctx: DataContext): Promise<DataResult<BillingProfileDTO>> {
  return catchFailure(async () => {
    await requireScope(ctx, "billingProfile.read");
    const account = await ctx.db.account.findUniqueOrThrow({ where: { id: ctx.accountId }, select: profileSelect });
    return ok(account);
  });
}

export async function updateBillingProfile(
  ctx: DataContext,
  input: { billingEmail: unknown },
): Promise<DataResult<BillingProfileDTO>> {
  return catchFailure(async () => {
    const email = billingEmailSchema.safeParse(input.billingEmail);
    if (!email.success) {
      const message = email.error.issues[0]?.message ?? "Enter a valid e-mail address";
      return fail("invalid", message, { billingEmail: [message] });
    }
    await requireScope(ctx, "billingProfile.update");
    return ctx.db.$transaction(async (tx) => {
      const actor = await reauthorize(tx, ctx, "billingProfile.update");
      const before = await tx.account.findUniqueOrThrow({ where: { id: ctx.accountId }, select: profileSelect });
      const after = await tx.account.update({
        where: { id: ctx.accountId },
        data: { billingEmail: email.data },
        select: profileSelect,
      });
      await recordAuditEvent(tx, actor, {
        action: "billing.updated",
        targetType: "account",
        targetName: "Billing profile",
        details: { billingEmail: { from: before.billingEmail, to: after.billingEmail } },
      });
      return ok(after);
    });
  });
}
