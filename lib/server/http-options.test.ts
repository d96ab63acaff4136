import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { HEADERS_TIMEOUT_MS, httpLimits, REQUEST_TIMEOUT_MS } from "./http-options";

describe("httpLimits", () => {
  it("bounds headers at 10 s and the request at 30 s, and keeps keep-alive below both", () => {
    const { options, maxRequestsPerSocket } = httpLimits({});
    expect(options.headersTimeout).toBe(HEADERS_TIMEOUT_MS);
    expect(HEADERS_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
    expect(options.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    expect(REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
    expect(options.keepAliveTimeout).toBeLessThan(options.headersTimeout!);
    expect(maxRequestsPerSocket).toBeGreaterThan(0);
  });

  it("lets the environment shorten the limits, never lengthen them", () => {
    expect(httpLimits({ KEYWARD_HEADERS_TIMEOUT_MS: "500" }).options.headersTimeout).toBe(500);
    expect(httpLimits({ KEYWARD_HEADERS_TIMEOUT_MS: "600000" }).options.headersTimeout).toBe(HEADERS_TIMEOUT_MS);
    expect(httpLimits({ KEYWARD_REQUEST_TIMEOUT_MS: "999999" }).options.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    expect(httpLimits({ KEYWARD_HEADERS_TIMEOUT_MS: "soon" }).options.headersTimeout).toBe(HEADERS_TIMEOUT_MS);
  });
});

describe("a server made with these limits", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("disconnects a client that never finishes its headers", async () => {
    const { options } = httpLimits({ KEYWARD_HEADERS_TIMEOUT_MS: "500" });
    server = createServer(options, (_req, res) => res.end("ok"));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const socket = connect((server.address() as AddressInfo).port, "127.0.0.1");
    await once(socket, "connect");
    const started = Date.now();
    // A request line and one header, then silence: the headers never end.
    socket.write("GET / HTTP/1.1\r\nHost: localhost\r\n");
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    await once(socket, "close");
    const elapsed = Date.now() - started;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    // A generous bound under shared load; without the limits Node waits 60 s (and the test times out).
    expect(elapsed).toBeLessThan(10_000);
  });
});
