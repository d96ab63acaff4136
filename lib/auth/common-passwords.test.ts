import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/lib/config/demo";
import { isCommonPassword } from "./common-passwords";

describe("isCommonPassword", () => {
  it("knows common passwords long enough to pass the length rule, in any case", () => {
    expect(isCommonPassword("1qaz2wsx3edc")).toBe(true);
    expect(isCommonPassword("QWERTY123456")).toBe(true);
    expect(isCommonPassword("password")).toBe(true);
  });

  it("includes the demo's password, which the README makes public", () => {
    expect(isCommonPassword(DEMO_PASSWORD)).toBe(true);
  });

  it("lets an uncommon one through", () => {
    expect(isCommonPassword("violet-harbor-stapler-42")).toBe(false);
  });
});
