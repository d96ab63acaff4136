// The key actions as a signed-in owner would call them from the page, against a real database:
// what the form sends becomes the right scopes, and what a tampered client sends is refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DataContext } from "@/lib/data/context";
import { asUser, createAccount, createMember, insertKey } from "@/lib/data/test-fixtures";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { allGeneralScopes, generalCategories } from "@/lib/permissions/catalog";
import { scopesForLevel } from "@/lib/permissions/levels";

const session = vi.hoisted(() => ({ ctx: null as DataContext | null }));
vi.mock("@/lib/data/session", () => ({
  ACCOUNT_COOKIE: "keyward-account",
  getViewer: vi.fn(async () => null),
  getSessionContext: vi.fn(async () => session.ctx),
  // As the real one: the account the page was rendered for must be the session's current one
  // (that refusal has its own test, app/actions-account-switched.test.ts).
  getActionContext: vi.fn(async (rendered: unknown) =>
    session.ctx && rendered === session.ctx.accountId
      ? { ok: true, data: session.ctx }
      : { ok: false, code: "forbidden", message: "switched accounts" },
  ),
  getSupportContext: vi.fn(async () => null),
}));
const { revalidatePath } = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath }));

const { createApiKeyAction, updateApiKeyAction, deleteApiKeyAction } = await import("./actions");

const category = (id: string) => generalCategories.find((c) => c.id === id)!;
const restricted = (levels: Record<string, string>) => ({ name: "Restricted", type: "general", access: "restricted", levels });

describe.each(testProviders)("API key actions for a signed-in owner on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  let accountId: string;

  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
  });
  afterAll(async () => drop?.());
  beforeEach(async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    accountId = account.id;
    session.ctx = asUser(db, owner.id, account.id);
    revalidatePath.mockClear();
  });

  const storedScopes = async (id: string) => JSON.parse((await db.apiKey.findUniqueOrThrow({ where: { id } })).scopes);
  const keyCount = () => db.apiKey.count({ where: { accountId } });

  it("Full Access grants every general scope", async () => {
    const result = await createApiKeyAction(accountId, { name: "Everything", type: "general", access: "full", levels: {} });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.apiKey.scopes).toEqual([...allGeneralScopes]);
    expect(await storedScopes(result.data.apiKey.id)).toEqual([...allGeneralScopes]);
    expect(revalidatePath).toHaveBeenCalledWith("/settings/api_keys");
  });

  it("restricted levels grant exactly their categories' scopes", async () => {
    const result = await createApiKeyAction(accountId, restricted({ mail_send: "full", stats: "read", alerts: "none" }));
    if (!result.ok) throw new Error(result.message);
    const expected = [...scopesForLevel(category("mail_send"), "full"), ...scopesForLevel(category("stats"), "read")].sort();
    expect(result.data.apiKey.scopes).toEqual(expected);
    expect(await storedScopes(result.data.apiKey.id)).toEqual(expected);
  });

  it.each([
    ["a blank name", { ...restricted({ mail_send: "full" }), name: "   " }, { fieldErrors: { name: ["Enter a name for the API key"] } }],
    ["no permission chosen", restricted({ mail_send: "none", stats: "none" }), { fieldErrors: { levels: ["Choose at least one permission"] } }],
    ["a level the category does not offer", restricted({ mail_send: "read" }), { fieldErrors: { levels: ["Choose one of the offered access levels"] } }],
  ])("refuses %s as invalid, saving nothing", async (_name, form, expected) => {
    expect(await createApiKeyAction(accountId, form)).toMatchObject({ ok: false, code: "invalid", ...expected });
    expect(await keyCount()).toBe(0);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("answers not found for another account's key and changes nothing", async () => {
    const other = await createAccount(db);
    const theirs = await insertKey(db, other.id, "general", ["mail.send"]);
    const before = await db.apiKey.findUniqueOrThrow({ where: { id: theirs } });
    expect(await updateApiKeyAction(accountId, theirs, { name: "Mine now", type: "general", access: "full", levels: {} })).toMatchObject({ ok: false, code: "not_found" });
    expect(await deleteApiKeyAction(accountId, theirs)).toMatchObject({ ok: false, code: "not_found" });
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: theirs } })).toEqual(before);
  });

  it("refuses a tampered edit that turns a billing key into a Full Access general key", async () => {
    const billing = await insertKey(db, accountId, "billing", ["billing.read"]);
    const result = await updateApiKeyAction(accountId, billing, { name: "Widened", type: "general", access: "full", levels: {} });
    expect(result).toMatchObject({ ok: false, code: "unassignable" });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: billing } });
    expect({ name: row.name, type: row.type, scopes: JSON.parse(row.scopes) }).toMatchObject({ type: "billing", scopes: ["billing.read"] });
    expect(row.name).not.toBe("Widened");
  });

  it("deletes a key once; a second delete is not found", async () => {
    const created = await createApiKeyAction(accountId, restricted({ mail_send: "full" }));
    if (!created.ok) throw new Error(created.message);
    const id = created.data.apiKey.id;
    expect(await deleteApiKeyAction(accountId, id)).toEqual({ ok: true, data: { id } });
    expect(await db.apiKey.findUnique({ where: { id } })).toBeNull();
    expect(await deleteApiKeyAction(accountId, id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await keyCount()).toBe(0);
  });
});
