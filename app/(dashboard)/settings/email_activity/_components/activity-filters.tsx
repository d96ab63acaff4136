import { messageStatuses } from "@/lib/data/email-activity";

const field = "mt-1 block rounded-md border border-slate-300 px-2 py-1.5";

// A plain GET form: the filters live in the URL, so a search can be shared and reloaded. Shared
// by the account's own page and support's review of it (`basePath`).
export function ActivityFilters({
  query,
  keys,
  basePath = "/settings/email_activity",
}: {
  query: { search?: string; keyId?: string; status?: string };
  keys: { id: string; name: string }[];
  basePath?: string;
}) {
  return (
    <form method="get" action={basePath} role="search" className="mt-4 flex flex-wrap items-end gap-3 text-sm">
      <label className="block">
        Search
        <input
          type="search"
          name="q"
          defaultValue={query.search ?? ""}
          aria-describedby="email-activity-search-help"
          className={`${field} w-64`}
        />
        <span id="email-activity-search-help" className="sr-only">
          Matches a recipient, the sender or the subject
        </span>
      </label>
      <label className="block">
        Key
        <select name="key" defaultValue={query.keyId ?? ""} className={field}>
          <option value="">All keys</option>
          {keys.map((key) => (
            <option key={key.id} value={key.id}>
              {key.name}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        Status
        <select name="status" defaultValue={query.status ?? ""} className={field}>
          <option value="">All statuses</option>
          {messageStatuses.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100">
        Search
      </button>
    </form>
  );
}
