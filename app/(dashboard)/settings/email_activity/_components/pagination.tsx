import Link from "next/link";

export function Pagination({
  query,
  page,
  pageCount,
  total,
  basePath = "/settings/email_activity",
}: {
  query: { search?: string; keyId?: string; status?: string };
  page: number;
  pageCount: number;
  total: number;
  basePath?: string;
}) {
  const href = (target: number) => {
    const params = new URLSearchParams();
    if (query.search) params.set("q", query.search);
    if (query.keyId) params.set("key", query.keyId);
    if (query.status) params.set("status", query.status);
    if (target > 1) params.set("page", String(target));
    const search = params.toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm text-slate-700">
      <span>
        Page {page} of {pageCount} ({total} {total === 1 ? "message" : "messages"})
      </span>
      {page > 1 ? <Link href={href(page - 1)} className="text-blue-700 underline">Previous</Link> : null}
      {page < pageCount ? <Link href={href(page + 1)} className="text-blue-700 underline">Next</Link> : null}
    </nav>
  );
}
