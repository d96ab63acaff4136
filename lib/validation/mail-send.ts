import { z } from "zod";

// POST /v3/mail/send's body, as SendGrid describes it (reference/sendgrid-oai/tsg_mail_v3.json).
// Messages are SendGrid's own where it publishes them; paths join with "." into its `field`
// (personalizations.0.to.0.email).
export const MAX_RECIPIENTS = 1000;
export const MAX_MAIL_BYTES = 30 * 1024 * 1024;

const INVALID_ADDRESS = "Does not contain a valid address.";
const TO_REQUIRED =
  "The to array is required for all personalization objects, and must have at least one email object with a valid email address.";
const stringMap = z.record(z.string(), z.string({ error: "must be a string" }));
const sendAt = z.number({ error: "send_at must be a unix timestamp" }).int().nonnegative();

const address = z.object(
  {
    email: z.email({ error: INVALID_ADDRESS }).max(320),
    name: z.string({ error: "The name must be a string." }).max(320).optional(),
  },
  { error: INVALID_ADDRESS },
);

const addressList = z.array(address, { error: INVALID_ADDRESS }).max(MAX_RECIPIENTS);

const personalization = z.object({
  to: z.array(address, { error: TO_REQUIRED }).min(1, TO_REQUIRED).max(MAX_RECIPIENTS),
  cc: addressList.optional(),
  bcc: addressList.optional(),
  from: address.optional(),
  subject: z.string().min(1, "The subject must be at least one character.").max(998).optional(),
  headers: stringMap.optional(),
  substitutions: stringMap.optional(),
  dynamic_template_data: z.record(z.string(), z.unknown()).optional(),
  custom_args: stringMap.optional(),
  send_at: sendAt.optional(),
});

const content = z.object({
  type: z.string().min(1, "The content type must be at least one character."),
  value: z.string({ error: "The content value must be a string at least one character in length." }).min(1, "The content value must be a string at least one character in length."),
});

const attachment = z
  .object({
    content: z
      .string({ error: "The attachment content must be base64 encoded." })
      .min(1, "The attachment content must be base64 encoded.")
      .regex(/^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/, "The attachment content must be base64 encoded."),
    type: z.string().max(255).optional(),
    filename: z.string({ error: "The attachment filename parameter is required." }).min(1, "The attachment filename parameter is required.").max(255),
    disposition: z.enum(["inline", "attachment"], { error: "The disposition must be inline or attachment." }).optional(),
    content_id: z.string().max(255).optional(),
  })
  .refine((file) => file.disposition !== "inline" || !!file.content_id, {
    path: ["content_id"],
    message: "The content_id parameter is required if your attachment is inline.",
  });

const enable = z.object({ enable: z.boolean().optional() }).passthrough();

export const mailSendSchema = z
  .object({
    personalizations: z
      .array(personalization, { error: "The personalizations field is required and must have at least one personalization." })
      .min(1, "The personalizations field is required and must have at least one personalization.")
      .max(MAX_RECIPIENTS),
    from: z.object(address.shape, {
      error: "The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.",
    }),
    reply_to: address.optional(),
    reply_to_list: addressList.optional(),
    subject: z.string().min(1, "The subject must be at least one character.").max(998).optional(),
    content: z
      .array(content, { error: "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block." })
      .min(1, "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block."),
    attachments: z.array(attachment).max(1000).optional(),
    headers: stringMap.optional(),
    categories: z.array(z.string().max(255)).max(10, "You may not have more than 10 categories per request.").optional(),
    custom_args: stringMap.optional(),
    send_at: sendAt.optional(),
    asm: z.object({ group_id: z.number().int(), groups_to_display: z.array(z.number().int()).max(25).optional() }).optional(),
    ip_pool_name: z.string().min(2).max(64).optional(),
    mail_settings: z.object({ sandbox_mode: enable.optional() }).passthrough().optional(),
    tracking_settings: z.record(z.string(), z.unknown()).optional(),
    template_id: z.unknown().optional(),
    batch_id: z.unknown().optional(),
  })
  .superRefine((mail, issues) => {
    // Keyward has no templates and no scheduled batches: say so rather than send something else.
    if (mail.template_id !== undefined)
      issues.addIssue({ code: "custom", path: ["template_id"], message: "Templates are not supported by Keyward: send the content itself." });
    if (mail.batch_id !== undefined)
      issues.addIssue({ code: "custom", path: ["batch_id"], message: "Batches are not supported by Keyward: leave batch_id out." });
    const recipients = mail.personalizations.reduce((sum, p) => sum + p.to.length + (p.cc?.length ?? 0) + (p.bcc?.length ?? 0), 0);
    if (recipients > MAX_RECIPIENTS)
      issues.addIssue({ code: "custom", path: ["personalizations"], message: `The total number of recipients must be no more than ${MAX_RECIPIENTS}.` });
    mail.personalizations.forEach((p, index) => {
      if (!p.subject && !mail.subject)
        issues.addIssue({
          code: "custom",
          path: ["personalizations", index, "subject"],
          message: "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.",
        });
    });
    const types = mail.content.map((part) => part.type.toLowerCase());
    const plain = types.indexOf("text/plain");
    const html = types.indexOf("text/html");
    if ((plain > 0) || (html !== -1 && plain > html))
      issues.addIssue({ code: "custom", path: ["content", 0, "type"], message: "If present, text/plain content must be first, followed by text/html, followed by any other content." });
  });

export type MailSendInput = z.infer<typeof mailSendSchema>;
export type MailAddress = z.infer<typeof address>;

export interface MailFieldError {
  field: string | null;
  message: string;
}

/** Validates a body; the errors come in SendGrid's shape, first issue per field. */
export function parseMailSend(body: unknown): { ok: true; mail: MailSendInput } | { ok: false; errors: MailFieldError[] } {
  const parsed = mailSendSchema.safeParse(body);
  if (parsed.success) return { ok: true, mail: parsed.data };
  const seen = new Set<string>();
  const errors: MailFieldError[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : null;
    const key = field ?? "";
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ field, message: issue.message });
  }
  return { ok: false, errors };
}
