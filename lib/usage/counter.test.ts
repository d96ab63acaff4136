import { describe, expect, it } from "vitest";
import { HOUR_MS, UsageCounter, hourStart } from "./counter";

const t0 = Date.parse("2030-01-01T10:00:00Z");

describe("hour buckets", () => {
  it("puts every time into the UTC hour holding it", () => {
    expect(hourStart(t0)).toBe(t0);
    expect(hourStart(t0 + HOUR_MS - 1)).toBe(t0);
    expect(hourStart(t0 + HOUR_MS)).toBe(t0 + HOUR_MS);
    expect(new Date(hourStart(Date.parse("2030-01-01T10:59:59.999Z"))).toISOString()).toBe("2030-01-01T10:00:00.000Z");
  });
});

describe("UsageCounter", () => {
  it("counts requests and messages per key and hour, and starts empty after take()", () => {
    const counter = new UsageCounter();
    counter.add("a", t0, 1, 0);
    counter.add("a", t0 + 59 * 60_000, 1, 0);
    counter.add("a", t0 + 30_000, 0, 3);
    counter.add("b", t0, 1, 0);
    // The next hour, then back to the first (times need not arrive in order).
    counter.add("a", t0 + HOUR_MS, 1, 0);
    counter.add("a", t0 + 1_000, 1, 0);
    expect(counter.size).toBe(3);
    const rows = counter.take().sort((x, y) => x.keyId.localeCompare(y.keyId) || x.hourStart - y.hourStart);
    expect(rows).toEqual([
      { keyId: "a", hourStart: t0, requests: 3, messages: 3 },
      { keyId: "a", hourStart: t0 + HOUR_MS, requests: 1, messages: 0 },
      { keyId: "b", hourStart: t0, requests: 1, messages: 0 },
    ]);
    expect(counter.size).toBe(0);
    expect(counter.take()).toEqual([]);
    counter.add("a", t0, 1, 0);
    expect(counter.take()).toEqual([{ keyId: "a", hourStart: t0, requests: 1, messages: 0 }]);
  });

  it("adds restored rows to what was counted meanwhile, losing and doubling nothing", () => {
    const counter = new UsageCounter();
    counter.add("a", t0, 5, 1);
    const failed = counter.take();
    counter.add("a", t0, 2, 0);
    counter.add("c", t0, 1, 0);
    counter.restore(failed);
    expect(counter.take().sort((x, y) => x.keyId.localeCompare(y.keyId))).toEqual([
      { keyId: "a", hourStart: t0, requests: 7, messages: 1 },
      { keyId: "c", hourStart: t0, requests: 1, messages: 0 },
    ]);
  });

  it("bounds memory: past the bound, new key-hours are dropped and counted as dropped", () => {
    const counter = new UsageCounter(2);
    counter.add("a", t0, 1, 0);
    counter.add("b", t0, 1, 0);
    counter.add("c", t0, 1, 2);
    counter.add("a", t0, 1, 0);
    expect(counter.size).toBe(2);
    expect(counter.dropped).toBe(3);
    expect(counter.take().map((row) => [row.keyId, row.requests])).toEqual([
      ["a", 2],
      ["b", 1],
    ]);
  });
});
