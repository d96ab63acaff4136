import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditLogPage } from "@/lib/data/audit-log";
import { actionLabel, describeEvent } from "./describe-event";

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
                {actionLabel(action)}
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
        // On narrow screens the table scrolls inside this region, never the page; the region takes
        // focus so the keyboard can scroll it too.
        <div
          role="region"
          aria-label="Audit events"
          tabIndex={0}
          className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <table className="w-full min-w-[44rem] text-left text-sm">
            <caption className="sr-only">Audit events, newest first</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Time</th>
                <th scope="col" className="px-4 py-3 font-medium">Actor</th>
                <th scope="col" className="px-4 py-3 font-medium">Action</th>
                <th scope="col" className="px-4 py-3 font-medium">Target</th>
                <th scope="col" className="px-4 py-3 font-medium">Details</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {log.events.map((event) => (
                <tr key={event.id}>
                  <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                    <LocalTime iso={event.createdAt} />
                  </td>
                  <td className="px-4 py-3 text-slate-800">
                    {event.actor.name}
                    {event.actor.kind === "key" ? <span className="ml-1 text-xs text-slate-600">(API key)</span> : null}
                  </td>
                  <td className="px-4 py-3 font-medium whitespace-nowrap text-slate-800">{actionLabel(event.action)}</td>
                  <td className="max-w-56 px-4 py-3 break-words text-slate-800 [overflow-wrap:anywhere]">{event.targetName ?? "—"}</td>
                  <td className="px-4 py-3 text-slate-700 [overflow-wrap:anywhere]">{describeEvent(event)}</td>
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
        {log.page > 1 ? <Link href={pageHref(log.page - 1)} className="text-brand-700 underline underline-offset-2">Newer</Link> : null}
        {log.page < log.pageCount ? <Link href={pageHref(log.page + 1)} className="text-brand-700 underline underline-offset-2">Older</Link> : null}
      </nav>
    </div>
  );
}
