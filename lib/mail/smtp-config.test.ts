import { describe, expect, it } from "vitest";
import { smtpRelayConfig } from "./smtp-config";

describe("smtpRelayConfig", () => {
  it("listens on 2525 without TLS unless told otherwise", () => {
    expect(smtpRelayConfig({})).toEqual({ port: 2525 });
    expect(smtpRelayConfig({ SMTP_PORT: "2600" })).toEqual({ port: 2600 });
  });

  it("refuses a bad port and half a TLS configuration", () => {
    expect(() => smtpRelayConfig({ SMTP_PORT: "smtp" })).toThrow(/SMTP_PORT/);
    expect(() => smtpRelayConfig({ SMTP_TLS_CERT: "/tmp/cert.pem" })).toThrow(/both/);
  });
});
