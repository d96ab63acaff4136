"use server";

import { revalidatePath } from "next/cache";
import { createInvite, revokeInvite, type InviteDTO } from "@/lib/data/invites";
import { fail, invalidForm, ok, type DataResult } from "@/lib/data/result";
import { getActionContext, getViewer } from "@/lib/data/session";
import { isOutgoingMailConfigured } from "@/lib/outgoing-mail/config";
import { invitationMessage } from "@/lib/outgoing-mail/messages";
import { sendOutgoingMail } from "@/lib/outgoing-mail/send";
import { removeTeammate, updateTeammate } from "@/lib/data/teammates";
import { scopesForRole } from "@/lib/permissions/roles";
import { INVITE_VALID_DAYS, inviteFormSchema, teammateFormSchema, teammateIdSchema } from "@/lib/validation/teammate";

// Every action is its own entry point: it signs in the caller again and lets lib/data decide
// what they may do. Arguments (ids included) are untrusted input. The first names the account
// the page was rendered for: an action is refused once another tab has switched account.

/**
 * With SMTP_URL set the link is mailed to the invitee and never reaches the inviter's browser;
 * without it the token comes back once, for the inviter to pass on.
 */
export type InviteOutcome = { invite: InviteDTO; mailed: true } | { invite: InviteDTO; mailed: false; token: string };

export async function inviteTeammateAction(accountId: unknown, input: unknown): Promise<DataResult<InviteOutcome>> {
  const session = await getActionContext(accountId);
  if (!session.ok) return session;
  const ctx = session.data;
  const form = inviteFormSchema.safeParse(input);
  if (!form.success) return invalidForm(form.error.issues);
  const { email, role, includeBilling, levels } = form.data;
  const result = await createInvite(ctx, { email, role, scopes: scopesForRole({ role, includeBilling, levels }) });
  if (!result.ok) return result;
  revalidatePath("/settings/teammates");
  const { token, invite } = result.data;
  if (!isOutgoingMailConfigured()) return ok({ invite, mailed: false, token });
  const viewer = await getViewer();
  const accountName = viewer?.accounts.find((account) => account.id === ctx.accountId)?.name ?? "an account";
  try {
    await sendOutgoingMail(invitationMessage({ to: invite.email, token, accountName, inviterName: viewer?.user.name ?? "A teammate", validDays: INVITE_VALID_DAYS }));
  } catch (error) {
    console.error("[mail] invitation not sent:", error instanceof Error ? error.message : "unknown error");
    // Inviting again replaces this invitation, so a retry leaves one working link.
    return fail("invalid", `The invitation could not be mailed to ${invite.email}. Try again, or ask an administrator to check outgoing mail.`);
  }
  return ok({ invite, mailed: true });
}

export async function updateTeammateAction(accountId: unknown, userId: unknown, input: unknown): Promise<DataResult<{ userId: string }>> {
  const session = await getActionContext(accountId);
  if (!session.ok) return session;
  const ctx = session.data;
  const id = teammateIdSchema.safeParse(userId);
  if (!id.success) return fail("not_found", "Teammate not found");
  const form = teammateFormSchema.safeParse(input);
  if (!form.success) return invalidForm(form.error.issues);
  const result = await updateTeammate(ctx, id.data, { choice: form.data });
  if (result.ok) revalidatePath("/settings/teammates");
  return result;
}

export async function removeTeammateAction(accountId: unknown, userId: unknown): Promise<DataResult<{ userId: string }>> {
  const session = await getActionContext(accountId);
  if (!session.ok) return session;
  const ctx = session.data;
  const id = teammateIdSchema.safeParse(userId);
  if (!id.success) return fail("not_found", "Teammate not found");
  const result = await removeTeammate(ctx, id.data);
  if (result.ok) revalidatePath("/settings/teammates");
  return result;
}

export async function revokeInviteAction(accountId: unknown, inviteId: unknown): Promise<DataResult<{ id: string }>> {
  const session = await getActionContext(accountId);
  if (!session.ok) return session;
  const ctx = session.data;
  const id = teammateIdSchema.safeParse(inviteId);
  if (!id.success) return fail("not_found", "Invitation not found");
  const result = await revokeInvite(ctx, id.data);
  if (result.ok) revalidatePath("/settings/teammates");
  return result;
}

