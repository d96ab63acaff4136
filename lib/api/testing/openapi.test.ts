import { describe, expect, it } from "vitest";
import { componentSchema, responseSchema, validate } from "./openapi";

// The checker the client journey relies on must be able to say no.
describe("the OpenAPI checker", () => {
  it("resolves $refs and reports wrong types, missing required fields and, when strict, extra fields", () => {
    const list = responseSchema("/v3/api_keys", "get", 200);
    expect(validate(list, { result: [{ name: "n", api_key_id: "i" }] }, true)).toEqual([]);
    expect(validate(list, { result: [{ name: 1, api_key_id: "i" }] })).toEqual(["$.result[0].name: expected a string"]);
    expect(validate(list, { result: [{ name: "n", secretHash: "x" }] }, true)).toEqual(["$.result[0].secretHash: not in the schema"]);
    expect(validate(list, { result: {} })).toEqual(["$.result: expected an array"]);
    const error = componentSchema("ErrorResponse");
    expect(validate(error, { errors: [{ field: null, message: "m" }] }, true)).toEqual([]);
    const createBody = { type: "object", required: ["name"], properties: { name: { type: "string" } } };
    expect(validate(createBody, {})).toEqual(["$.name: required"]);
  });

  it("refuses to check a response the file does not describe", () => {
    expect(() => responseSchema("/v3/api_keys", "get", 418)).toThrow(/no 418 response/);
  });
});
