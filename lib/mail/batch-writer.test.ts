import { describe, expect, it } from "vitest";
import { BatchWriter } from "./batch-writer";

describe("BatchWriter (group commit)", () => {
  it("writes items that arrive together in one batch, and resolves each only after its batch is written", async () => {
    const batches: number[][] = [];
    const written = new Set<number>();
    const writer = new BatchWriter<number>(async (items) => {
      batches.push(items);
      await new Promise((resolve) => setTimeout(resolve, 5));
      items.forEach((item) => written.add(item));
    }, { maxItems: 100, maxDelayMs: 2 });
    await Promise.all(
      Array.from({ length: 10 }, (_, item) => writer.add(item).then(() => expect(written.has(item)).toBe(true))),
    );
    expect(batches).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]);
  });

  it("gathers what arrives during a write into the next batch, and splits at maxItems", async () => {
    const batches: number[][] = [];
    const writer = new BatchWriter<number>(async (items) => {
      batches.push(items);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }, { maxItems: 3, maxDelayMs: 1 });
    const all = Array.from({ length: 7 }, (_, item) => writer.add(item));
    await Promise.all(all);
    expect(batches.flat()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(batches.every((batch) => batch.length <= 3)).toBe(true);
    expect(batches.length).toBe(3);
  });

  it("rejects every item of a failed batch, and keeps writing later ones", async () => {
    let fail = true;
    const writer = new BatchWriter<string>(async () => {
      if (fail) throw new Error("disk full");
    }, { maxItems: 10, maxDelayMs: 1 });
    const results = await Promise.allSettled([writer.add("a"), writer.add("b")]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    await expect(writer.add("c")).resolves.toBeUndefined();
    await writer.drain();
  });
});
