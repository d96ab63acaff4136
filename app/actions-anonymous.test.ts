// The anonymous column of the permission matrix: every server action of the dashboard, called
// with no session, answers "unauthenticated" and touches no data.
import { describe, expect, it, vi } from "vitest";

// No session: the real lib/data/session runs and finds nobody signed in.
vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(async () => null), signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: vi.fn() }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/data/db", () => ({
  getDb: () => {
    throw new Error("an anonymous call reached the database");
  },
}));

const { createApiKeyAction, updateApiKeyAction, deleteApiKeyAction } = await import("./(dashboard)/settings/api_keys/actions");
const { inviteTeammateAction, updateTeammateAction, removeTeammateAction, revokeInviteAction } = await import("./(dashboard)/settings/teammates/actions");
const { updateBillingProfileAction } = await import("./(dashboard)/settings/billing/actions");
const { switchAccountAction } = await import("./actions");
const { joinInviteAction } = await import("./(auth)/invite/[token]/actions");

const keyForm = { name: "k", type: "general", access: "full", levels: {} };
const teammateForm = { role: "admin", includeBilling: false, levels: {} };
// The account id a dashboard page would send with each action.
const account = "account";

describe("server actions called anonymously", () => {
  it.each([
    ["create a general key", () => createApiKeyAction(account, keyForm)],
    ["create a billing key", () => createApiKeyAction(account, { ...keyForm, type: "billing", access: "restricted", levels: { billing: "read" } })],
    ["edit a key", () => updateApiKeyAction(account, "abc", keyForm)],
    ["delete a key", () => deleteApiKeyAction(account, "abc")],
    ["invite a teammate", () => inviteTeammateAction(account, { email: "a@example.test", ...teammateForm })],
    ["edit a teammate", () => updateTeammateAction(account, "user", teammateForm)],
    ["remove a teammate", () => removeTeammateAction(account, "user")],
    ["revoke an invitation", () => revokeInviteAction(account, "invite")],
    ["change the billing e-mail", () => updateBillingProfileAction(account, { billingEmail: "b@example.test" })],
    ["switch account", () => switchAccountAction("account")],
    ["join through an invitation", () => joinInviteAction("A".repeat(43))],
  ])("%s → unauthenticated", async (_name, call) => {
    expect(await call()).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});
