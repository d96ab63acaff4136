import { describe, expect, it } from "vitest";
import { expiryFromChoice, keyStatus, rolledExpiry } from "./expiry";

const now = new Date("2026-11-29T10:30:00.000Z");

describe("expiryFromChoice", () => {
  it("never expires by default, and counts days from now", () => {
    expect(expiryFromChoice("never", undefined, now)).toBeNull();
    expect(expiryFromChoice("7", undefined, now)?.toISOString()).toBe("2026-12-06T10:30:00.000Z");
    expect(expiryFromChoice("90", undefined, now)?.toISOString()).toBe("2027-02-27T10:30:00.000Z");
  });

  it("reads a date as the start of that day in UTC", () => {
    expect(expiryFromChoice("date", "2027-03-01", now)?.toISOString()).toBe("2027-03-01T00:00:00.000Z");
  });
});

describe("rolledExpiry", () => {
  it("gives the old key the chosen grace, never extending an earlier expiry", () => {
    expect(rolledExpiry(null, "now", now)).toEqual(now);
    expect(rolledExpiry(null, "1h", now).toISOString()).toBe("2026-11-29T11:30:00.000Z");
    const soon = new Date("2026-11-29T10:45:00.000Z");
    expect(rolledExpiry(soon, "24h", now)).toEqual(soon);
  });
});

describe("keyStatus", () => {
  it("is expired from the instant of expiry, even when also disabled", () => {
    const key = { expiresAt: "2026-11-29T10:30:00.000Z", disabledAt: "2026-11-01T00:00:00.000Z" };
    expect(keyStatus(key, new Date(now.getTime() - 1))).toBe("disabled");
    expect(keyStatus(key, now)).toBe("expired");
    expect(keyStatus({ expiresAt: null, disabledAt: null }, now)).toBe("active");
  });
});
