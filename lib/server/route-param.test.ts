import { describe, expect, it } from "vitest";
import { decodedParam } from "./route-param";

describe("decodedParam", () => {
  it("decodes percent-encoding and cuts at the limit", () => {
    expect(decodedParam("a%2Fb", 100)).toBe("a/b");
    expect(decodedParam("x".repeat(150), 100)).toHaveLength(100);
  });

  it("answers null, not an exception, for malformed percent-encoding", () => {
    for (const value of ["%", "%E0%A4%A", "%zz", "ok%"]) expect(decodedParam(value, 100)).toBeNull();
  });
});
