import type { KeyHistoryEntryDTO } from "@/lib/data/api-key-history";
import { exactTime } from "@/lib/time/relative";

const actionLabels: Record<string, string> = {
  "key.created": "Created",
  "key.updated": "Edited",
  "key.disabled": "Disabled",
  "key.enabled": "Enabled",
  "key.rolled": "Rolled",
  "key.deleted": "Deleted",
};

export function KeyHistory({ history }: { history: KeyHistoryEntryDTO[] }) {
  return (
    <section aria-labelledby="key-history-title">
      <h2 id="key-history-title" className="text-lg font-semibold">
        History
      </h2>
      {history.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No recorded changes.</p>
      ) : (
        <table className="mt-2 w-full max-w-xl text-left text-sm">
          <caption className="sr-only">This key&apos;s events from the audit log, newest first</caption>
          <thead className="text-xs text-slate-600 uppercase">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">When</th>
              <th scope="col" className="py-1 pr-4 font-medium">What</th>
              <th scope="col" className="py-1 font-medium">Who</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {history.map((event) => (
              <tr key={event.id}>
                <td className="py-1 pr-4">
                  <time dateTime={event.createdAt}>{exactTime(event.createdAt)}</time>
                </td>
                <td className="py-1 pr-4">{actionLabels[event.action] ?? event.action}</td>
                <td className="py-1 break-words">{event.actorName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
