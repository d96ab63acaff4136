import { randomBytes } from "node:crypto";

// One message as the pipeline stores it, whichever way it came in (HTTP or SMTP).
export interface StoredAttachment {
  filename: string;
  type: string;
  disposition: "inline" | "attachment";
  contentId: string | null;
  /** base64 */
  content: string;
}

export interface AcceptedMessage {
  id: string;
  source: "api" | "smtp";
  fromEmail: string;
  fromName: string | null;
  /** to, cc and bcc, lower-cased */
  recipients: string[];
  subject: string;
  textBody: string | null;
  htmlBody: string | null;
  headers: Record<string, string>;
  attachments: StoredAttachment[];
  /** What SendGrid would act on later (categories, custom_args, send_at, tracking_settings, …): recorded. */
  details: Record<string, unknown>;
  raw: string;
}

/** SendGrid's X-Message-Id: 22 characters of base64url. */
export function newMessageId(): string {
  return randomBytes(16).toString("base64url");
}
