import { describe, expect, it } from "vitest";
import { sparkline, type UsagePoint } from "@/lib/usage/series";
import { sparklineBars, sparklinePath } from "@/lib/usage/sparkline";
import { sparklineLabel } from "./sparkline";

const hour = (requests: number, messages = 0): UsagePoint => ({ start: "2030-01-01T00:00:00.000Z", requests, messages });

describe("the sparkline's accessible name", () => {
  it("counts requests, and messages only when there were some", () => {
    expect(sparklineLabel(sparkline([hour(40), hour(2), ...Array.from({ length: 22 }, () => hour(0))]))).toBe("42 requests in the last 24 hours");
    expect(sparklineLabel(sparkline([hour(1, 3), ...Array.from({ length: 23 }, () => hour(0))]))).toBe("1 request and 3 messages in the last 24 hours");
    expect(sparklineLabel(sparkline(Array.from({ length: 24 }, () => hour(0))))).toBe("0 requests in the last 24 hours");
    expect(sparklineLabel(sparkline([hour(1200, 1), ...Array.from({ length: 23 }, () => hour(0))]))).toBe("1,200 requests and 1 message in the last 24 hours");
  });

  it("draws requests and messages together, one number per hour", () => {
    expect(sparkline([hour(2, 1), hour(0), hour(0, 4)])).toEqual({ requests: 2, messages: 5, hourly: [3, 0, 4] });
  });
});

describe("the sparkline's bars", () => {
  it("are one path: a bar per hour with use, the busiest 16 px high, any use at least 2 px", () => {
    expect(sparklinePath([0, 8, 0, 1])).toBe("M3 0h2v16h-2zM9 14h2v2h-2z");
    expect(sparklinePath([5, 0])).toBe("M0 0h2v16h-2z");
    expect(sparklinePath(Array<number>(24).fill(0))).toBe("");
  });

  it("cross to the page as a path with the totals, and not at all for a key without use", () => {
    expect(sparklineBars(sparkline([hour(2, 1), hour(0), hour(0, 4)]))).toEqual({ requests: 2, messages: 5, bars: "M0 4h2v12h-2zM6 0h2v16h-2z" });
    expect(sparklineBars(sparkline(Array.from({ length: 24 }, () => hour(0))))).toBeUndefined();
  });
});
