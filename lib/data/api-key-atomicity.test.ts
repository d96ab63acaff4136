// "No failure leaves a half-written row": with the database made to fail at one step of a key
// write (a trigger that raises), every write must fail as a whole, leaving the keys, the
// account's counter and the audit log as they were, whether it came from the page's data
// function or from /v3. The page's action then throws (the form says "Something went wrong.
// Nothing was saved.", e2e/action-failure.spec.ts); /v3 answers a plain 500 that names nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { testProviders } from "@/lib/db/test-database";
import { call, useApiServer, type RunningApi } from "@/lib/api/testing/api-server";
import { generateApiKey } from "@/lib/keys/generate";
import { hashSecret } from "@/lib/keys/hash";
import { createApiKey, updateApiKey } from "./api-key-writes";
import { deleteApiKey } from "./api-keys";
import type { DataContext } from "./context";
import { asUser, createAccount, createMember } from "./test-fixtures";

type Step = { table: "AuditEvent" | "ApiKey" | "Account"; on: "INSERT" | "UPDATE" | "DELETE" };

function failing({ table, on }: Step, provider: DatabaseProvider) {
  const trigger = `"${table}_test_fail_${on}"`;
  if (provider === "sqlite") {
    return {
      install: [`CREATE TRIGGER ${trigger} BEFORE ${on} ON "${table}" BEGIN SELECT RAISE(ABORT, 'boom'); END`],
      remove: [`DROP TRIGGER ${trigger}`],
    };
  }
  return {
    install: [
      `CREATE OR REPLACE FUNCTION keyward_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$`,
      `CREATE TRIGGER ${trigger} BEFORE ${on} ON "${table}" FOR EACH ROW EXECUTE FUNCTION keyward_test_fail()`,
    ],
    remove: [`DROP TRIGGER ${trigger} ON "${table}"`],
  };
}

// Each write, with the steps it takes inside its transaction: the first, a middle one, the last.
const writes = {
  create: [{ table: "ApiKey", on: "INSERT" }, { table: "Account", on: "UPDATE" }, { table: "AuditEvent", on: "INSERT" }],
  edit: [{ table: "ApiKey", on: "UPDATE" }, { table: "AuditEvent", on: "INSERT" }],
  delete: [{ table: "ApiKey", on: "DELETE" }, { table: "Account", on: "UPDATE" }, { table: "AuditEvent", on: "INSERT" }],
} satisfies Record<string, Step[]>;
type Write = keyof typeof writes;
const cases = (Object.keys(writes) as Write[]).flatMap((write) => writes[write].map((step): [Write, Step] => [write, step]));

describe.each(testProviders)("key writes when the database fails mid-write, on %s", (provider) => {
  let db: PrismaClient;
  let api: RunningApi;
  let ctx: DataContext;
  let keyId: string;
  let apiKey: string;
  useApiServer(provider, (server) => ({ db, api } = server));

  beforeAll(async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    ctx = asUser(db, owner.id, account.id);
    const created = await createApiKey(ctx, { name: "Existing", type: "general", scopes: ["mail.send"] });
    if (!created.ok) throw new Error(created.message);
    keyId = created.data.apiKey.id;
    // The /v3 cases act on the caller's own account, so the page's account keeps its one key.
    const other = await createAccount(db);
    const { id, secret, key } = generateApiKey();
    await db.apiKey.create({ data: { id, accountId: other.id, name: "caller", type: "general", scopes: JSON.stringify(["api_keys.create", "api_keys.update", "api_keys.delete", "mail.send"]), secretHash: hashSecret(secret) } });
    apiKey = key;
  });
  afterAll(() => db?.$executeRawUnsafe(`DROP FUNCTION IF EXISTS keyward_test_fail()`).catch(() => undefined));

  async function state(accountId = ctx.accountId) {
    const [keys, account, events] = await Promise.all([
      // lastUsedAt aside: the /v3 caller's last use is recorded after each answer, by design.
      db.apiKey.findMany({ where: { accountId }, orderBy: { id: "asc" }, omit: { lastUsedAt: true } }),
      db.account.findUniqueOrThrow({ where: { id: accountId }, select: { keyCount: true } }),
      db.auditEvent.findMany({ where: { accountId }, orderBy: { id: "asc" } }),
    ]);
    return { keys, keyCount: account.keyCount, events };
  }

  async function withFault<T>(step: Step, work: () => Promise<T>): Promise<T> {
    const fault = failing(step, provider);
    for (const sql of fault.install) await db.$executeRawUnsafe(sql);
    try {
      return await work();
    } finally {
      for (const sql of fault.remove) await db.$executeRawUnsafe(sql);
    }
  }

  it.each(cases)("a %s failing at %j through the page's data function writes nothing", async (write, step) => {
    const before = await state();
    expect(before).toMatchObject({ keyCount: 1 });
    expect(before.events).toHaveLength(1);
    const run: () => Promise<unknown> = {
      create: () => createApiKey(ctx, { name: "New", type: "general", scopes: ["mail.send"] }),
      edit: () => updateApiKey(ctx, keyId, { name: "Renamed", permissions: { scopes: ["mail.send", "stats.read"] } }),
      delete: () => deleteApiKey(ctx, keyId),
    }[write];
    // Unexpected, so it throws: the action does not turn a broken database into a form message.
    await expect(withFault(step, run)).rejects.toThrow();
    expect(await state()).toEqual(before);
  });

  it.each(cases)("a %s failing at %j through /v3 answers a plain 500 and writes nothing", async (write, step) => {
    const target = await db.apiKey.findFirstOrThrow({ where: { name: "caller" }, select: { accountId: true } });
    const { id: victim } = await db.apiKey.create({
      data: { ...generateFields(), accountId: target.accountId, name: "victim", type: "general", scopes: JSON.stringify(["mail.send"]) },
    });
    const before = await state(target.accountId);
    const logsBefore = api.logs.length;
    const response = await withFault(step, () =>
      write === "create"
        ? call(api, apiKey, "POST", "/v3/api_keys", { name: "New", scopes: ["mail.send"] })
        : write === "edit"
          ? call(api, apiKey, "PATCH", `/v3/api_keys/${victim}`, { name: "Renamed" })
          : call(api, apiKey, "DELETE", `/v3/api_keys/${victim}`),
    );
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ errors: [{ message: "internal server error" }] });
    // The driver's message (which may quote values) stays out of the log too.
    expect(api.logs.slice(logsBefore).join("\n")).not.toContain("boom");
    expect(await state(target.accountId)).toEqual(before);
    await db.apiKey.delete({ where: { id: victim } });
  });
});

function generateFields() {
  const { id, secret } = generateApiKey();
  return { id, secretHash: hashSecret(secret) };
}
