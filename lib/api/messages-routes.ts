import { getEmailMessage, listEmailMessages, type EmailMessageDTO, type EmailMessageSummaryDTO } from "@/lib/data/email-activity";
import { parseActivityQuery, type ActivityFilter } from "./activity-query";
import { failureResponse } from "./data-failures";
import { apiError, json } from "./responses";
import type { RouteHandler } from "./route-handler";

// SendGrid's Email Activity API over the account's stored messages
// (reference/sendgrid-oai/tsg_email_activity_v3.json).

const apiStatus = (status: string) => (status === "processed" || status === "delivered" ? status : "not_delivered");
const storedStatuses: Record<NonNullable<ActivityFilter["status"]>, string[]> = {
  processed: ["processed"],
  delivered: ["delivered"],
  not_delivered: ["deferred", "bounced"],
};

// GET /v3/messages?query=…&limit=N (1–1000, default 10) → {"messages":[…]}, newest first.
export const listMessagesRoute: RouteHandler = async ({ ctx, query }) => {
  const limitText = query.get("limit");
  const limit = limitText === null ? 10 : /^\d{1,4}$/.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= 1000)) return apiError(400, "limit must be between 1 and 1000", "limit");
  const parsed = parseActivityQuery(query.get("query"));
  if (!parsed.ok) return apiError(400, parsed.message, "query");
  const { filter } = parsed;
  const result = await listEmailMessages(ctx, {
    to: filter.to,
    from: filter.from,
    subject: filter.subject,
    statusIn: filter.status ? storedStatuses[filter.status] : undefined,
    id: filter.msgId,
    pageSize: limit,
  });
  if (!result.ok) return failureResponse(result);
  return json(200, { messages: result.data.messages.map(summary) });
};

// GET /v3/messages/{msg_id} → one message with its events.
export const getMessageRoute: RouteHandler = async ({ ctx, params }) => {
  let id: string;
  try {
    id = decodeURIComponent(params.msg_id ?? "");
  } catch {
    return apiError(404, "not found", "message_id");
  }
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(id)) return apiError(404, "not found", "message_id");
  const result = await getEmailMessage(ctx, id);
  if (!result.ok) return result.code === "not_found" ? apiError(404, "not found", "message_id") : failureResponse(result);
  const message = result.data;
  const details = message.details as { categories?: string[]; custom_args?: Record<string, string>; asm?: { group_id?: number } };
  // The single message is shaped as the file's "Message" (no counts, no last_event_time), with
  // its required fields always present. Where Keyward has no value that the file allows, see
  // KNOWN_DEVIATIONS in messages.test.ts: asm_group_id 0 without a group (the file says at
  // least 1), the IPs empty (Keyward does not record them), and bounce_type only on bounces.
  return json(200, {
    ...identity(message),
    template_id: "",
    asm_group_id: details.asm?.group_id ?? 0,
    teammate: "",
    api_key_id: message.keyId ?? "",
    events: [event("processed", message.createdAt), ...relayEvents(message.deliveryAttempts)],
    originating_ip: "",
    categories: details.categories ?? [],
    unique_args: JSON.stringify(details.custom_args ?? {}),
    outbound_ip: "",
    outbound_ip_type: "shared",
  });
};

// SendGrid's file makes http_user_agent and mx_server required on every event: there are no
// opens or clicks here, and the relay's host is not recorded per attempt, so both are empty.
function event(eventName: string, processed: string) {
  return { event_name: eventName, processed, http_user_agent: "", mx_server: "" };
}

// SendGrid caps an event's reason at 1,024 characters; an upstream's answer can be longer.
const REASON_MAX = 1024;

// Each attempt through the upstream relay as SendGrid reports it: delivered, deferred (numbered,
// at most 10 as SendGrid counts), bounced (hard for a 5xx answer, soft when Keyward gave up).
function relayEvents(attempts: EmailMessageDTO["deliveryAttempts"]) {
  let deferrals = 0;
  return attempts.map((attempt) => {
    const base = event(attempt.outcome, attempt.at);
    if (attempt.outcome === "delivered") return base;
    const reason = [...attempt.response].slice(0, REASON_MAX).join("");
    if (attempt.outcome === "deferred") return { ...base, reason, attempt_num: Math.min((deferrals += 1), 10) };
    return { ...base, reason, bounce_type: /^5\d\d/.test(attempt.response) ? "hard" : "soft" };
  });
}

function identity(message: EmailMessageSummaryDTO) {
  return {
    from_email: message.fromEmail,
    msg_id: message.id,
    subject: message.subject,
    to_email: message.toEmails,
    status: apiStatus(message.status),
  };
}

function summary(message: EmailMessageSummaryDTO) {
  return { ...identity(message), opens_count: 0, clicks_count: 0, last_event_time: message.createdAt };
}
