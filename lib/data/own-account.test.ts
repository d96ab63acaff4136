import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { COMMON_PASSWORD_MESSAGE } from "@/lib/auth/common-passwords";
import { verifyPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { createFirstOwner, isSetupOpen, signUpOwner, signUpMessages } from "./own-account";

const form = (email: string, overrides: Record<string, string> = {}) => ({
  name: "Ada Owner",
  email,
  accountName: "Ada's Mail",
  password: "correct horse battery",
  confirmPassword: "correct horse battery",
  ...overrides,
});

describe.each(testProviders)("first owner and sign-up on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
  });
  afterAll(() => drop?.());
  afterEach(() => {
    delete process.env.KEYWARD_DEMO;
    delete process.env.KEYWARD_SIGNUP;
  });

  it("refuses an invalid setup form with field errors and writes nothing", async () => {
    const result = await createFirstOwner(db, form("not-an-email", { password: "short", confirmPassword: "other" }));
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["confirmPassword", "email", "password"]);
    expect(await db.user.count()).toBe(0);
  });

  it("refuses a common password, as the profile page does", async () => {
    const result = await createFirstOwner(db, form("first@example.test", { password: "qwerty123456", confirmPassword: "qwerty123456" }));
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { password: [COMMON_PASSWORD_MESSAGE] } });
    expect(await db.user.count()).toBe(0);
  });

  it("creates exactly one first owner when two setups race, then stays closed", async () => {
    expect(await isSetupOpen(db)).toBe(true);
    // Both setups pass the "no users yet" check before either writes (where the database lets two
    // transactions run at once: PostgreSQL; SQLite serializes them, and the wait simply times out).
    const arrived: (() => void)[] = [];
    const bothChecked = new Promise<void>((resolve) => arrived.push(resolve));
    let waiting = 0;
    const afterCheck = async () => {
      if (++waiting === 2) arrived.forEach((release) => release());
      await Promise.race([bothChecked, new Promise((resolve) => setTimeout(resolve, 2_000))]);
    };
    const results = await Promise.all([
      createFirstOwner(db, form("first@example.test"), { afterCheck }),
      createFirstOwner(db, form("second@example.test"), { afterCheck }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "not_found" });
    expect(await db.user.count()).toBe(1);
    const owner = await db.user.findFirstOrThrow({ include: { memberships: { include: { account: true } } } });
    expect(owner.memberships).toEqual([expect.objectContaining({ role: "owner", account: expect.objectContaining({ name: "Ada's Mail" }) })]);
    expect(owner.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(owner.passwordHash, "correct horse battery")).toBe(true);
    expect(await isSetupOpen(db)).toBe(false);
    expect(await createFirstOwner(db, form("third@example.test"))).toMatchObject({ ok: false, code: "not_found" });
  });

  it("stays closed even once every user is gone: setup is for the first run only", async () => {
    await db.membership.deleteMany();
    await db.user.deleteMany();
    expect(await isSetupOpen(db)).toBe(false);
    expect(await createFirstOwner(db, form("late@example.test"))).toMatchObject({ ok: false, code: "not_found" });
  });

  it("refuses sign-up while it is closed (production without KEYWARD_SIGNUP=open)", async () => {
    const result = await signUpOwner(db, form("closed@example.test"));
    expect(result).toEqual({ ok: false, code: "not_found", message: signUpMessages.closed });
    expect(await db.user.count({ where: { email: "closed@example.test" } })).toBe(0);
  });

  it("signs up a new owner with their own account where sign-up is open, once per e-mail", async () => {
    process.env.KEYWARD_SIGNUP = "open";
    const result = await signUpOwner(db, form("New@Example.test", { accountName: "Newco" }));
    expect(result).toMatchObject({ ok: true, data: { email: "new@example.test" } });
    if (!result.ok) return;
    const membership = await db.membership.findFirstOrThrow({ where: { userId: result.data.userId }, include: { account: true } });
    expect(membership).toMatchObject({ role: "owner", accountId: result.data.accountId, account: { name: "Newco" } });
    const again = await signUpOwner(db, form("new@example.test"));
    expect(again).toMatchObject({ ok: false, code: "invalid", message: signUpMessages.emailTaken });
  });

  it("keeps sign-up open in the demo", async () => {
    process.env.KEYWARD_DEMO = "1";
    expect(await signUpOwner(db, form("demo-signup@example.test"))).toMatchObject({ ok: true });
  });
});
