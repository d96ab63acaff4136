import { beforeEach, describe, expect, it, vi } from "vitest";

const cookieJar = { set: vi.fn(), get: vi.fn() };
vi.mock("next/headers", () => ({ cookies: async () => cookieJar }));
vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(async () => null) }));
const viewer = {
  user: { id: "u1", name: "Gus", email: "gus@example.test", isSupportStaff: false },
  accounts: [
    { id: "globex", name: "Globex", role: "owner" },
    { id: "acme", name: "Acme", role: "read_only" },
  ],
  currentAccountId: "globex",
};
vi.mock("@/lib/data/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/data/session")>()),
  getViewer: vi.fn(async () => viewer),
}));

const { switchAccountAction } = await import("./actions");
const { pickCurrentAccount } = await import("@/lib/data/session");

describe("the account switcher", () => {
  beforeEach(() => cookieJar.set.mockClear());

  it("stores only an account the user belongs to", async () => {
    expect(await switchAccountAction("acme")).toEqual({ ok: true, data: { accountId: "acme" } });
    expect(cookieJar.set).toHaveBeenCalledWith("keyward-account", "acme", expect.objectContaining({ httpOnly: true, sameSite: "lax" }));
    expect(await switchAccountAction("someone-elses")).toMatchObject({ ok: false, code: "not_found" });
    expect(await switchAccountAction({ id: "acme" })).toMatchObject({ ok: false, code: "not_found" });
    expect(cookieJar.set).toHaveBeenCalledTimes(1);
  });

  it("ignores a cookie naming an account the user is not (or no longer) a member of", () => {
    expect(pickCurrentAccount(viewer.accounts, "acme")?.id).toBe("acme");
    expect(pickCurrentAccount(viewer.accounts, "forged")?.id).toBe("globex");
    expect(pickCurrentAccount(viewer.accounts, undefined)?.id).toBe("globex");
    expect(pickCurrentAccount([], "acme")).toBeNull();
  });
});
