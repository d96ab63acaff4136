import { LocalTime } from "@/components/ui/local-time";
import type { EmailMessageSummaryDTO } from "@/lib/data/email-activity";
import { formatSize } from "./format-size";

// A message's envelope as a definition list: its own page and a support review show the same.
export function MessageFacts({ message }: { message: EmailMessageSummaryDTO & { fromName?: string | null } }) {
  const facts: [string, React.ReactNode][] = [
    ["Time", <LocalTime key="time" iso={message.createdAt} />],
    ["From", message.fromName ? `${message.fromName} <${message.fromEmail}>` : message.fromEmail],
    ["To", message.toEmails],
    ["Key", message.keyName],
    ["Status", message.status],
    ["Size", formatSize(message.sizeBytes)],
    ["Message ID", <code key="id">{message.id}</code>],
  ];
  return (
    <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1 text-sm">
      {facts.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-slate-500">{term}</dt>
          <dd className="break-words text-slate-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
