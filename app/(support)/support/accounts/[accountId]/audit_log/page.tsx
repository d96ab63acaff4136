import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuditLogTable } from "@/components/audit/audit-log-table";
import { getSupportContext } from "@/lib/data/session";
import { reviewAccountAuditLog } from "@/lib/data/support";
import { auditQueryFrom, type AuditSearchParams } from "@/lib/validation/audit-log";
import { ReviewNotStarted } from "../review-not-started";
import { ReviewNav } from "../review-nav";

export const metadata: Metadata = { title: "Support review: audit log" };
// Reads the review's state on every request: never served from a cache.
export const dynamic = "force-dynamic";

export default async function SupportAuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<AuditSearchParams>;
}) {
  const sctx = await getSupportContext();
  if (!sctx) redirect("/sign-in?callbackUrl=/support");
  const { accountId } = await params;
  const query = auditQueryFrom(await searchParams);
  const result = await reviewAccountAuditLog(sctx, accountId, query);
  if (!result.ok) return <p className="text-slate-700">{result.message}</p>;
  if (!result.data) return <ReviewNotStarted accountId={accountId} section="audit_log" />;
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title" className="text-2xl font-semibold">
        {result.data.account.name}
      </h1>
      <ReviewNav accountId={result.data.account.id} current="audit" />
      <AuditLogTable log={result.data.log} basePath={`/support/accounts/${result.data.account.id}/audit_log`} query={query} />
    </section>
  );
}
