import Link from "next/link";
import { LinkPending } from "@/components/ui/link-pending";
import { LocalTime } from "@/components/ui/local-time";
import type { EmailMessageSummaryDTO } from "@/lib/data/email-activity";
import { formatSize } from "./format-size";

const columns = ["Time", "From", "To", "Subject", "Key", "Status", "Size"];

// Each subject opens the message under `basePath`: the account's own page, or a support review
// (which opens the envelope only, never the contents).
export function ActivityTable({ messages, basePath = "/settings/email_activity" }: { messages: EmailMessageSummaryDTO[]; basePath?: string }) {
  if (messages.length === 0) return <p className="mt-6 text-sm text-slate-600">No messages match.</p>;
  return (
    <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Messages, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-3 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {messages.map((message) => (
            <tr key={message.id}>
              <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                <LocalTime iso={message.createdAt} />
              </td>
              <td className="px-4 py-3 text-slate-800">{message.fromEmail}</td>
              <td className="max-w-56 truncate px-4 py-3 text-slate-800">{message.toEmails}</td>
              <td className="px-4 py-3">
                <Link href={`${basePath}/${encodeURIComponent(message.id)}`} className="text-blue-700 underline">
                  {message.subject || "(no subject)"}
                  <LinkPending />
                </Link>
              </td>
              <td className="px-4 py-3 text-slate-800">{message.keyName}</td>
              <td className="px-4 py-3 text-slate-800">{message.status}</td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-700">{formatSize(message.sizeBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
