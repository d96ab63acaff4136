import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuditLogTable } from "@/components/audit/audit-log-table";
import { listAuditEvents } from "@/lib/data/audit-log";
import { getSessionContext } from "@/lib/data/session";
import { auditQueryFrom, type AuditSearchParams } from "@/lib/validation/audit-log";

export const metadata: Metadata = { title: "Audit Log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<AuditSearchParams> }) {
  const ctx = await getSessionContext();
  if (!ctx) redirect("/sign-in");
  const query = auditQueryFrom(await searchParams);
  const result = await listAuditEvents(ctx, query);
  return (
    <section aria-labelledby="audit-log-title">
      <h1 id="audit-log-title" className="text-2xl font-semibold">
        Audit Log
      </h1>
      {result.ok ? (
        <AuditLogTable log={result.data} basePath="/settings/audit_log" query={query} />
      ) : (
        <p className="mt-4 text-slate-700">{result.message}</p>
      )}
    </section>
  );
}
