// The Email Activity page polls this route every few seconds: each answer must say what happened,
// and a database locked by someone else must read as "try again later", not as "you may not".
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DataContext } from "@/lib/data/context";
import { fail, messages, ok, type DataResult } from "@/lib/data/result";

type Changes = { newest: string | null; statuses: Record<string, string> };
const poll = (query = "") => GET(new Request(`http://localhost/settings/email_activity/newest${query}`));

const state = vi.hoisted(() => ({ ctx: null as DataContext | null, result: null as DataResult<Changes> | null, watched: [] as string[] }));
vi.mock("@/lib/data/session", () => ({ getSessionContext: vi.fn(async () => state.ctx) }));
vi.mock("@/lib/data/email-activity", () => ({
  getEmailActivityChanges: vi.fn(async (_ctx: DataContext, watched: string[]) => {
    state.watched = watched;
    return state.result;
  }),
}));

const { GET } = await import("./route");

describe("GET /settings/email_activity/newest", () => {
  beforeEach(() => {
    state.ctx = { db: {} as DataContext["db"], principal: { kind: "user", userId: "u1" }, accountId: "a1" };
  });

  it("answers the newest id and the watched messages' statuses, never cached", async () => {
    state.result = ok({ newest: "m42", statuses: { m7: "delivered" } });
    const response = await poll("?watch=m7,m8");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ newest: "m42", statuses: { m7: "delivered" } });
    expect(state.watched).toEqual(["m7", "m8"]);
  });

  it("hands the watched ids to the data layer, which decides which are well formed", async () => {
    state.result = ok({ newest: null, statuses: {} });
    await poll(`?watch=${["../x", "m1"].map(encodeURIComponent).join(",")}`);
    expect(state.watched).toEqual(["../x", "m1"]);
    await poll();
    expect(state.watched).toEqual([]);
  });

  it("answers 401 without a session", async () => {
    state.ctx = null;
    expect((await poll()).status).toBe(401);
  });

  it("answers 403 to a member without the scope, and 404 when the account is gone", async () => {
    state.result = fail("forbidden", "no");
    expect((await poll()).status).toBe(403);
    state.result = fail("not_found", "Account not found");
    expect((await poll()).status).toBe(404);
  });

  it("answers 503 with Retry-After while the database is busy", async () => {
    state.result = fail("busy", messages.busy);
    const response = await poll();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: messages.busy });
  });
});
