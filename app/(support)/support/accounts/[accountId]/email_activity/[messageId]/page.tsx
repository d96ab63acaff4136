import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getSupportContext } from "@/lib/data/session";
import { reviewAccountEmailMessage } from "@/lib/data/support";
import { decodedParam } from "@/lib/server/route-param";
import { DeliveryAttempts } from "@/app/(dashboard)/settings/email_activity/_components/delivery-attempts";
import { MessageFacts } from "@/app/(dashboard)/settings/email_activity/_components/message-facts";
import { ReviewNotStarted } from "../../review-not-started";
import { ReviewNav } from "../../review-nav";

export const metadata: Metadata = { title: "Support review: message" };
// Reads the review's state on every request: never served from a cache.
export const dynamic = "force-dynamic";

// One message in a support review: who sent what to whom, with which key, and what the upstream
// relay answered. Its contents (bodies, headers, attachments, source) are not shown.
export default async function SupportEmailMessagePage({ params }: { params: Promise<{ accountId: string; messageId: string }> }) {
  const sctx = await getSupportContext();
  if (!sctx) redirect("/sign-in?callbackUrl=/support");
  const { accountId, messageId } = await params;
  const id = decodedParam(messageId, 100);
  if (id === null) notFound();
  const result = await reviewAccountEmailMessage(sctx, accountId, id);
  if (!result.ok) {
    if (result.code === "not_found") notFound();
    return <p className="text-slate-700">{result.message}</p>;
  }
  if (!result.data) return <ReviewNotStarted accountId={accountId} section="email_activity" />;
  const { account, message } = result.data;
  return (
    <article aria-labelledby="review-title">
      <h1 id="review-title" className="text-2xl font-semibold">
        {account.name}
      </h1>
      <ReviewNav accountId={account.id} current="email" />
      <Link href={`/support/accounts/${encodeURIComponent(account.id)}/email_activity`} className="mt-4 inline-block text-sm text-blue-700 underline">
        Back to the review&apos;s Email Activity
      </Link>
      <h2 className="mt-2 text-xl font-semibold">{message.subject || "(no subject)"}</h2>
      <MessageFacts message={message} />
      <DeliveryAttempts message={message} />
      <p className="mt-6 text-sm text-slate-600">Message contents are not shown in a review.</p>
    </article>
  );
}
