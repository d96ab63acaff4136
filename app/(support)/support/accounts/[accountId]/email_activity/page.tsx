import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSupportContext } from "@/lib/data/session";
import { reviewAccountEmailActivity } from "@/lib/data/support";
import { ActivityTable } from "@/app/(dashboard)/settings/email_activity/_components/activity-table";
import { ReviewNotStarted } from "../review-not-started";
import { ReviewNav } from "../review-nav";

export const metadata: Metadata = { title: "Support review: email activity" };
// Reads the review's state on every request: never served from a cache.
export const dynamic = "force-dynamic";

const SHOWN = 100;

// Read-only: the newest messages' time, addresses, subject, key, status and size. Message bodies
// stay with the account's members.
export default async function SupportEmailActivityPage({ params }: { params: Promise<{ accountId: string }> }) {
  const sctx = await getSupportContext();
  if (!sctx) redirect("/sign-in?callbackUrl=/support");
  const { accountId } = await params;
  const result = await reviewAccountEmailActivity(sctx, accountId, { pageSize: SHOWN });
  if (!result.ok) return <p className="text-slate-700">{result.message}</p>;
  if (!result.data) return <ReviewNotStarted accountId={accountId} section="email_activity" />;
  const { account, activity } = result.data;
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title" className="text-2xl font-semibold">
        {account.name}
      </h1>
      <ReviewNav accountId={account.id} current="email" />
      <p className="mt-4 text-sm text-slate-600">
        {activity.total <= SHOWN ? `${activity.total} ${activity.total === 1 ? "message" : "messages"} kept.` : `The newest ${SHOWN} of ${activity.total} messages kept.`} Message contents are not shown in a review.
      </p>
      <ActivityTable messages={activity.messages} linkMessages={false} />
    </section>
  );
}
