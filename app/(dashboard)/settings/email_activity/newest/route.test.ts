// The Email Activity page polls this route every few seconds: each answer must say what happened,
// and a database locked by someone else must read as "try again later", not as "you may not".
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DataContext } from "@/lib/data/context";
import { fail, messages, ok, type DataResult } from "@/lib/data/result";

const state = vi.hoisted(() => ({ ctx: null as DataContext | null, result: null as DataResult<string | null> | null }));
vi.mock("@/lib/data/session", () => ({ getSessionContext: vi.fn(async () => state.ctx) }));
vi.mock("@/lib/data/email-activity", () => ({ getNewestEmailMessageId: vi.fn(async () => state.result) }));

const { GET } = await import("./route");

describe("GET /settings/email_activity/newest", () => {
  beforeEach(() => {
    state.ctx = { db: {} as DataContext["db"], principal: { kind: "user", userId: "u1" }, accountId: "a1" };
  });

  it("answers the newest id, never cached", async () => {
    state.result = ok("m42");
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ newest: "m42" });
  });

  it("answers 401 without a session", async () => {
    state.ctx = null;
    expect((await GET()).status).toBe(401);
  });

  it("answers 403 to a member without the scope, and 404 when the account is gone", async () => {
    state.result = fail("forbidden", "no");
    expect((await GET()).status).toBe(403);
    state.result = fail("not_found", "Account not found");
    expect((await GET()).status).toBe(404);
  });

  it("answers 503 with Retry-After while the database is busy", async () => {
    state.result = fail("busy", messages.busy);
    const response = await GET();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: messages.busy });
  });
});
