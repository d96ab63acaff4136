"use server";

import { cookies } from "next/headers";
import { fail, messages, ok, type DataResult } from "@/lib/data/result";
import { ACCOUNT_COOKIE, getViewer } from "@/lib/data/session";

// The cookie is only a preference: getViewer checks it against the user's memberships on every
// request. Checking here too keeps a forged id from even being stored.
export async function switchAccountAction(accountId: unknown): Promise<DataResult<{ accountId: string }>> {
  const viewer = await getViewer();
  if (!viewer) return fail("unauthenticated", messages.unauthenticated);
  const account = viewer.accounts.find((a) => a.id === accountId);
  if (!account) return fail("not_found", "Account not found");
  (await cookies()).set(ACCOUNT_COOKIE, account.id, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.NODE_ENV === "production" && process.env.AUTH_URL?.startsWith("https:") === true,
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
  return ok({ accountId: account.id });
}
