import type { EmailMessageDTO } from "@/lib/data/email-activity";
import { formatSize } from "./format-size";

const heading = "text-lg font-semibold";
const pre = "mt-2 max-h-96 overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-3 text-xs whitespace-pre-wrap";

export function MessageParts({ message }: { message: EmailMessageDTO }) {
  const base = `/settings/email_activity/${encodeURIComponent(message.id)}`;
  return (
    <>
      <section aria-labelledby="text-part-title" className="mt-6">
        <h2 id="text-part-title" className={heading}>Text</h2>
        {message.textBody ? <pre className={pre}>{message.textBody}</pre> : <p className="text-sm text-slate-600">No text part.</p>}
      </section>
      <section aria-labelledby="attachments-title" className="mt-6">
        <h2 id="attachments-title" className={heading}>Attachments</h2>
        {message.attachments.length === 0 ? (
          <p className="text-sm text-slate-600">No attachments.</p>
        ) : (
          <ul className="mt-2 list-disc pl-6 text-sm">
            {message.attachments.map((file, index) => (
              <li key={index}>
                <a href={`${base}/attachments/${index}`} download={file.filename} className="text-blue-700 underline">
                  {file.filename}
                </a>{" "}
                <span className="text-slate-600">({file.type}, {formatSize(file.size)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="headers-title" className="mt-6">
        <h2 id="headers-title" className={heading}>Headers</h2>
        <table className="mt-2 text-left text-xs">
          <caption className="sr-only">Message headers</caption>
          <tbody>
            {Object.entries(message.headers).map(([name, value]) => (
              <tr key={name}>
                <th scope="row" className="pr-4 align-top font-mono font-medium">{name}</th>
                <td className="font-mono break-all">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="raw-title" className="mt-6">
        <h2 id="raw-title" className={heading}>Raw source</h2>
        <pre className={pre}>{message.raw}</pre>
      </section>
    </>
  );
}
