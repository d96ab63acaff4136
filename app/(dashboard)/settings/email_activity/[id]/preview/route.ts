import { getEmailMessageHtml } from "@/lib/data/email-activity";
import { getSessionContext } from "@/lib/data/session";
import { previewContentSecurityPolicy, previewDocument, REMOTE_IMAGES_QUERY } from "@/lib/mail/preview";
import { failureResponse } from "@/lib/server/failure-response";
import { decodedParam } from "@/lib/server/route-param";

// A stored message's HTML, served to the sandboxed iframe of its page with a CSP of its own:
// remote images only once the person asked (?images=remote), scripts never. proxy.ts leaves this
// path without the pages' CSP and server.ts lets Keyward's own pages frame it.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await getSessionContext();
  if (!ctx) return plain(401, "Sign in to continue");
  const { id } = await params;
  const messageId = decodedParam(id, 100);
  if (messageId === null) return plain(404, "Message not found");
  const result = await getEmailMessageHtml(ctx, messageId);
  // Busy: 503 with Retry-After; not allowed: 403; not this account's message: 404.
  if (!result.ok) return failureResponse(result);
  if (result.data === null) return plain(404, "This message has no HTML part");
  const remoteImages = new URL(request.url).search.slice(1).split("&").includes(REMOTE_IMAGES_QUERY);
  return new Response(previewDocument(result.data), {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": previewContentSecurityPolicy({ remoteImages }),
      "cache-control": "private, no-store",
    },
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
