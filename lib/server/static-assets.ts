import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

// Next's own server compresses with gzip only, per request. The build's JavaScript and CSS never
// change once built (their names carry their hash), so each is compressed once, as small as
// brotli and gzip go, and kept: a browser that asks for br gets brotli, any other gets gzip.
// The page budget (scripts/page-budget.ts) measures these same encodings.

export const brotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } };
// Brotli's best quality costs about 25 times its quality 6 (about 6 s of CPU for the whole build on
// this machine under load): the first answer for a file uses quality 6 (a few % larger), and the
// best is made afterwards, one file at a time, so that it never holds more than one of libuv's
// threads, which Next's file reads and password hashing share.
const quickBrotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } };
export const gzipOptions = { level: constants.Z_BEST_COMPRESSION };

const compressBrotli = promisify(brotliCompress);
const compressGzip = promisify(gzip);

const PREFIX = "/_next/static/";
const types: Record<string, string> = { ".js": "application/javascript; charset=UTF-8", ".css": "text/css; charset=UTF-8" };
// Build output names only: no "..", no encoded characters, no query.
const SAFE_NAME = /^[A-Za-z0-9_~-][A-Za-z0-9_.~-]*(?:\/[A-Za-z0-9_~-][A-Za-z0-9_.~-]*)*$/;

interface Compressed {
  br: Buffer;
  gzip: Buffer;
  type: string;
}

/** Which encoding a request's Accept-Encoding allows, brotli first; null for neither. */
export function chooseEncoding(acceptEncoding: string | undefined): "br" | "gzip" | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const allows = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  return allows("br") ? "br" : allows("gzip") ? "gzip" : null;
}

/**
 * Answers GET and HEAD for the build's .js and .css under /_next/static/ with a compressed body,
 * and returns true; returns false (Next answers) for anything else: other files, a missing file,
 * no acceptable encoding, a range request.
 */
export function createStaticAssets(staticDir: string) {
  const cache = new Map<string, Promise<Compressed | null>>();
  let improving: Promise<unknown> = Promise.resolve();

  const load = (name: string): Promise<Compressed | null> => {
    let entry = cache.get(name);
    if (!entry) {
      const type = types[path.extname(name)]!;
      entry = readFile(path.join(staticDir, name)).then(
        async (body) => {
          const found: Compressed = { br: await compressBrotli(body, quickBrotliOptions), gzip: await compressGzip(body, gzipOptions), type };
          improving = improving.then(() => compressBrotli(body, brotliOptions).then((best) => {
            // Kept only when smaller (for a tiny file the quick one can be).
            if (best.length < found.br.length) found.br = best;
          }, () => undefined));
          return found;
        },
        () => null,
      );
      // A missing file is not remembered: a name that does not exist must not grow the cache.
      void entry.then((found) => (found ? undefined : cache.delete(name)));
      cache.set(name, entry);
    }
    return entry;
  };

  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = req.url ?? "";
    if ((req.method !== "GET" && req.method !== "HEAD") || !url.startsWith(PREFIX) || req.headers.range) return false;
    const name = url.slice(PREFIX.length);
    if (!SAFE_NAME.test(name) || !types[path.extname(name)]) return false;
    const encoding = chooseEncoding(req.headers["accept-encoding"]);
    if (!encoding) return false;
    const found = await load(name);
    if (!found) return false;
    const body = found[encoding];
    res.writeHead(200, {
      "Content-Type": found.type,
      "Content-Encoding": encoding,
      "Content-Length": body.length,
      "Cache-Control": "public, max-age=31536000, immutable",
      Vary: "Accept-Encoding",
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
