import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseEncoding, createStaticAssets } from "./static-assets";

const script = `console.log(${JSON.stringify("Keyward ".repeat(500))});\n`;
let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "keyward-static-"));
  mkdirSync(path.join(dir, "chunks"));
  writeFileSync(path.join(dir, "chunks", "app-1a2b.js"), script);
  writeFileSync(path.join(dir, "chunks", "font.woff2"), "not compressed here");
  writeFileSync(path.join(path.dirname(dir), "outside.js"), "secret");
  const serve = createStaticAssets(dir);
  // What server.ts does: Next answers whatever serveStatic leaves.
  server = createServer((req, res) => {
    void serve(req, res).then((answered) => (answered ? undefined : res.writeHead(299).end("next")));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

// fetch() would decode the body itself; read the raw bytes with node:http instead.
async function get(url: string, headers: Record<string, string> = {}, method = "GET") {
  const { request } = await import("node:http");
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request(base + url, { headers, method }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (part: Buffer) => parts.push(part));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    }).on("error", reject).end();
  });
}

describe("the build's scripts, compressed as the browser asks", () => {
  it("sends brotli to a browser that accepts it, gzip to one that does not", async () => {
    const br = await get("/_next/static/chunks/app-1a2b.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["vary"]).toBe("Accept-Encoding");
    expect(br.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(script.length / 10);

    // The best brotli replaces the first, quicker one once made: the same bytes, no larger.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const best = await get("/_next/static/chunks/app-1a2b.js", { "accept-encoding": "br" });
    expect(brotliDecompressSync(best.body).toString()).toBe(script);
    expect(best.body.length).toBeLessThanOrEqual(br.body.length);

    const gz = await get("/_next/static/chunks/app-1a2b.js", { "accept-encoding": "gzip, deflate" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(script);
    expect(Number(gz.headers["content-length"])).toBe(gz.body.length);
  });

  it("answers HEAD with the headers only", async () => {
    const head = await get("/_next/static/chunks/app-1a2b.js", { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("leaves Next everything else: no encoding, other files, missing files, ranges, paths outside", async () => {
    for (const [url, headers] of [
      ["/_next/static/chunks/app-1a2b.js", {}],
      ["/_next/static/chunks/app-1a2b.js", { "accept-encoding": "identity" }],
      ["/_next/static/chunks/app-1a2b.js", { "accept-encoding": "br", range: "bytes=0-10" }],
      ["/_next/static/chunks/font.woff2", { "accept-encoding": "br" }],
      ["/_next/static/chunks/missing.js", { "accept-encoding": "br" }],
      ["/_next/static/../outside.js", { "accept-encoding": "br" }],
      ["/_next/static/chunks/%2e%2e/%2e%2e/outside.js", { "accept-encoding": "br" }],
      ["/_next/static/chunks/app-1a2b.js?x=1", { "accept-encoding": "br" }],
      ["/other/app-1a2b.js", { "accept-encoding": "br" }],
    ] as const) {
      const answer = await get(url, headers);
      expect(answer.status, url).toBe(299);
    }
  });
});

describe("chooseEncoding", () => {
  it("prefers brotli, honours q=0 and *, and refuses what is not offered", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("*;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding("deflate")).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding("gzip;q=0")).toBeNull();
  });
});
