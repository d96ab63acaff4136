import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditEventDTO, AuditLogPage } from "@/lib/data/audit-log";

// The audit log as a table, with its filters (a plain GET form) and pages. Shared by the account's
// own log and support's review of it.
export function AuditLogTable({ log, basePath, query }: { log: AuditLogPage; basePath: string; query: { action?: string; actor?: string } }) {
  const pageHref = (page: number) => {
    const params = new URLSearchParams();
    if (query.action) params.set("action", query.action);
    if (query.actor) params.set("actor", query.actor);
    if (page > 1) params.set("page", String(page));
    const search = params.toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  return (
    <div className="mt-4">
      <form method="get" action={basePath} className="flex flex-wrap items-end gap-3 text-sm">
        <label className="block">
          Action
          <select name="action" defaultValue={query.action ?? ""} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">All actions</option>
            {log.actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          Actor
          <select name="actor" defaultValue={query.actor ?? ""} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5">
            <option value="">Everyone</option>
            {log.actors.map((actor) => (
              <option key={actor.value} value={actor.value}>
                {actor.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100">
          Filter
        </button>
      </form>

      {log.events.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600">No events match.</p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Audit events, newest first</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Time</th>
                <th scope="col" className="px-4 py-3 font-medium">Actor</th>
                <th scope="col" className="px-4 py-3 font-medium">Action</th>
                <th scope="col" className="px-4 py-3 font-medium">Target</th>
                <th scope="col" className="px-4 py-3 font-medium">Details</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {log.events.map((event) => (
                <tr key={event.id}>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                    <LocalTime iso={event.createdAt} />
                  </td>
                  <td className="px-4 py-3 text-slate-800">
                    {event.actor.name}
                    {event.actor.kind === "key" ? <span className="ml-1 text-xs text-slate-500">(API key)</span> : null}
                  </td>
                  <td className="px-4 py-3">
                    <code className="font-mono text-xs">{event.action}</code>
                  </td>
                  <td className="px-4 py-3 text-slate-800">{event.targetName ?? "—"}</td>
                  <td className="px-4 py-3 text-xs text-slate-600">{describe(event)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Audit log pages" className="mt-4 flex items-center gap-4 text-sm">
        <span>
          Page {log.page} of {log.pageCount} · {log.total} events
        </span>
        {log.page > 1 ? <Link href={pageHref(log.page - 1)}>Newer</Link> : null}
        {log.page < log.pageCount ? <Link href={pageHref(log.page + 1)}>Older</Link> : null}
      </nav>
    </div>
  );
}

// A short human reading of the event's details: renames, scope changes, roles, sections viewed.
function describe(event: AuditEventDTO): string {
  const d = event.details ?? {};
  const parts: string[] = [];
  const name = d.name as { from?: string; to?: string } | undefined;
  if (name?.from !== undefined) parts.push(`renamed from "${name.from}" to "${name.to}"`);
  const scopes = d.scopes as { added?: string[]; removed?: string[] } | string[] | undefined;
  if (Array.isArray(scopes)) parts.push(`${scopes.length} scopes`);
  else if (scopes) {
    if (scopes.added?.length) parts.push(`added ${scopes.added.join(", ")}`);
    if (scopes.removed?.length) parts.push(`removed ${scopes.removed.join(", ")}`);
  }
  const role = d.role as { from?: string; to?: string } | string | undefined;
  if (typeof role === "string") parts.push(`role ${role}`);
  else if (role?.from) parts.push(`role ${role.from} → ${role.to}`);
  if (typeof d.type === "string" && event.action === "key.created") parts.unshift(`${d.type} key`);
  if (typeof d.email === "string") parts.push(d.email);
  if (typeof d.section === "string") parts.push(`viewed ${d.section === "api_keys" ? "API keys" : "audit log"}`);
  return parts.join("; ") || "—";
}
