import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from "node:zlib";
import { chooseEncoding } from "./static-assets.ts";

// Pages, their RSC payloads and server actions' answers, compressed as the browser asks: brotli
// when it accepts br, else gzip (Next's own compression, turned off in next.config.js, knows only
// gzip). Streaming: what React has written goes out at the end of the event-loop turn, so a
// page's shell and loading states still arrive before the rest.
//
// Levels, from the API Keys page with 100 keys (about 270 KB of HTML), CPU per page on this
// machine (docs/PERFORMANCE.md): brotli quality 4 is about as cheap as gzip at level 6 and about a
// fifth smaller; quality 5 and up cost more for a few %. The work runs on libuv's threads, not
// on the event loop.
export const pageBrotliQuality = 4;
export const pageGzipLevel = 6;
// A 1 MB window holds any page whole; brotli's default (4 MB) only costs memory here.
const BROTLI_WINDOW_BITS = 20;
/** A body whose length is known and below this goes as it is: compressing it gains nothing. */
export const MIN_COMPRESSED_BYTES = 1024;

const COMPRESSIBLE = /^\s*(?:text\/|application\/(?:json|javascript|xml|manifest\+json)|image\/svg\+xml)/i;

type Compressor = BrotliCompress | Gzip;
type WriteCallback = (error?: Error | null) => void;

/**
 * Makes `res` compress what it is given, if the request accepts brotli or gzip and the response
 * turns out to be compressible (decided when its headers go out: a text type, no encoding of its
 * own, a body, no `Cache-Control: no-transform`). Every compressible response says
 * `Vary: Accept-Encoding`, compressed or not. Call before handing the request on.
 */
export function compressResponse(req: IncomingMessage, res: ServerResponse): void {
  const encoding = chooseEncoding(req.headers["accept-encoding"]);
  const original = {
    writeHead: res.writeHead as (this: ServerResponse, ...args: unknown[]) => ServerResponse,
    write: res.write as (this: ServerResponse, ...args: unknown[]) => boolean,
    end: res.end as (this: ServerResponse, ...args: unknown[]) => ServerResponse,
  };
  let compressor: Compressor | null = null;
  let flushScheduled = false;
  // Set by end() when the response ends before any body was written: nothing to compress.
  let emptyBody = false;

  const start = (status: number) => {
    const type = String(res.getHeader("content-type") ?? "");
    if (!COMPRESSIBLE.test(type)) return;
    appendVary(res, "Accept-Encoding");
    if (!encoding || emptyBody || req.method === "HEAD" || status < 200 || status === 204 || status === 304) return;
    // A range of the file's bytes: Content-Range counts uncompressed bytes.
    if (status === 206 || res.hasHeader("content-range")) return;
    if (res.getHeader("content-encoding") !== undefined) return;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(String(res.getHeader("cache-control") ?? ""))) return;
    const length = res.getHeader("content-length");
    if (length !== undefined && Number(length) < MIN_COMPRESSED_BYTES) return;
    res.setHeader("Content-Encoding", encoding);
    res.removeHeader("Content-Length");
    const stream: Compressor =
      encoding === "br"
        ? createBrotliCompress({
            params: {
              [constants.BROTLI_PARAM_QUALITY]: pageBrotliQuality,
              [constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            },
          })
        : createGzip({ level: pageGzipLevel });
    compressor = stream;
    stream.on("data", (chunk: Buffer) => {
      if (!original.write.call(res, chunk)) stream.pause();
    });
    // The socket took what was waiting: let the compressor go on. The "drain" emitted below for
    // the writer also reaches this listener; the socket is still full then (writableNeedDrain).
    res.on("drain", () => {
      if (!res.writableNeedDrain) stream.resume();
    });
    // Whoever writes to `res` waits for its "drain" when a write returns false.
    stream.on("drain", () => res.emit("drain"));
    stream.on("end", () => original.end.call(res));
    stream.on("error", (error) => res.destroy(error));
    // A client that went away: the compressor's memory is released at once.
    res.once("close", () => stream.destroy());
  };

  // Every way headers go out passes through writeHead (write, end and flushHeaders call it when
  // the headers are implicit), so this is where the response is judged.
  res.writeHead = function writeHead(this: ServerResponse, status: number, ...rest: unknown[]) {
    if (this.headersSent) return original.writeHead.call(this, status, ...rest);
    const message = typeof rest[0] === "string" ? rest[0] : undefined;
    const headers = (typeof rest[0] === "string" ? rest[1] : rest[0]) as OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined;
    for (const [name, value] of headerEntries(headers)) this.setHeader(name, value);
    start(status);
    return message === undefined ? original.writeHead.call(this, status) : original.writeHead.call(this, status, message);
  } as ServerResponse["writeHead"];

  res.write = function write(this: ServerResponse, chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!compressor) return original.write.call(this, chunk, encodingOrCallback, callback);
    scheduleFlush();
    const done = (typeof encodingOrCallback === "function" ? encodingOrCallback : callback) as WriteCallback | undefined;
    return compressor.write(toBuffer(chunk, encodingOrCallback), done);
  } as ServerResponse["write"];

  res.end = function end(this: ServerResponse, chunk?: unknown, encodingOrCallback?: unknown, callback?: unknown) {
    if (typeof chunk === "function") [chunk, callback] = [undefined, chunk];
    else if (typeof encodingOrCallback === "function") [encodingOrCallback, callback] = [undefined, encodingOrCallback];
    if (!this.headersSent) {
      // A whole body at once: its length decides, as for a Content-Length set by the caller.
      if (chunk === undefined || chunk === null) emptyBody = true;
      else if (!this.hasHeader("content-length")) this.setHeader("Content-Length", toBuffer(chunk, encodingOrCallback).length);
      this.writeHead(this.statusCode);
    }
    if (!compressor) return original.end.call(this, chunk, encodingOrCallback, callback);
    if (typeof callback === "function") this.once("finish", callback as () => void);
    if (chunk !== undefined && chunk !== null) compressor.write(toBuffer(chunk, encodingOrCallback));
    compressor.end();
    return this;
  } as ServerResponse["end"];

  // What was written goes out at the end of the event-loop turn: the writes of one turn (React
  // writes a page in many small chunks) share one flush. (Next would call a res.flush() after
  // each chunk, as the `compression` package offers; none is offered here.)
  const scheduleFlush = () => {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(() => {
      flushScheduled = false;
      const stream = compressor;
      if (!stream || stream.writableEnded || stream.destroyed) return;
      if (encoding === "br") stream.flush();
      else stream.flush(constants.Z_SYNC_FLUSH);
    });
  };
}

function headerEntries(headers: OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined): [string, OutgoingHttpHeader][] {
  if (!headers) return [];
  if (!Array.isArray(headers)) return Object.entries(headers).filter((entry): entry is [string, OutgoingHttpHeader] => entry[1] !== undefined);
  // The raw form: [name, value, name, value, ...] (or [[name, value], ...]). A name given twice
  // (two Set-Cookie) keeps both values.
  const pairs: [string, string][] = [];
  if (Array.isArray(headers[0])) for (const [name, value] of headers as unknown as [string, string][]) pairs.push([name, value]);
  else for (let i = 0; i + 1 < headers.length; i += 2) pairs.push([String(headers[i]), String(headers[i + 1])]);
  const byName = new Map<string, string[]>();
  for (const [name, value] of pairs) byName.set(name.toLowerCase(), [...(byName.get(name.toLowerCase()) ?? []), value]);
  return [...byName].map(([name, values]) => [name, values.length === 1 ? values[0]! : values]);
}

function appendVary(res: ServerResponse, field: string): void {
  const current = res.getHeader("vary");
  const values = (Array.isArray(current) ? current.join(",") : String(current ?? "")).split(",").map((value) => value.trim()).filter(Boolean);
  if (values.includes("*") || values.some((value) => value.toLowerCase() === field.toLowerCase())) return;
  res.setHeader("Vary", [...values, field].join(", "));
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}
