import MailComposer from "nodemailer/lib/mail-composer";
import type { MailAddress, MailSendInput } from "@/lib/validation/mail-send";
import type { AcceptedMessage, StoredAttachment } from "./message";

/**
 * Turns a validated /v3/mail/send body into the messages SendGrid would send: one per
 * personalization, with its substitutions applied, each with its RFC 5322 source. The first
 * message's id is the request's X-Message-Id; the others add ".1", ".2"… to it.
 */
export async function composeMessages(mail: MailSendInput, requestId: string): Promise<AcceptedMessage[]> {
  const attachments: StoredAttachment[] = (mail.attachments ?? []).map((file) => ({
    filename: file.filename,
    type: file.type ?? "application/octet-stream",
    disposition: file.disposition ?? "attachment",
    contentId: file.content_id ?? null,
    content: file.content.replace(/[\r\n]/g, ""),
  }));
  const plain = mail.content.find((part) => part.type.toLowerCase() === "text/plain")?.value ?? null;
  const html = mail.content.find((part) => part.type.toLowerCase() === "text/html")?.value ?? null;
  const details = {
    categories: mail.categories,
    custom_args: mail.custom_args,
    send_at: mail.send_at,
    asm: mail.asm,
    ip_pool_name: mail.ip_pool_name,
    tracking_settings: mail.tracking_settings,
    reply_to_list: mail.reply_to_list,
  };

  return Promise.all(
    mail.personalizations.map(async (personalization, index) => {
      const substitute = substituter(personalization.substitutions);
      const from = personalization.from ?? mail.from;
      const subject = substitute(personalization.subject ?? mail.subject ?? "");
      const textBody = plain === null ? null : substitute(plain);
      const htmlBody = html === null ? null : substitute(html);
      const headers = { ...mail.headers, ...personalization.headers };
      const id = index === 0 ? requestId : `${requestId}.${index}`;
      const node = new MailComposer({
        from: formatAddress(from),
        to: personalization.to.map(formatAddress),
        cc: personalization.cc?.map(formatAddress),
        bcc: personalization.bcc?.map(formatAddress),
        replyTo: mail.reply_to_list?.map(formatAddress) ?? (mail.reply_to ? formatAddress(mail.reply_to) : undefined),
        subject,
        text: textBody ?? undefined,
        html: htmlBody ?? undefined,
        headers,
        messageId: `<${id}@keyward.local>`,
        attachments: attachments.map((file) => ({
          filename: file.filename,
          contentType: file.type,
          contentDisposition: file.disposition,
          cid: file.contentId ?? undefined,
          content: file.content,
          encoding: "base64",
        })),
      }).compile();
      // Bcc is kept in the stored source, as Mailpit does, so the page can show it.
      node.keepBcc = true;
      const raw = await node.build();
      const recipients = [...personalization.to, ...(personalization.cc ?? []), ...(personalization.bcc ?? [])].map((a) => a.email.toLowerCase());
      const message: AcceptedMessage = {
        id,
        source: "api",
        fromEmail: from.email,
        fromName: from.name ?? null,
        recipients,
        subject,
        textBody,
        htmlBody,
        headers,
        attachments,
        details: { ...details, custom_args: { ...mail.custom_args, ...personalization.custom_args }, send_at: personalization.send_at ?? mail.send_at },
        raw: raw.toString("utf8"),
      };
      return message;
    }),
  );
}

function formatAddress(address: MailAddress): { name: string; address: string } {
  return { name: address.name ?? "", address: address.email };
}

function substituter(substitutions: Record<string, string> | undefined): (text: string) => string {
  const entries = Object.entries(substitutions ?? {}).filter(([tag]) => tag.length > 0);
  if (entries.length === 0) return (text) => text;
  return (text) => entries.reduce((result, [tag, value]) => result.split(tag).join(value), text);
}
