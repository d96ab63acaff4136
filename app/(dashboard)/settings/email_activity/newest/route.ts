import { getNewestEmailMessageId } from "@/lib/data/email-activity";
import { getSessionContext } from "@/lib/data/session";
import { failureResponse } from "@/lib/server/failure-response";

// Polled by the Email Activity page while it is visible: {"newest": id | null}, nothing more.
export async function GET() {
  const ctx = await getSessionContext();
  if (!ctx) return Response.json({ error: "Sign in to continue" }, { status: 401 });
  const result = await getNewestEmailMessageId(ctx);
  if (!result.ok) return failureResponse(result);
  return Response.json({ newest: result.data }, { headers: { "cache-control": "private, no-store" } });
}
