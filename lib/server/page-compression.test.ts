import { createHash, randomBytes } from "node:crypto";
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, createBrotliDecompress, createGunzip, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressResponse } from "./page-compression";

const html = `<!DOCTYPE html><html><body>${"<tr><td>Page bench key</td></tr>".repeat(2000)}</body></html>`;

// Each test's answer, by path; server.ts's order: its own headers, then compressResponse, then Next.
const handlers: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  // As Next sends a page: headers set one by one, flushHeaders, then chunks, some of them later.
  "/page": (_req, res) => {
    res.statusCode = 200;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Vary", "rsc, next-router-state-tree");
    res.flushHeaders();
    res.write(html.slice(0, 1000));
    res.write(html.slice(1000, 2000));
    setTimeout(() => res.end(html.slice(2000)), 800);
  },
  "/write-head": (_req, res) => {
    res.writeHead(201, { "Content-Type": "text/x-component", "Content-Length": String(Buffer.byteLength(html)) }).end(html);
  },
  "/end-only": (_req, res) => {
    res.setHeader("Content-Type", "application/json");
    res.end(html);
  },
  "/small": (_req, res) => {
    res.setHeader("Content-Type", "text/plain");
    res.end("tiny");
  },
  "/image": (_req, res) => {
    res.writeHead(200, { "Content-Type": "image/png" }).end(Buffer.alloc(5000, 1));
  },
  "/encoded": (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html", "Content-Encoding": "gzip" }).end(Buffer.alloc(5000, 2));
  },
  "/no-transform": (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html", "Cache-Control": "private, no-transform" }).end(html);
  },
  "/not-modified": (_req, res) => {
    res.writeHead(304, { "Content-Type": "text/html" }).end();
  },
  // Far more than the socket and the compressor buffer: backpressure must neither lose nor reorder.
  "/large": (_req, res) => {
    res.setHeader("Content-Type", "text/html");
    let i = 0;
    const next = () => {
      while (i < 400) {
        const ok = res.write(`<p>${i} ${"x".repeat(20_000 + (i % 7))} ${i}</p>`);
        i++;
        if (!ok) return void res.once("drain", next);
      }
      res.end("<!-- end -->");
    };
    next();
  },
  // Hardly compressible, far more than loopback's socket buffers hold: a client that stops reading
  // must stop the writer too (the counter shows how far it got).
  "/incompressible": (_req, res) => {
    res.setHeader("Content-Type", "text/plain");
    const next = () => {
      while (incompressible.chunks < INCOMPRESSIBLE_CHUNKS) {
        const chunk = randomBytes(48 * 1024).toString("base64");
        incompressible.hash.update(chunk);
        incompressible.chunks++;
        if (!res.write(chunk)) return void res.once("drain", next);
      }
      res.end();
    };
    next();
  },
  "/range": (_req, res) => {
    res.writeHead(206, { "Content-Type": "text/html", "Content-Range": `bytes 0-${html.length - 1}/${html.length * 2}` }).end(html);
  },
  "/empty": (_req, res) => {
    res.setHeader("Content-Type", "text/html");
    res.end();
  },
  "/cookies": (_req, res) => {
    res.writeHead(200, ["Content-Type", "text/html", "Set-Cookie", "a=1", "Set-Cookie", "b=2"]).end(html);
  },
};

const INCOMPRESSIBLE_CHUNKS = 600; // 600 × 64 KB of base64: about 29 MB compressed
const incompressible = { chunks: 0, hash: createHash("sha256") };

const expectedLarge = Array.from({ length: 400 }, (_, i) => `<p>${i} ${"x".repeat(20_000 + (i % 7))} ${i}</p>`).join("") + "<!-- end -->";

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    compressResponse(req, res);
    handlers[req.url ?? ""]!(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => server.close());

interface Answer {
  status: number;
  headers: IncomingMessage["headers"];
  body: Buffer;
  /** Milliseconds from the request until the first decoded bytes, and until the end. */
  firstBytesMs: number;
  endMs: number;
  firstText: string;
}

// node:http, not fetch: fetch would decode the body itself.
function get(path: string, acceptEncoding?: string, method = "GET"): Promise<Answer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    request({ port, host: "127.0.0.1", path, method, headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
      const raw: Buffer[] = [];
      const decoded: Buffer[] = [];
      let firstBytesMs = -1;
      const encoding = res.headers["content-encoding"];
      // The already-encoded test body is not real gzip: only read as it is.
      const decoder = path === "/encoded" ? null : encoding === "br" ? createBrotliDecompress() : encoding === "gzip" ? createGunzip() : null;
      decoder?.on("data", (part: Buffer) => {
        if (firstBytesMs < 0) firstBytesMs = Date.now() - started;
        decoded.push(part);
      });
      res.on("data", (part: Buffer) => {
        raw.push(part);
        if (decoder) decoder.write(part);
        else if (firstBytesMs < 0) firstBytesMs = Date.now() - started;
      });
      res.on("end", () => {
        const finish = () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(raw),
            firstBytesMs,
            endMs: Date.now() - started,
            firstText: Buffer.concat(decoded).toString(),
          });
        if (decoder) decoder.end(finish);
        else finish();
      });
    })
      .on("error", reject)
      .end();
  });
}

const decode = (answer: Answer) =>
  answer.headers["content-encoding"] === "br" ? brotliDecompressSync(answer.body).toString() : answer.headers["content-encoding"] === "gzip" ? gunzipSync(answer.body).toString() : answer.body.toString();

describe("pages compressed as the browser asks", () => {
  it("sends brotli when br is accepted, gzip when only gzip is, and the page as it is otherwise", async () => {
    const br = await get("/page", "gzip, deflate, br, zstd");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(decode(br)).toBe(html);
    expect(br.body.length).toBeLessThan(html.length / 20);

    const gzip = await get("/page", "gzip, deflate");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(decode(gzip)).toBe(html);

    for (const accept of [undefined, "identity", "br;q=0, gzip;q=0"]) {
      const plain = await get("/page", accept);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.toString()).toBe(html);
    }
  });

  it("keeps Next's Vary and adds Accept-Encoding to it, compressed or not, and keeps the other headers", async () => {
    for (const accept of ["br", undefined]) {
      const answer = await get("/page", accept);
      expect(answer.headers["vary"]).toBe("rsc, next-router-state-tree, Accept-Encoding");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    }
  });

  it("streams: what was written before a pause arrives before the rest", async () => {
    for (const accept of ["br", "gzip"]) {
      const answer = await get("/page", accept);
      expect(answer.firstText.startsWith(html.slice(0, 2000))).toBe(true);
      expect(answer.firstBytesMs).toBeLessThan(answer.endMs - 400);
    }
  });

  it("compresses a body given at once to writeHead's headers or to end(), dropping a Content-Length that no longer holds", async () => {
    const action = await get("/write-head", "br");
    expect(action.status).toBe(201);
    expect(action.headers["content-encoding"]).toBe("br");
    expect(action.headers["content-length"]).toBeUndefined();
    expect(decode(action)).toBe(html);

    const json = await get("/end-only", "gzip");
    expect(json.headers["content-encoding"]).toBe("gzip");
    expect(decode(json)).toBe(html);
  });

  it("leaves alone a small body, an image, a body already encoded, no-transform, a 304 and a HEAD", async () => {
    const small = await get("/small", "br");
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body.toString()).toBe("tiny");

    const image = await get("/image", "br");
    expect(image.headers["content-encoding"]).toBeUndefined();
    expect(image.headers["vary"]).toBeUndefined();
    expect(image.body.length).toBe(5000);

    const encoded = await get("/encoded", "br");
    expect(encoded.headers["content-encoding"]).toBe("gzip");
    expect(encoded.body).toEqual(Buffer.alloc(5000, 2));

    const noTransform = await get("/no-transform", "br");
    expect(noTransform.headers["content-encoding"]).toBeUndefined();
    expect(noTransform.body.toString()).toBe(html);

    const notModified = await get("/not-modified", "br");
    expect(notModified.status).toBe(304);
    expect(notModified.headers["content-encoding"]).toBeUndefined();

    const head = await get("/page", "br", "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(head.body.length).toBe(0);
  });

  it("keeps every byte in order when the writer has to wait for drain", async () => {
    for (const accept of ["br", "gzip"]) {
      const answer = await get("/large", accept);
      expect(decode(answer)).toBe(expectedLarge);
    }
  });

  it("stops the writer while the client does not read, and goes on when it does", async () => {
    const body = await new Promise<Buffer>((resolve, reject) => {
      request({ port, host: "127.0.0.1", path: "/incompressible", headers: { "accept-encoding": "br" } }, (res) => {
        res.pause();
        const stalled: number[] = [];
        const sample = setInterval(() => stalled.push(incompressible.chunks), 250);
        setTimeout(() => {
          clearInterval(sample);
          // The writer got as far as the buffers allow, then waited: no progress over the last second.
          const last = stalled.slice(-4);
          if (new Set(last).size !== 1 || last[0]! >= INCOMPRESSIBLE_CHUNKS) {
            return reject(new Error(`the writer went on while the client read nothing: ${stalled.join(", ")} chunks`));
          }
          const raw: Buffer[] = [];
          res.on("data", (part: Buffer) => raw.push(part));
          res.on("end", () => resolve(Buffer.concat(raw)));
          res.resume();
        }, 2000);
      })
        .on("error", reject)
        .end();
    });
    expect(incompressible.chunks).toBe(INCOMPRESSIBLE_CHUNKS);
    expect(createHash("sha256").update(brotliDecompressSync(body)).digest("hex")).toBe(incompressible.hash.digest("hex"));
  }, 30_000);

  it("leaves alone a range of bytes and an empty body, and keeps a header given twice", async () => {
    const range = await get("/range", "br");
    expect(range.status).toBe(206);
    expect(range.headers["content-encoding"]).toBeUndefined();
    expect(range.body.toString()).toBe(html);

    const empty = await get("/empty", "br");
    expect(empty.headers["content-encoding"]).toBeUndefined();
    expect(empty.body.length).toBe(0);

    const cookies = await get("/cookies", "br");
    expect(cookies.headers["set-cookie"]).toEqual(["a=1", "b=2"]);
    expect(decode(cookies)).toBe(html);
  });

  it("survives a client that leaves in the middle of a page", async () => {
    await new Promise<void>((resolve) => {
      const req = request({ port, host: "127.0.0.1", path: "/large", headers: { "accept-encoding": "br" } }, (res) => {
        res.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.on("error", () => undefined).end();
    });
    // The server still answers the next request in full.
    const after = await get("/large", "br");
    expect(decode(after)).toBe(expectedLarge);
  });
});
