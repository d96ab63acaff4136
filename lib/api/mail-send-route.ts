import { composeMessages } from "@/lib/mail/compose";
import { newMessageId } from "@/lib/mail/message";
import { mailPipelineFor } from "@/lib/mail/pipeline";
import { parseMailSend } from "@/lib/validation/mail-send";
import { errors } from "./responses";
import type { RouteHandler } from "./route-handler";

// An empty body with an explicit length: otherwise Node answers a keep-alive request chunked.
const EMPTY = { "content-length": "0" };

// POST /v3/mail/send: 202 with X-Message-Id once the messages are stored; sandbox mode validates
// only (200, nothing stored), as SendGrid's does.
export const mailSendRoute: RouteHandler = async ({ db, caller, body }) => {
  const parsed = parseMailSend(body);
  if (!parsed.ok) return { status: 400, body: { errors: parsed.errors } };
  if (parsed.mail.mail_settings?.sandbox_mode?.enable === true) return { status: 200, headers: EMPTY };
  const id = newMessageId();
  const messages = await composeMessages(parsed.mail, id);
  const result = await mailPipelineFor(db).accept(caller, messages);
  if (result === "forbidden") return errors.forbidden();
  return { status: 202, headers: { ...EMPTY, "x-message-id": id } };
};
