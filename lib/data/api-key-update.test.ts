import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders } from "@/lib/db/test-database";
import type { CategoryLevel } from "@/lib/permissions/catalog";
import { updateApiKey } from "./api-key-writes";
import { asUser, createAccount, createMember, insertKey } from "./test-fixtures";

describe.each(testProviders)("editing a key's levels on %s", (provider) => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ prisma: db, drop } = await createTestDatabase(provider));
  });
  afterAll(async () => drop?.());

  async function ownerWithKey(type: "general" | "billing", scopes: string[]) {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const id = await insertKey(db, account.id, type, scopes, owner.id);
    return { ctx: asUser(db, owner.id, account.id), id };
  }

  // Whatever type the client's form claimed, the stored key's type decides which levels exist.
  it.each<[string, "general" | "billing", Record<string, CategoryLevel>]>([
    ["Read on Mail Send, which offers only Full", "general", { mail_send: "read" }],
    ["Full on Stats, which offers only Read", "general", { stats: "full", mail_send: "full" }],
    ["a general category on a billing key", "billing", { billing: "read", mail_send: "full" }],
    ["a billing category on a general key", "general", { mail_send: "full", billing: "full" }],
  ])("refuses %s and changes nothing", async (_name, type, levels) => {
    const scopes = type === "billing" ? ["billing.read"] : ["mail.send"];
    const { ctx, id } = await ownerWithKey(type, scopes);
    const before = await db.apiKey.findUniqueOrThrow({ where: { id } });
    const result = await updateApiKey(ctx, id, { name: "edited", permissions: { levels } });
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { levels: ["Choose one of the offered access levels"] } });
    expect(await db.apiKey.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await db.auditEvent.count({ where: { targetKeyId: id } })).toBe(0);
  });

  it("accepts offered levels, Custom and No Access for foreign categories", async () => {
    const { ctx, id } = await ownerWithKey("general", ["alerts.create", "mail.send"]);
    const result = await updateApiKey(ctx, id, {
      name: "edited",
      permissions: { levels: { alerts: "custom", stats: "read", mail_send: "none", billing: "none" } },
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.scopes).toContain("alerts.create");
    expect(result.data.scopes).toContain("stats.read");
    expect(result.data.scopes).not.toContain("mail.send");
  });

  it("reads the member's standing once per edit", async () => {
    const { ctx, id } = await ownerWithKey("general", ["mail.send"]);
    let membershipReads = 0;
    const counting = new Proxy(db, {
      get(target, property, receiver) {
        if (property === "membership") membershipReads++;
        return Reflect.get(target, property, receiver);
      },
    });
    const result = await updateApiKey({ ...ctx, db: counting }, id, { name: "renamed" });
    expect(result.ok).toBe(true);
    expect(membershipReads).toBe(1);
  });
});
