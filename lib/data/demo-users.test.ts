import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/lib/config/demo";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import { seed } from "@/prisma/seed";
import { demoUsersRefusal, findDemoUsers } from "./demo-users";

describe.each(testProviders)("demo users on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
  });
  afterAll(() => drop?.());

  it("finds none among real people", async () => {
    await db.user.create({ data: { email: "real@example.test", name: "Real", passwordHash: await hashPassword("a real long password") } });
    expect(await findDemoUsers(db)).toEqual([]);
  });

  it("finds anyone whose password is the demo password, whatever their e-mail", async () => {
    await db.user.create({ data: { email: "lazy@example.test", name: "Lazy", passwordHash: await hashPassword(DEMO_PASSWORD) } });
    expect(await findDemoUsers(db)).toEqual(["lazy@example.test"]);
  });

  it("finds every seeded demo e-mail, even after its password was changed", async () => {
    await db.user.deleteMany();
    await seed(db); // seeds an empty database only
    await db.user.update({ where: { email: "owner@acme.test" }, data: { passwordHash: await hashPassword("changed but still demo") } });
    expect(await findDemoUsers(db)).toEqual(["owner@acme.test", "owner@globex.test", "reed@acme.test", "rita@acme.test", "support@keyward.test"]);
  });

  it("says how to get past the refusal", () => {
    const message = demoUsersRefusal(["owner@acme.test"]);
    expect(message).toContain("owner@acme.test");
    expect(message).toContain("new, empty database");
    expect(message).toContain("npm run user:reset-password -- --email");
  });
});
