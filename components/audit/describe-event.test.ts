import { describe, expect, it } from "vitest";
import { allGeneralScopes } from "@/lib/permissions/catalog";
import { actionLabel, describeChange, describeEvent, describeGrant } from "./describe-event";

describe("the audit log in words", () => {
  it("names actions instead of showing their codes", () => {
    expect(actionLabel("key.created")).toBe("Key created");
    expect(actionLabel("teammate.invite_revoked")).toBe("Invitation revoked");
  });

  it("calls a key with every general scope Full Access, not a count of scopes", () => {
    expect(describeEvent({ action: "key.created", details: { type: "general", scopes: [...allGeneralScopes] } })).toBe("Full Access");
    expect(describeGrant("general", ["mail.send", "stats.read"])).toBe("Mail Send (custom), Stats (custom)");
  });

  it("says which categories a change added or removed, with their levels", () => {
    const statsRead = ["stats.read", "stats.global.read", "browsers.stats.read", "devices.stats.read", "geo.stats.read"];
    expect(describeChange(["alerts.read"], [])).toBe("+Alerts (read)");
    expect(describeChange(["alerts.create", "alerts.delete", "alerts.update"], [])).toBe("Alerts: read → full");
    expect(describeChange([], ["alerts.create", "alerts.delete", "alerts.read", "alerts.update"])).toBe("−Alerts");
    expect(describeChange(statsRead, [])).toBe("+Stats (some scopes)");
    expect(describeEvent({ action: "key.updated", details: { name: { from: "a", to: "b" }, scopes: { added: ["alerts.read"], removed: [] } } })).toBe(
      "Renamed from “a” to “b” · Permissions changed: +Alerts (read)",
    );
  });

  it("reads roles and support views in words", () => {
    expect(describeEvent({ action: "teammate.updated", details: { email: "a@b.test", role: { from: "read_only", to: "admin" } } })).toBe(
      "a@b.test · Role: Read-only → Admin",
    );
    expect(describeEvent({ action: "support.viewed", details: { section: "api_keys" } })).toBe("Looked at the API keys");
    expect(describeEvent({ action: "support.viewed", details: { section: "email_activity" } })).toBe("Looked at the email activity");
  });
});

describe("describing lifecycle events", () => {
  it("names the replacement and when the old key expires, and the expiry a key was made with", () => {
    expect(actionLabel("key.rolled")).toBe("Key rolled");
    expect(describeEvent({ action: "key.rolled", details: { type: "general", replacementId: "NEW", oldKeyExpiresAt: "2026-11-29T13:00:00.000Z" } })).toBe(
      "Replaced by NEW; old key expires 2026-11-29T13:00:00.000Z",
    );
    expect(describeEvent({ action: "key.disabled", details: { type: "general" } })).toBe("—");
  });
});
