// The anonymous column of the permission matrix: every server action of the dashboard, called
// with no session, answers "unauthenticated" and touches no data.
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/data/session", () => ({
  ACCOUNT_COOKIE: "keyward-account",
  getViewer: vi.fn(async () => null),
  getSessionContext: vi.fn(async () => null),
  getSupportContext: vi.fn(async () => null),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/data/db", () => ({
  getDb: () => {
    throw new Error("an anonymous call reached the database");
  },
}));

const { createApiKeyAction, updateApiKeyAction, deleteApiKeyAction } = await import("./(dashboard)/settings/api_keys/actions");
const { inviteTeammateAction, updateTeammateAction, removeTeammateAction, revokeInviteAction } = await import("./(dashboard)/settings/teammates/actions");
const { switchAccountAction } = await import("./actions");
const { joinInviteAction } = await import("./(auth)/invite/[token]/actions");

const keyForm = { name: "k", type: "general", access: "full", levels: {} };
const teammateForm = { role: "admin", includeBilling: false, levels: {} };

describe("server actions called anonymously", () => {
  it.each([
    ["create a general key", () => createApiKeyAction(keyForm)],
    ["create a billing key", () => createApiKeyAction({ ...keyForm, type: "billing", access: "restricted", levels: { billing: "read" } })],
    ["edit a key", () => updateApiKeyAction("abc", keyForm)],
    ["delete a key", () => deleteApiKeyAction("abc")],
    ["invite a teammate", () => inviteTeammateAction({ email: "a@example.test", ...teammateForm })],
    ["edit a teammate", () => updateTeammateAction("user", teammateForm)],
    ["remove a teammate", () => removeTeammateAction("user")],
    ["revoke an invitation", () => revokeInviteAction("invite")],
    ["switch account", () => switchAccountAction("account")],
    ["join through an invitation", () => joinInviteAction("A".repeat(43))],
  ])("%s → unauthenticated", async (_name, call) => {
    expect(await call()).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});
