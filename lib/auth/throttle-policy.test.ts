import { describe, expect, it } from "vitest";
import { lockDurationMs, minutesUntil, throttleRules } from "./throttle-policy";

describe("sign-in throttle policy", () => {
  it("locks an e-mail after 5 failures in 15 minutes", () => {
    expect(throttleRules.email).toEqual({ failures: 5, windowMs: 15 * 60_000 });
  });

  it("makes each lock in a day twice as long as the one before, up to a day", () => {
    expect([0, 1, 2, 3].map(lockDurationMs)).toEqual([15, 30, 60, 120].map((m) => m * 60_000));
    expect(lockDurationMs(50)).toBe(24 * 60 * 60_000);
  });

  it("tells a whole number of minutes, never zero", () => {
    const now = new Date(0);
    expect(minutesUntil(new Date(90_000), now)).toBe(2);
    expect(minutesUntil(new Date(1), now)).toBe(1);
  });
});
