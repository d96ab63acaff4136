import { getEmailAttachment } from "@/lib/data/email-activity";
import { getSessionContext } from "@/lib/data/session";
import { decodedParam } from "@/lib/server/route-param";

// An attachment of a stored message, as a download: never rendered inline on Keyward's origin.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; index: string }> }) {
  const ctx = await getSessionContext();
  if (!ctx) return new Response("Sign in to continue", { status: 401 });
  const { id, index } = await params;
  const position = /^\d{1,4}$/.test(index) ? Number(index) : -1;
  const messageId = decodedParam(id, 100);
  const result = position < 0 || messageId === null ? null : await getEmailAttachment(ctx, messageId, position);
  if (!result || !result.ok) return new Response("Not found", { status: 404 });
  const { filename, content } = result.data;
  return new Response(new Uint8Array(content), {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "cache-control": "private, no-store",
    },
  });
}
