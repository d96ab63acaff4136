import { describe, expect, it } from "vitest";
import { appOrigin, isOutgoingMailConfigured, senderAddress } from "./config";

describe("outgoing mail configuration", () => {
  it("is configured by SMTP_URL alone", () => {
    expect(isOutgoingMailConfigured({})).toBe(false);
    expect(isOutgoingMailConfigured({ SMTP_URL: " " })).toBe(false);
    expect(isOutgoingMailConfigured({ SMTP_URL: "smtp://127.0.0.1:2525" })).toBe(true);
  });

  it("builds links on AUTH_URL's origin, else on localhost and PORT", () => {
    expect(appOrigin({ AUTH_URL: "https://keys.example.com/api/auth" })).toBe("https://keys.example.com");
    expect(appOrigin({ PORT: "3301" })).toBe("http://localhost:3301");
    expect(appOrigin({})).toBe("http://localhost:3000");
  });

  it("sends from MAIL_FROM, else from keyward@ the app's host", () => {
    expect(senderAddress({ MAIL_FROM: "Keys <keys@example.com>" })).toBe("Keys <keys@example.com>");
    expect(senderAddress({ AUTH_URL: "https://keys.example.com" })).toBe("Keyward <keyward@keys.example.com>");
  });
});
