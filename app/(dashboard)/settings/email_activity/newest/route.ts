import { getEmailActivityChanges } from "@/lib/data/email-activity";
import { getSessionContext } from "@/lib/data/session";
import { failureResponse } from "@/lib/server/failure-response";

// Polled by the Email Activity page while it is visible: {"newest": id | null, "statuses": {id:
// status}} for the queued messages it names in ?watch=id,id,… (at most a page of them).
export async function GET(request: Request) {
  const ctx = await getSessionContext();
  if (!ctx) return Response.json({ error: "Sign in to continue" }, { status: 401 });
  const watch = new URL(request.url).searchParams.get("watch") ?? "";
  const result = await getEmailActivityChanges(ctx, watch ? watch.split(",") : []);
  if (!result.ok) return failureResponse(result);
  return Response.json(result.data, { headers: { "cache-control": "private, no-store" } });
}
