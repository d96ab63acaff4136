import "server-only";
import type { DataContext } from "./context";
import { DataFailure, fail } from "./result";

// Support staff are not members of the accounts they review: the flag is on the user, read from
// the database on every call (the policy's "support" audience, support.review), and every review
// is written to the reviewed account's audit log. The readers of a reviewed account's sections
// (support.ts, audit-log.ts, email-activity.ts) decide through this module; it imports none of them.
export type SupportContext = DataContext<"person">;

export type ReviewSection = "api_keys" | "audit_log" | "email_activity";

// A review starts with a POST (startSupportReview), which writes support.viewed to the account's
// log; for a while after, the section can be read (and paged through) without writing again.
// A GET never writes: a link on another site cannot fill an account's log.
export const REVIEW_WINDOW_MS = 30 * 60_000;

const notStaff = "Only Keyward support staff can do this";

/** The support staff member, or "forbidden" (a DataFailure, caught by catchFailure). */
export async function requireSupportStaff(sctx: SupportContext): Promise<{ id: string; name: string }> {
  const user = await sctx.db.user.findUnique({ where: { id: sctx.userId }, select: { id: true, name: true, isSupportStaff: true } });
  if (!user?.isSupportStaff) throw new DataFailure(fail("forbidden", notStaff));
  return user;
}

/**
 * Whether this support staff member may read the section of the account now: "forbidden" for
 * anyone else, and false until they started a review of it (their own support.viewed) within
 * REVIEW_WINDOW_MS.
 */
export async function supportReviewOpen(sctx: SupportContext, accountId: string, section: ReviewSection, now: Date): Promise<boolean> {
  await requireSupportStaff(sctx);
  const recent = await sctx.db.auditEvent.findMany({
    where: { accountId, actorUserId: sctx.userId, action: "support.viewed", createdAt: { gte: new Date(now.getTime() - REVIEW_WINDOW_MS) } },
    select: { details: true },
  });
  return recent.some((event) => event.details !== null && (JSON.parse(event.details) as { section?: unknown }).section === section);
}
