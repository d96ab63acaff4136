import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countText, dailySeries, dailySeriesSince, hourlySeries, hourlySeriesSince, hourlySparkline, isUnused, sparkline } from "./series";

const now = new Date("2030-01-08T10:25:00Z");
const at = (iso: string, requests: number, messages = 0) => ({ hourStart: new Date(iso), requests, messages });

describe("hourlySeries", () => {
  it("gives 24 hours, the current one last, zeros where nothing was used", () => {
    const points = hourlySeries([at("2030-01-08T10:00:00Z", 4, 1), at("2030-01-07T11:00:00Z", 2), at("2030-01-07T10:00:00Z", 99)], now);
    expect(points).toHaveLength(24);
    expect(points[0]).toEqual({ start: "2030-01-07T11:00:00.000Z", requests: 2, messages: 0 });
    expect(points[23]).toEqual({ start: "2030-01-08T10:00:00.000Z", requests: 4, messages: 1 });
    // 25 hours ago is outside the window.
    expect(points.reduce((sum, point) => sum + point.requests, 0)).toBe(6);
    expect(hourlySeriesSince(now).toISOString()).toBe("2030-01-07T11:00:00.000Z");
  });
});

describe("hourlySparkline", () => {
  it("is sparkline(hourlySeries(...)) without the series, for any rows and any clock", () => {
    const hour = 3_600_000;
    const base = Date.parse("2030-01-01T00:00:00Z");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 * hour }),
        fc.array(fc.record({ hour: fc.integer({ min: -10, max: 110 }), requests: fc.nat(1000), messages: fc.nat(50) }), { maxLength: 40 }),
        (offset, stored) => {
          const clock = new Date(base + offset);
          const rows = stored.map((row) => ({ hourStart: new Date(base + row.hour * hour), requests: row.requests, messages: row.messages }));
          expect(hourlySparkline(rows, clock)).toEqual(sparkline(hourlySeries(rows, clock)));
        },
      ),
    );
  });
});

describe("dailySeries", () => {
  it("adds hours into 7 UTC days, today last", () => {
    const rows = [at("2030-01-08T00:00:00Z", 1), at("2030-01-08T10:00:00Z", 2, 5), at("2030-01-02T23:00:00Z", 7), at("2030-01-01T23:00:00Z", 100)];
    const days = dailySeries(rows, now);
    expect(days.map((day) => day.start.slice(0, 10))).toEqual([
      "2030-01-02",
      "2030-01-03",
      "2030-01-04",
      "2030-01-05",
      "2030-01-06",
      "2030-01-07",
      "2030-01-08",
    ]);
    expect(days[6]).toMatchObject({ requests: 3, messages: 5 });
    expect(days[0]).toMatchObject({ requests: 7, messages: 0 });
    expect(dailySeriesSince(now).toISOString()).toBe("2030-01-02T00:00:00.000Z");
  });
});

describe("isUnused", () => {
  const day = 86_400_000;
  const ago = (days: number, ms = 0) => new Date(now.getTime() - days * day - ms);
  it("marks a key older than 30 days that was never used, or last used more than 30 days ago", () => {
    expect(isUnused({ createdAt: ago(31), lastUsedAt: null }, now)).toBe(true);
    expect(isUnused({ createdAt: ago(60), lastUsedAt: ago(30) }, now)).toBe(true);
    expect(isUnused({ createdAt: ago(60).toISOString(), lastUsedAt: ago(31).toISOString() }, now)).toBe(true);
  });
  it("never marks a key used within 30 days, nor one younger than 30 days", () => {
    expect(isUnused({ createdAt: ago(60), lastUsedAt: ago(30, -1) }, now)).toBe(false);
    expect(isUnused({ createdAt: ago(29), lastUsedAt: null }, now)).toBe(false);
    expect(isUnused({ createdAt: ago(30, -1), lastUsedAt: null }, now)).toBe(false);
  });
});

describe("countText", () => {
  it("says one request, 1,234 requests", () => {
    expect(countText(1, "request", "requests")).toBe("1 request");
    expect(countText(0, "request", "requests")).toBe("0 requests");
    expect(countText(1234, "request", "requests")).toBe("1,234 requests");
  });
});
