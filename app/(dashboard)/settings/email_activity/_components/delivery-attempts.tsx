import { LocalTime } from "@/components/ui/local-time";
import type { EmailMessageDTO } from "@/lib/data/email-activity";

// What the upstream relay answered, attempt by attempt. Without a relay there is nothing to show.
export function DeliveryAttempts({ message }: { message: Pick<EmailMessageDTO, "deliveryAttempts" | "nextAttemptAt"> }) {
  if (message.deliveryAttempts.length === 0 && !message.nextAttemptAt) return null;
  return (
    <section aria-labelledby="delivery-title" className="mt-6">
      <h2 id="delivery-title" className="text-lg font-semibold">
        Delivery
      </h2>
      {message.nextAttemptAt ? (
        <p className="text-sm text-slate-600">
          {message.deliveryAttempts.length === 0 ? "Waiting for the upstream relay." : "Deferred: the next attempt is due"}{" "}
          {message.deliveryAttempts.length === 0 ? null : <LocalTime iso={message.nextAttemptAt} />}
        </p>
      ) : null}
      {message.deliveryAttempts.length > 0 ? (
        <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Delivery attempts through the upstream relay, oldest first</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Time</th>
                <th scope="col" className="px-4 py-2 font-medium">Outcome</th>
                <th scope="col" className="px-4 py-2 font-medium">Upstream response</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {message.deliveryAttempts.map((attempt, index) => (
                <tr key={index}>
                  <td className="px-4 py-2 whitespace-nowrap text-slate-700"><LocalTime iso={attempt.at} /></td>
                  <td className="px-4 py-2 text-slate-800">{attempt.outcome}</td>
                  <td className="px-4 py-2 font-mono text-xs break-all text-slate-800">{attempt.response}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
