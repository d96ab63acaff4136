import * as crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { hashSecret, verifySecret } from "./hash";

// Pass-through mock so the test can prove the comparison is the constant-time one.
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

// FIPS 180-2 test vector for SHA-256("abc").
const ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const SECRET = "0123456789abcdefghijklmnopqrstuvwxyzABCD-_Z";

describe("hashSecret", () => {
  it("is hex SHA-256 of the secret", () => {
    expect(hashSecret("abc")).toBe(ABC_SHA256);
  });

  it("gives 64 lowercase hex chars and differs for different secrets", () => {
    expect(hashSecret(SECRET)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(SECRET)).not.toBe(hashSecret(`${SECRET.slice(0, -1)}Y`));
  });
});

describe("verifySecret", () => {
  it("accepts the secret whose hash is stored", () => {
    expect(verifySecret("abc", ABC_SHA256)).toBe(true);
    expect(verifySecret(SECRET, hashSecret(SECRET))).toBe(true);
  });

  it("accepts a stored hash written in uppercase hex", () => {
    expect(verifySecret("abc", ABC_SHA256.toUpperCase())).toBe(true);
  });

  it("rejects a different secret", () => {
    expect(verifySecret("abd", ABC_SHA256)).toBe(false);
    expect(verifySecret("", ABC_SHA256)).toBe(false);
  });

  it("compares with crypto.timingSafeEqual on equal-length buffers", () => {
    const timingSafeEqual = vi.mocked(crypto.timingSafeEqual);
    timingSafeEqual.mockClear();
    expect(verifySecret("abd", ABC_SHA256)).toBe(false);
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);
    const [a, b] = timingSafeEqual.mock.calls[0] as [Buffer, Buffer];
    expect(a.length).toBe(32);
    expect(b.length).toBe(32);
  });

  it.each([
    ["empty", ""],
    ["too short", ABC_SHA256.slice(2)],
    ["too long", `${ABC_SHA256}00`],
    ["odd length", ABC_SHA256.slice(1)],
    ["non-hex chars", `${ABC_SHA256.slice(0, -1)}g`],
    ["base64 instead of hex", Buffer.from(ABC_SHA256, "hex").toString("base64")],
    ["whitespace around", ` ${ABC_SHA256}`],
  ])("returns false, without throwing, for a malformed stored hash: %s", (_label, stored) => {
    expect(() => verifySecret("abc", stored)).not.toThrow();
    expect(verifySecret("abc", stored)).toBe(false);
  });

  it("returns false for a missing stored hash", () => {
    expect(verifySecret("abc", null as unknown as string)).toBe(false);
    expect(verifySecret("abc", undefined as unknown as string)).toBe(false);
  });
});
