import { describe, expect, it } from "vitest";
import { exactTime, relativeTime } from "./relative";

const now = new Date("2026-11-29T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe("relativeTime", () => {
  it("says Never for a key never used", () => {
    expect(relativeTime(null, now)).toBe("Never");
  });

  it("rounds down to the largest whole unit", () => {
    expect(relativeTime(ago(59_999), now)).toBe("Just now");
    expect(relativeTime(ago(60_000), now)).toBe("1 minute ago");
    expect(relativeTime(ago(3 * 3_600_000 + 59 * 60_000), now)).toBe("3 hours ago");
    expect(relativeTime(ago(86_400_000), now)).toBe("1 day ago");
    expect(relativeTime(ago(45 * 86_400_000), now)).toBe("1 month ago");
    expect(relativeTime(ago(800 * 86_400_000), now)).toBe("2 years ago");
  });

  it("treats a time slightly ahead of the clock as just now", () => {
    expect(relativeTime(ago(-5_000), now)).toBe("Just now");
  });
});

describe("exactTime", () => {
  it("shows the UTC date and time to the second", () => {
    expect(exactTime("2026-11-29T09:05:07.123Z")).toBe("2026-11-29 09:05:07 UTC");
  });
});
