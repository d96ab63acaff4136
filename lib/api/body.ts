import type { IncomingMessage } from "node:http";

export const MAX_BODY_BYTES = 64 * 1024;

export type BodyResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; reason: "too_large" | "bad_json" | "not_object" };

/**
 * Reads a JSON object body of at most `limit` bytes (64 KB unless a route sets its own). An empty body reads as `{}` (clients send none on
 * some calls). A body over the limit is refused as soon as the limit is crossed, without
 * buffering the rest.
 */
export async function readJsonBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<BodyResult> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return { ok: false, reason: "too_large" };

  const chunks = await collect(req, limit);
  if (!chunks) return { ok: false, reason: "too_large" };
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: "bad_json" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, reason: "not_object" };
  return { ok: true, value: value as Record<string, unknown> };
}

// Event-based rather than `for await`: leaving an async iterator early destroys the socket, and
// the client would see a reset instead of the 413. Past the limit the rest is read and dropped.
function collect(req: IncomingMessage, limit: number): Promise<Buffer[] | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData);
      req.off("end", onEnd);
      req.resume();
      resolve(null);
    };
    const onEnd = () => resolve(chunks);
    req.on("data", onData);
    req.on("end", onEnd);
    req.once("error", reject);
  });
}
