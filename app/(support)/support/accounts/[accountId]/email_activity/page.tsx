import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSupportContext } from "@/lib/data/session";
import { reviewAccountEmailActivity } from "@/lib/data/support";
import { emailActivityQueryFrom, type EmailActivitySearchParams } from "@/lib/validation/email-activity";
import { ActivityFilters } from "@/app/(dashboard)/settings/email_activity/_components/activity-filters";
import { ActivityTable } from "@/app/(dashboard)/settings/email_activity/_components/activity-table";
import { Pagination } from "@/app/(dashboard)/settings/email_activity/_components/pagination";
import { ReviewNotStarted } from "../review-not-started";
import { ReviewNav } from "../review-nav";

export const metadata: Metadata = { title: "Support review: email activity" };
// Reads the review's state on every request: never served from a cache.
export const dynamic = "force-dynamic";

// Read-only: the messages' time, addresses, subject, key, status and size, searched, filtered and
// paged as the account's own page does. A message opens to its envelope and delivery only: its
// contents stay with the account's members.
export default async function SupportEmailActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<EmailActivitySearchParams>;
}) {
  const sctx = await getSupportContext();
  if (!sctx) redirect("/sign-in?callbackUrl=/support");
  const { accountId } = await params;
  const query = emailActivityQueryFrom(await searchParams);
  const result = await reviewAccountEmailActivity(sctx, accountId, query);
  if (!result.ok) return <p className="text-slate-700">{result.message}</p>;
  if (!result.data) return <ReviewNotStarted accountId={accountId} section="email_activity" />;
  const { account, activity } = result.data;
  const basePath = `/support/accounts/${encodeURIComponent(account.id)}/email_activity`;
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title" className="text-2xl font-semibold">
        {account.name}
      </h1>
      <ReviewNav accountId={account.id} current="email" />
      <p className="mt-4 text-sm text-slate-600">A message opens to its envelope and delivery; message contents are not shown in a review.</p>
      <ActivityFilters query={query} keys={activity.keys} basePath={basePath} />
      <ActivityTable messages={activity.messages} basePath={basePath} />
      <Pagination query={query} page={activity.page} pageCount={activity.pageCount} total={activity.total} basePath={basePath} />
    </section>
  );
}
