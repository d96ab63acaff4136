import Link from "next/link";

// Tabs between a review's sections. No prefetch: a review's pages are read per request and
// only while a review is started (lib/data/support.ts).
export function ReviewNav({ accountId, current }: { accountId: string; current: "keys" | "audit" | "email" }) {
  const tab = (active: boolean) => `rounded px-3 py-1.5 ${active ? "bg-slate-200 font-medium" : "hover:bg-slate-100"}`;
  return (
    <nav aria-label="Review sections" className="mt-4 flex gap-2 text-sm">
      <Link prefetch={false} href="/support" className="rounded px-3 py-1.5 hover:bg-slate-100">
        ← Search
      </Link>
      <Link prefetch={false} href={`/support/accounts/${accountId}`} aria-current={current === "keys" ? "page" : undefined} className={tab(current === "keys")}>
        API Keys
      </Link>
      <Link prefetch={false} href={`/support/accounts/${accountId}/audit_log`} aria-current={current === "audit" ? "page" : undefined} className={tab(current === "audit")}>
        Audit Log
      </Link>
      <Link prefetch={false} href={`/support/accounts/${accountId}/email_activity`} aria-current={current === "email" ? "page" : undefined} className={tab(current === "email")}>
        Email Activity
      </Link>
    </nav>
  );
}
