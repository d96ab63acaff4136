import * as crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { generateApiKey } from "./generate";
import { parseApiKey } from "./parse";

// Pass-through mock: real randomness everywhere, but observable, to prove where it comes from.
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, randomBytes: vi.fn(actual.randomBytes) };
});

const BASE64URL = /^[A-Za-z0-9_-]+$/;

describe("generateApiKey", () => {
  it("produces SendGrid's format: SG.<22-char id>.<43-char secret>, 69 chars", () => {
    const { id, secret, key } = generateApiKey();
    expect(id).toHaveLength(22);
    expect(secret).toHaveLength(43);
    expect(key).toHaveLength(69);
    expect(key).toBe(`SG.${id}.${secret}`);
    expect(id).toMatch(BASE64URL);
    expect(secret).toMatch(BASE64URL);
  });

  it("encodes 16 random bytes as the id and 32 as the secret", () => {
    const { id, secret } = generateApiKey();
    expect(Buffer.from(id, "base64url")).toHaveLength(16);
    expect(Buffer.from(secret, "base64url")).toHaveLength(32);
  });

  it("never repeats an id or a secret over many generations", () => {
    const ids = new Set<string>();
    const secrets = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const { id, secret } = generateApiKey();
      ids.add(id);
      secrets.add(secret);
    }
    expect(ids.size).toBe(5000);
    expect(secrets.size).toBe(5000);
  });

  it("takes its randomness from node:crypto randomBytes", () => {
    const randomBytes = vi.mocked(crypto.randomBytes);
    randomBytes.mockClear();
    // Fixed bytes in, a predictable key out: the key can only come from these calls.
    randomBytes
      .mockImplementationOnce(() => Buffer.alloc(16, 0xff))
      .mockImplementationOnce(() => Buffer.alloc(32, 0x00));
    const { id, secret, key } = generateApiKey();
    expect(randomBytes).toHaveBeenCalledTimes(2);
    expect(randomBytes).toHaveBeenNthCalledWith(1, 16);
    expect(randomBytes).toHaveBeenNthCalledWith(2, 32);
    expect(id).toBe("_____________________w");
    expect(secret).toBe("A".repeat(43));
    expect(key).toBe(`SG._____________________w.${"A".repeat(43)}`);
  });

  it("generates keys that parseApiKey accepts and splits back", () => {
    for (let i = 0; i < 200; i++) {
      const { id, secret, key } = generateApiKey();
      expect(parseApiKey(key)).toEqual({ id, secret });
    }
  });
});
