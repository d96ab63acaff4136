import { getEmailMessageHtml } from "@/lib/data/email-activity";
import { getSessionContext } from "@/lib/data/session";
import { previewContentSecurityPolicy, previewDocument, REMOTE_IMAGES_QUERY } from "@/lib/mail/preview";

// A stored message's HTML, served to the sandboxed iframe of its page with a CSP of its own:
// remote images only once the person asked (?images=remote), scripts never. proxy.ts leaves this
// path without the pages' CSP and server.ts lets Keyward's own pages frame it.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await getSessionContext();
  if (!ctx) return plain(401, "Sign in to continue");
  const { id } = await params;
  const result = await getEmailMessageHtml(ctx, decodeURIComponent(id).slice(0, 100));
  if (!result.ok) {
    if (result.code === "busy") return plain(503, "Busy, try again", { "retry-after": "1" });
    return plain(result.code === "forbidden" ? 403 : 404, result.message);
  }
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

function plain(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });
}
