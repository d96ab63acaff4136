import { describe, expect, it } from "vitest";
import { parseActivityQuery } from "./activity-query";

describe("parseActivityQuery", () => {
  it("reads SendGrid's field=\"value\" clauses joined by AND", () => {
    expect(parseActivityQuery(`to_email="ada@example.com" AND status="processed"`)).toEqual({ ok: true, filter: { to: "ada@example.com", status: "processed" } });
    expect(parseActivityQuery(`subject="Say \\"hi\\"" AND from_email=x@example.com`)).toEqual({ ok: true, filter: { subject: 'Say "hi"', from: "x@example.com" } });
    expect(parseActivityQuery(null)).toEqual({ ok: true, filter: {} });
  });

  it("refuses unknown fields, statuses and syntax as SendGrid words it", () => {
    expect(parseActivityQuery(`bad_field="x"`)).toEqual({ ok: false, message: "invalid syntax: 'bad_field' is not a known field" });
    expect(parseActivityQuery(`status="lost"`)).toMatchObject({ ok: false });
    expect(parseActivityQuery(`to_email LIKE "%x%"`)).toMatchObject({ ok: false });
  });
});
