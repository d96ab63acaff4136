"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { Failure } from "@/lib/data/result";
import { fail, messages } from "@/lib/data/result";
import { getSupportContext } from "@/lib/data/session";
import { startSupportReview } from "@/lib/data/support";

const startReviewSchema = z.object({
  accountId: z.string().min(1).max(64),
  section: z.enum(["api_keys", "audit_log", "email_activity"]),
});

const pathOf = { api_keys: "", audit_log: "/audit_log", email_activity: "/email_activity" } as const;

// The only way a review starts, and so the only place support.viewed is written: a POST from the
// review page's button, which a link on another site cannot make (server actions also check the
// request's Origin). Bound values are untrusted input.
export async function startReviewAction(accountId: unknown, section: unknown): Promise<Failure> {
  const sctx = await getSupportContext();
  if (!sctx) return fail("unauthenticated", messages.unauthenticated);
  const input = startReviewSchema.safeParse({ accountId, section });
  if (!input.success) return fail("not_found", "Account not found");
  const result = await startSupportReview(sctx, input.data.accountId, input.data.section);
  if (!result.ok) return result;
  redirect(`/support/accounts/${encodeURIComponent(result.data.accountId)}${pathOf[input.data.section]}`);
}
