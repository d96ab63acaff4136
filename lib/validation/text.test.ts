import { describe, expect, it } from "vitest";
import { apiKeyNameSchema } from "./api-key";
import { billingEmailSchema } from "./billing";
import { signInSchema } from "./sign-in";
import { accountHolderNameSchema, teammateEmailSchema } from "./teammate";
import { CONTROL_CHARACTERS_MESSAGE, isWellFormedText } from "./text";

// Every user-supplied string that reaches the database, with a value each accepts.
const schemas = [
  ["API key name", apiKeyNameSchema, "Zoë's 鍵 🔑"],
  ["account holder name", accountHolderNameSchema, "Zoë Åström"],
  ["billing e-mail", billingEmailSchema, "billing@example.test"],
  ["teammate e-mail", teammateEmailSchema, "ann@example.test"],
  ["sign-in e-mail", signInSchema.shape.email, "ann@example.test"],
] as const;

describe("text that reaches the database", () => {
  it.each(schemas)("%s refuses NUL and the other control characters with a clear message", (_, schema, valid) => {
    expect(schema.safeParse(valid).success).toBe(true);
    // Surrounding whitespace is trimmed first: a pasted trailing newline is not refused.
    expect(schema.safeParse(`${valid}\n`).success).toBe(true);
    const at = valid.indexOf("@");
    for (const control of ["\u0000", "\u0001", "\t", "\n", "\u001f", "\u007f"]) {
      const tainted = at === -1 ? `a${control}${valid}` : `${valid.slice(0, at)}${control}x${valid.slice(at)}`;
      const result = schema.safeParse(tainted);
      expect(result.success, JSON.stringify(tainted)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(CONTROL_CHARACTERS_MESSAGE);
    }
  });
});

describe("isWellFormedText", () => {
  it("refuses lone surrogates and keeps real characters, emoji included", () => {
    expect(isWellFormedText("plain, ünïcode, \u202Eright-to-left, 🔑")).toBe(true);
    expect(isWellFormedText("\uD800")).toBe(false);
    expect(isWellFormedText("a\uDC00b")).toBe(false);
    expect(isWellFormedText("🔑".slice(0, 1))).toBe(false);
  });
});
