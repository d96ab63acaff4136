import { describe, expect, it } from "vitest";
import { classifyFailure, nextAttemptDelay, relayedSource } from "./delivery-rules";
import { upstreamRelayConfig } from "./relay-config";

describe("upstream relay rules", () => {
  it("bounces on 5xx, defers on 4xx, connection failures and a refused relay login", () => {
    expect(classifyFailure({ responseCode: 550, response: "550 5.1.1 No such user" })).toEqual({ outcome: "bounced", response: "550 5.1.1 No such user" });
    expect(classifyFailure({ responseCode: 451, response: "451 4.3.0 Later" }).outcome).toBe("deferred");
    expect(classifyFailure({ code: "ECONNECTION", message: "connect ECONNREFUSED 127.0.0.1:1" })).toEqual({ outcome: "deferred", response: "ECONNECTION: connect ECONNREFUSED 127.0.0.1:1" });
    expect(classifyFailure({ code: "EAUTH", responseCode: 535, response: "535 Authentication failed" }).outcome).toBe("deferred");
    expect(classifyFailure({ responseCode: 550, response: `550 ${"x".repeat(900)}\r\n more` }).response.length).toBe(500);
  });

  it("waits twice as long after each failure, up to the maximum", () => {
    const relay = { retryMs: 60_000, maxRetryMs: 3_600_000 };
    expect([1, 2, 3, 4, 7, 8, 30].map((n) => nextAttemptDelay(n, relay))).toEqual([60_000, 120_000, 240_000, 480_000, 3_600_000, 3_600_000, 3_600_000]);
  });

  it("removes Bcc and its folded lines from the header block only", () => {
    const raw = "From: a@example.com\r\nBcc: x@example.com,\r\n y@example.com\r\nTo: b@example.com\r\n\r\nBcc: stays in the body\r\n";
    expect(relayedSource(raw)).toBe("From: a@example.com\r\nTo: b@example.com\r\n\r\nBcc: stays in the body\r\n");
    expect(relayedSource("bcc: x@example.com\nSubject: s\n\nbody")).toBe("Subject: s\n\nbody");
  });

  it("reads SMTP_RELAY_URL without ever showing its password", () => {
    expect(upstreamRelayConfig({})).toBeNull();
    const relay = upstreamRelayConfig({ SMTP_RELAY_URL: "smtps://apikey:p%40ss@smtp.example.com" })!;
    expect(relay.display).toBe("smtps://apikey@smtp.example.com");
    expect(relay.transport).toMatchObject({ host: "smtp.example.com", port: 465, secure: true, auth: { user: "apikey", pass: "p@ss" } });
    expect(upstreamRelayConfig({ SMTP_RELAY_URL: "smtp://relay.example.com" })!.transport).toMatchObject({ port: 587, secure: false });
    expect(upstreamRelayConfig({ SMTP_RELAY_URL: "smtp://h:25" })).toMatchObject({ retryMs: 60_000, maxRetryMs: 3_600_000, maxAgeMs: 72 * 3_600_000 });
    expect(() => upstreamRelayConfig({ SMTP_RELAY_URL: "http://user:hunter2@h" })).toThrow(/smtp:\/\//);
    expect(() => upstreamRelayConfig({ SMTP_RELAY_URL: "hunter2 relay" })).toThrow(/^SMTP_RELAY_URL is not a URL: use smtp:/);
    expect(() => upstreamRelayConfig({ SMTP_RELAY_URL: "ftp://user:hunter2@h" })).toThrow(/^SMTP_RELAY_URL must start with smtp:\/\/ or smtps:\/\/, not ftp:\/\/$/);
  });
});
