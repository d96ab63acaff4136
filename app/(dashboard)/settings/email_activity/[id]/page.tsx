import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getEmailMessage } from "@/lib/data/email-activity";
import { getSessionContext } from "@/lib/data/session";
import { hasRemoteImages } from "@/lib/mail/preview";
import { decodedParam } from "@/lib/server/route-param";
import { DeliveryAttempts } from "../_components/delivery-attempts";
import { MessageFacts } from "../_components/message-facts";
import { HtmlPreview } from "../_components/html-preview";
import { MessageParts } from "../_components/message-parts";

export const metadata: Metadata = { title: "Message · Email Activity" };

export default async function EmailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await getSessionContext();
  if (!ctx) redirect("/sign-in");
  const { id } = await params;
  const messageId = decodedParam(id, 100);
  if (messageId === null) notFound();
  const result = await getEmailMessage(ctx, messageId);
  if (!result.ok) {
    if (result.code === "not_found") notFound();
    return <p className="text-slate-700">{result.message}</p>;
  }
  const message = result.data;
  return (
    <article aria-labelledby="message-title">
      <Link href="/settings/email_activity" className="text-sm text-blue-700 underline">
        Back to Email Activity
      </Link>
      <h1 id="message-title" className="mt-2 text-2xl font-semibold">
        {message.subject || "(no subject)"}
      </h1>
      <MessageFacts message={message} />
      <DeliveryAttempts message={message} />
      {message.htmlBody ? <HtmlPreview messageId={message.id} remoteImages={hasRemoteImages(message.htmlBody)} /> : null}
      <MessageParts message={message} />
    </article>
  );
}
