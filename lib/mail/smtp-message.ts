import { simpleParser, type AddressObject } from "mailparser";
import type { AcceptedMessage, StoredAttachment } from "./message";

/**
 * A message received over SMTP, parsed into what the pipeline stores. Recipients are the envelope's (Bcc included).
 * The text part is the sender's own, or none, as for /v3/mail/send: mailparser's text made from
 * the HTML (skipHtmlToText) cost three quarters of the parse (1.5 ms of CPU for 2 KB of HTML).
 */
export async function parseSmtpMessage(raw: Buffer, id: string, envelopeRecipients: readonly string[]): Promise<AcceptedMessage> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipHtmlToText: true, skipTextLinks: true });
  const from = firstAddress(parsed.from);
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    const value = line.slice(line.indexOf(":") + 1).trim();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  const attachments: StoredAttachment[] = parsed.attachments.map((file) => ({
    filename: file.filename ?? "attachment",
    type: file.contentType,
    disposition: file.contentDisposition === "inline" ? "inline" : "attachment",
    contentId: file.cid ?? null,
    content: file.content.toString("base64"),
  }));
  return {
    id,
    source: "smtp",
    fromEmail: from?.address ?? "",
    fromName: from?.name || null,
    recipients: envelopeRecipients.map((address) => address.toLowerCase()),
    subject: parsed.subject ?? "",
    textBody: parsed.text ?? null,
    htmlBody: typeof parsed.html === "string" ? parsed.html : null,
    headers,
    attachments,
    details: {},
    raw: raw.toString("utf8"),
  };
}

function firstAddress(field: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((group) => group.value)[0];
}
