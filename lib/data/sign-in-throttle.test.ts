import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { findSignInBlock } from "./sign-in-throttle";
import { attemptSignIn, type SignInAttempt } from "./users";

const MINUTE = 60_000;
const PASSWORD = "correct horse battery staple";
let sequence = 0;

describe.each(testProviders)("sign-in throttling on %s", (provider) => {
  let db: PrismaClient;
  let url: string;
  let drop: () => Promise<void>;
  let passwordHash: string;
  beforeAll(async () => {
    ({ prisma: db, url, drop } = await createTestDatabase(provider));
    passwordHash = await hashPassword(PASSWORD);
  });
  afterAll(async () => drop?.());

  // Each test its own person and address, so the counts never mix.
  async function person() {
    const n = sequence++;
    const email = `person-${n}-${Date.now()}@example.test`;
    await db.user.create({ data: { email, name: "Person", passwordHash } });
    return { email, address: `10.0.${n}.1` };
  }
  const at = (start: number, minutes: number) => new Date(start + minutes * MINUTE);
  const reasonOf = (attempt: SignInAttempt) => (attempt.ok ? "ok" : attempt.reason);

  it("locks an e-mail after 5 failures in 15 minutes, refusing even the right password until it expires", async () => {
    const { email, address } = await person();
    const start = Date.parse("2026-01-01T10:00:00Z");
    for (let i = 0; i < 4; i++) expect(reasonOf(await attemptSignIn(db, { email, password: "wrong", address }, at(start, i)))).toBe("invalid");
    expect(reasonOf(await attemptSignIn(db, { email, password: PASSWORD, address: "10.9.9.9" }, at(start, 4)))).toBe("ok");
    // Success cleared the count: five more failures are needed.
    for (let i = 5; i < 10; i++) expect(reasonOf(await attemptSignIn(db, { email, password: "wrong", address }, at(start, i)))).toBe("invalid");
    // Locked for 15 minutes after the 5th, from any address, with the right password too.
    const locked = await attemptSignIn(db, { email, password: PASSWORD, address: "10.8.8.8" }, at(start, 10));
    expect(locked).toMatchObject({ ok: false, reason: "locked", block: { kind: "email", until: at(start, 9 + 15) } });
    expect(reasonOf(await attemptSignIn(db, { email, password: PASSWORD, address }, at(start, 23)))).toBe("locked");
    expect(reasonOf(await attemptSignIn(db, { email, password: PASSWORD, address }, at(start, 24)))).toBe("ok");
  });

  it("does not count failures spread wider than the window", async () => {
    const { email, address } = await person();
    const start = Date.parse("2026-01-02T10:00:00Z");
    for (let i = 0; i < 8; i++) await attemptSignIn(db, { email, password: "wrong", address }, at(start, i * 4));
    expect(reasonOf(await attemptSignIn(db, { email, password: PASSWORD, address }, at(start, 8 * 4)))).toBe("ok");
  });

  it("makes the next lock twice as long, and locks an unknown e-mail just the same", async () => {
    const { address } = await person();
    const email = `nobody-${sequence++}@example.test`;
    const start = Date.parse("2026-01-03T10:00:00Z");
    for (let i = 0; i < 5; i++) await attemptSignIn(db, { email, password: "wrong", address }, at(start, 0));
    expect(await findSignInBlock(db, { email, address: "other" }, at(start, 1))).toEqual({ kind: "email", until: at(start, 15) });
    for (let i = 0; i < 5; i++) await attemptSignIn(db, { email, password: "wrong", address }, at(start, 20));
    expect(await findSignInBlock(db, { email, address: "other" }, at(start, 21))).toEqual({ kind: "email", until: at(start, 20 + 30) });
    expect(await findSignInBlock(db, { email, address: "other" }, at(start, 50))).toBeNull();
  });

  it("locks an address that fails 20 times with any e-mails, for every e-mail, and for a while only", async () => {
    const { email, address } = await person();
    const start = Date.parse("2026-01-04T10:00:00Z");
    for (let i = 0; i < 20; i++) await attemptSignIn(db, { email: `spray-${i}-${sequence}@example.test`, password: "wrong", address }, at(start, 0));
    expect(await findSignInBlock(db, { address }, at(start, 1))).toEqual({ kind: "address", until: at(start, 15) });
    expect(reasonOf(await attemptSignIn(db, { email, password: PASSWORD, address }, at(start, 1)))).toBe("locked");
    expect(reasonOf(await attemptSignIn(db, { email, password: PASSWORD, address: "10.7.7.7" }, at(start, 1)))).toBe("ok");
    expect(reasonOf(await attemptSignIn(db, { email, password: PASSWORD, address }, at(start, 15)))).toBe("ok");
  });

  it("counts failures arriving at once on two instances (two clients of one database)", async () => {
    const { email, address } = await person();
    const second = createPrismaClient(url);
    try {
      const now = new Date();
      await Promise.all(Array.from({ length: 5 }, (_, i) => attemptSignIn(i % 2 ? second : db, { email, password: `wrong-${i}`, address }, now)));
      expect(await findSignInBlock(second, { email, address: "elsewhere" }, now)).toMatchObject({ kind: "email" });
    } finally {
      await second.$disconnect();
    }
  });

  it("stores neither the e-mail nor the address as typed", async () => {
    const { email, address } = await person();
    await attemptSignIn(db, { email, password: "wrong", address }, new Date());
    const rows = JSON.stringify(await db.signInFailure.findMany());
    expect(rows).not.toContain(email);
    expect(rows).not.toContain(address);
  });
});
