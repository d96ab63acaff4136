import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddressFrom, clientAddressOf, stampClientAddress } from "./client-address";

function request(headers: Record<string, string>, remoteAddress = "203.0.113.7") {
  return { headers: { ...headers }, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe("client address", () => {
  it("is the socket's peer unless a trusted proxy is configured", () => {
    expect(clientAddressOf(request({ "x-forwarded-for": "198.51.100.1" }), {})).toBe("203.0.113.7");
  });

  it("behind a trusted proxy, is the last X-Forwarded-For entry (the one the proxy added)", () => {
    const env = { KEYWARD_TRUST_PROXY: "1" };
    expect(clientAddressOf(request({ "x-forwarded-for": "1.1.1.1, 198.51.100.1" }), env)).toBe("198.51.100.1");
    expect(clientAddressOf(request({}), env)).toBe("203.0.113.7");
  });

  it("replaces a header of the same name sent by the client", () => {
    const req = request({ [CLIENT_ADDRESS_HEADER]: "forged" });
    stampClientAddress(req, {});
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.7");
    expect(clientAddressFrom(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7" }))).toBe("203.0.113.7");
  });
});
