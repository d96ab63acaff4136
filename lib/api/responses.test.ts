import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createSend, errors, jsonText, type ApiResponse } from "./responses";

// The raw head as a client reads it: names once each, in the order sent.
async function answer(response: ApiResponse, security: Record<string, string> = {}) {
  const send = createSend(security);
  const server = createServer((_req, res) => send(res, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    return await new Promise<{ status: number; raw: string[]; body: string }>((resolve, reject) => {
      request(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (part: string) => (body += part));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, raw: res.rawHeaders, body }));
      }).on("error", reject).end();
    });
  } finally {
    server.close();
  }
}

const names = (raw: string[]) => raw.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase());

describe("the /v3 answer writer", () => {
  it("sends the body with its length, the API's headers and the security headers, each once", async () => {
    const { status, raw, body } = await answer(jsonText(200, '{"scopes":["mail.send"]}'), {
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "no-referrer",
      "X-Content-Type-Options": "nosniff",
    });
    expect(status).toBe(200);
    expect(body).toBe('{"scopes":["mail.send"]}');
    const headers = names(raw);
    for (const name of ["cache-control", "x-content-type-options", "referrer-policy", "x-frame-options", "content-type", "content-length"]) {
      expect(headers.filter((header) => header === name), name).toHaveLength(1);
    }
    expect(raw[raw.findIndex((value) => value.toLowerCase() === "content-length") + 1]).toBe(String(Buffer.byteLength(body)));
  });

  it("counts the length in bytes, and adds a route's own headers", async () => {
    const { raw, body } = await answer(errors.methodNotAllowed(["GET", "PATCH"]));
    expect(JSON.parse(body)).toEqual({ errors: [{ field: null, message: "method not allowed" }] });
    expect(raw[raw.indexOf("allow") + 1]).toBe("GET, PATCH");
    const named = await answer(jsonText(200, '{"name":"é"}'));
    expect(named.raw[named.raw.indexOf("content-length") + 1]).toBe("13");
  });

  it("answers 204 without a body or a content type", async () => {
    const { status, raw, body } = await answer({ status: 204 });
    expect(status).toBe(204);
    expect(body).toBe("");
    expect(names(raw)).not.toContain("content-type");
  });
});
