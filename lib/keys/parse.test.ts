import { describe, expect, it } from "vitest";
import { isApiKeyId, parseApiKey } from "./parse";

const ID = "AbCdEfGhIjKlMnOpQr-_12";
const SECRET = "0123456789abcdefghijklmnopqrstuvwxyzABCD-_Z";
const KEY = `SG.${ID}.${SECRET}`;

describe("parseApiKey", () => {
  it("accepts a well-formed key and returns its id and secret", () => {
    expect(ID).toHaveLength(22);
    expect(SECRET).toHaveLength(43);
    expect(parseApiKey(KEY)).toEqual({ id: ID, secret: SECRET });
  });

  it.each([
    ["empty string", ""],
    ["wrong prefix", `XX.${ID}.${SECRET}`],
    ["lowercase prefix", `sg.${ID}.${SECRET}`],
    ["missing prefix", `${ID}.${SECRET}`],
    ["id one char short", `SG.${ID.slice(1)}.${SECRET}`],
    ["id one char long", `SG.${ID}A.${SECRET}`],
    ["secret one char short", `SG.${ID}.${SECRET.slice(1)}`],
    ["secret one char long", `SG.${ID}.${SECRET}A`],
    ["standard base64 '+'", `SG.${ID.slice(1)}+.${SECRET}`],
    ["standard base64 '/'", `SG.${ID}.${SECRET.slice(1)}/`],
    ["padding '='", `SG.${ID}.${SECRET.slice(1)}=`],
    ["non-ASCII letter", `SG.${ID.slice(1)}é.${SECRET}`],
    ["extra part", `${KEY}.extra`],
    ["trailing dot", `${KEY}.`],
    ["leading whitespace", ` ${KEY}`],
    ["trailing newline", `${KEY}\n`],
    ["Bearer prefix left in", `Bearer ${KEY}`],
    ["swapped id and secret", `SG.${SECRET}.${ID}`],
  ])("rejects %s", (_label, key) => {
    expect(parseApiKey(key)).toBeNull();
  });

  it("returns null rather than throwing for non-string input", () => {
    expect(parseApiKey(undefined as unknown as string)).toBeNull();
    expect(parseApiKey(null as unknown as string)).toBeNull();
  });
});

describe("isApiKeyId", () => {
  it("accepts exactly 22 base64url characters", () => {
    expect(isApiKeyId(ID)).toBe(true);
  });

  it.each([
    ["", "empty"],
    [ID.slice(1), "21 chars"],
    [`${ID}A`, "23 chars"],
    [`${ID.slice(1)}+`, "'+'"],
    [`${ID.slice(1)}.`, "'.'"],
    [`SG.${ID}`, "with key prefix"],
    [KEY, "a whole key"],
    [`${ID}\n`, "trailing newline"],
  ])("rejects %j (%s)", (value) => {
    expect(isApiKeyId(value)).toBe(false);
  });
});
