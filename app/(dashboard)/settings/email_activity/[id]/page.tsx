import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { LocalTime } from "@/components/ui/local-time";
import { getEmailMessage } from "@/lib/data/email-activity";
import { getSessionContext } from "@/lib/data/session";
import { hasRemoteImages } from "@/lib/mail/preview";
import { DeliveryAttempts } from "../_components/delivery-attempts";
import { formatSize } from "../_components/format-size";
import { HtmlPreview } from "../_components/html-preview";
import { MessageParts } from "../_components/message-parts";

export const metadata: Metadata = { title: "Message · Email Activity" };

export default async function EmailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await getSessionContext();
  if (!ctx) redirect("/sign-in");
  const { id } = await params;
  const result = await getEmailMessage(ctx, decodeURIComponent(id).slice(0, 100));
  if (!result.ok) {
    if (result.code === "not_found") notFound();
    return <p className="text-slate-700">{result.message}</p>;
  }
  const message = result.data;
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
    <article aria-labelledby="message-title">
      <Link href="/settings/email_activity" className="text-sm text-blue-700 underline">
        Back to Email Activity
      </Link>
      <h1 id="message-title" className="mt-2 text-2xl font-semibold">
        {message.subject || "(no subject)"}
      </h1>
      <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1 text-sm">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-500">{term}</dt>
            <dd className="text-slate-800">{value}</dd>
          </div>
        ))}
      </dl>
      <DeliveryAttempts message={message} />
      {message.htmlBody ? <HtmlPreview messageId={message.id} remoteImages={hasRemoteImages(message.htmlBody)} /> : null}
      <MessageParts message={message} />
    </article>
  );
}
