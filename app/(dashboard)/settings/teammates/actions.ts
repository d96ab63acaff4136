"use server";

import { revalidatePath } from "next/cache";
import { createInvite, revokeInvite, type CreatedInvite } from "@/lib/data/invites";
import { fail, type DataResult } from "@/lib/data/result";
import { getActionContext } from "@/lib/data/session";
import { removeTeammate, updateTeammate } from "@/lib/data/teammates";
import { scopesForRole } from "@/lib/permissions/roles";
import { inviteFormSchema, teammateFormSchema, teammateIdSchema } from "@/lib/validation/teammate";

// Every action is its own entry point: it signs in the caller again and lets lib/data decide
// what they may do. Arguments (ids included) are untrusted input. The first names the account
// the page was rendered for: an action is refused once another tab has switched account.

export async function inviteTeammateAction(accountId: unknown, input: unknown): Promise<DataResult<CreatedInvite>> {
  const session = await getActionContext(accountId);
  if (!session.ok) return session;
  const ctx = session.data;
  const form = inviteFormSchema.safeParse(input);
  if (!form.success) return invalidForm(form.error.issues);
  const { email, role, includeBilling, levels } = form.data;
  const result = await createInvite(ctx, { email, role, scopes: scopesForRole({ role, includeBilling, levels }) });
  if (result.ok) revalidatePath("/settings/teammates");
  return result;
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

function invalidForm(issues: { path: PropertyKey[]; message: string }[]) {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return fail("invalid", issues[0]?.message ?? "Check the form", fieldErrors);
}
