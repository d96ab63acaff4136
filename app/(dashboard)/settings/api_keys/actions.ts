"use server";

import { revalidatePath } from "next/cache";
import { rollApiKey, rollGraceSchema, setApiKeyDisabled, type RolledApiKey } from "@/lib/data/api-key-lifecycle";
import { createApiKey, updateApiKey, type CreatedApiKey } from "@/lib/data/api-key-writes";
import type { ApiKeyDTO } from "@/lib/data/api-key-dto";
import { deleteApiKey } from "@/lib/data/api-keys";
import { fail, invalidForm, messages, type DataResult } from "@/lib/data/result";
import { getActionContext } from "@/lib/data/session";
import { expiryFromChoice } from "@/lib/keys/expiry";
import { allGeneralScopes } from "@/lib/permissions/catalog";
import { scopesFromLevels } from "@/lib/permissions/levels";
import { apiKeyFormSchema, apiKeyIdSchema } from "@/lib/validation/api-key";

// Every action is its own entry point: it signs in the caller again and lets lib/data decide
// what they may do. Arguments (the key id included) are untrusted input. The first names the
// account the page was rendered for: an action is refused once another tab has switched account.

export async function createApiKeyAction(accountId: unknown, input: unknown): Promise<DataResult<CreatedApiKey>> {
  const session = await getActionContext(accountId);
  if (!session.ok) return session;
  const ctx = session.data;
  const form = apiKeyFormSchema.safeParse(input);
  if (!form.success) return invalidForm(form.error.issues);
  const { name, type, access, levels, expiry = "never", expiryDate } = form.data;
  const scopes = type === "general" && access === "full" ? [...allGeneralScopes] : scopesFromLevels(type, levels);
  const now = new Date();
  const expiresAt = expiryFromChoice(expiry, expiryDate, now);
  if (expiresAt && Number.isNaN(expiresAt.getTime())) return fail("invalid", INVALID_DATE, { expiryDate: [INVALID_DATE] });
  const result = await createApiKey(ctx, { name, type, scopes, expiresAt }, now);
  if (result.ok) revalidatePath("/settings/api_keys");
  return result;
}

export async function updateApiKeyAction(accountId: unknown, keyId: unknown, input: unknown): Promise<DataResult<ApiKeyDTO>> {
  const session = await getActionContext(accountId);
  if (!session.ok) return session;
  const ctx = session.data;
  const id = apiKeyIdSchema.safeParse(keyId);
  if (!id.success) return fail("not_found", messages.notFound);
  const form = apiKeyFormSchema.safeParse(input);
  if (!form.success) return invalidForm(form.error.issues);
  const { name, type, access, levels } = form.data;
  const permissions = type === "general" && access === "full" ? { scopes: allGeneralScopes } : { levels };
  const result = await updateApiKey(ctx, id.data, { name, permissions });
  if (result.ok) revalidatePath("/settings/api_keys");
  return result;
}

export async function deleteApiKeyAction(accountId: unknown, keyId: unknown): Promise<DataResult<{ id: string }>> {
  const session = await getActionContext(accountId);
  if (!session.ok) return session;
  const ctx = session.data;
  const id = apiKeyIdSchema.safeParse(keyId);
  if (!id.success) return fail("not_found", messages.notFound);
  const result = await deleteApiKey(ctx, id.data);
  if (result.ok) revalidatePath("/settings/api_keys");
  return result;
}

export async function setApiKeyDisabledAction(accountId: unknown, keyId: unknown, disabled: unknown): Promise<DataResult<ApiKeyDTO>> {
  const session = await getActionContext(accountId);
  if (!session.ok) return session;
  const id = apiKeyIdSchema.safeParse(keyId);
  if (!id.success) return fail("not_found", messages.notFound);
  if (typeof disabled !== "boolean") return fail("invalid", "Choose Disable or Enable");
  const result = await setApiKeyDisabled(session.data, id.data, disabled);
  if (result.ok) revalidatePath("/settings/api_keys");
  return result;
}

export async function rollApiKeyAction(accountId: unknown, keyId: unknown, grace: unknown): Promise<DataResult<RolledApiKey>> {
  const session = await getActionContext(accountId);
  if (!session.ok) return session;
  const id = apiKeyIdSchema.safeParse(keyId);
  if (!id.success) return fail("not_found", messages.notFound);
  const chosen = rollGraceSchema.safeParse(grace);
  if (!chosen.success) return fail("invalid", "Choose when the old key expires", { grace: ["Choose when the old key expires"] });
  const result = await rollApiKey(session.data, id.data, chosen.data);
  if (result.ok) revalidatePath("/settings/api_keys");
  return result;
}

const INVALID_DATE = "Enter a real date, as YYYY-MM-DD";

