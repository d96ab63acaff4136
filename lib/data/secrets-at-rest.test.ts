// A key's secret is in its create response and nowhere else: not in the database (the SQLite
// file and its WAL, or every table of PostgreSQL read back as text), not in the audit table, not
// in the /v3 log. Keys are made both ways: the data function the page's action calls, and /v3.
// The page's HTML and RSC payloads are scanned by e2e/secrets.spec.ts.
import { readFileSync, existsSync } from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/create-client";
import { testProviders } from "@/lib/db/test-database";
import { call, insertKey, useApiServer, type RunningApi } from "@/lib/api/testing/api-server";
import { findSecret } from "@/test/secret-forms";
import { createApiKey, updateApiKey } from "./api-key-writes";
import { asUser, createAccount, createMember } from "./test-fixtures";

describe.each(testProviders)("secrets at rest on %s", (provider) => {
  let db: PrismaClient;
  let api: RunningApi;
  let url: string;
  useApiServer(provider, (server) => ({ db, api, url } = server));

  async function databaseText(): Promise<Buffer> {
    if (provider === "sqlite") {
      const file = url.slice("file:".length);
      // Recent writes may still sit in the write-ahead log: it is part of the database on disk.
      return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path)));
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      expect(tables.rows.map((row) => row.name)).toEqual(expect.arrayContaining(["ApiKey", "AuditEvent", "Account"]));
      const dumps = await Promise.all(
        tables.rows.map((row) => client.query<{ line: string }>(`SELECT row_to_json(t)::text AS line FROM "${row.name}" t`)),
      );
      return Buffer.from(dumps.flatMap((dump) => dump.rows.map((row) => row.line)).join("\n"));
    } finally {
      await client.end();
    }
  }

  it("finds no form of any created key outside its create response", async () => {
    const account = await createAccount(db);
    const owner = await createMember(db, account.id, "owner");
    const ctx = asUser(db, owner.id, account.id);
    const caller = await insertKey(db, account.id, ["api_keys.create", "api_keys.read", "api_keys.update", "mail.send"]);

    const keys: string[] = [caller.key];
    for (let index = 0; index < 5; index++) {
      const made = await createApiKey(ctx, { name: `page ${index}`, type: "general", scopes: ["mail.send"] });
      if (!made.ok) throw new Error(made.message);
      keys.push(made.data.key);
      await updateApiKey(ctx, made.data.apiKey.id, { name: `page ${index} renamed` });

      const response = await call(api, caller.key, "POST", "/v3/api_keys", { name: `api ${index}`, scopes: ["mail.send"] });
      expect(response.status).toBe(201);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body = (await response.json()) as { api_key: string; api_key_id: string };
      keys.push(body.api_key);
      // Each new key is used too, so its last use and its log lines are written.
      expect((await call(api, body.api_key, "GET", "/v3/scopes")).status).toBe(200);
      await call(api, caller.key, "PATCH", `/v3/api_keys/${body.api_key_id}`, { name: `api ${index} renamed` });
    }
    // Let the last-use writes that follow each answer land before reading the database.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const stored = await databaseText();
    const audit = JSON.stringify(await db.auditEvent.findMany({ where: { accountId: account.id } }));
    expect(audit).toContain("page 0 renamed");
    const logs = api.logs.join("\n");
    // The scan reads the real access log: the creates are in it.
    expect(logs).toContain('"method":"POST","route":"/v3/api_keys","status":201');
    for (const key of keys) {
      expect({ key: key.slice(0, 26), database: findSecret(stored, key), audit: findSecret(audit, key), logs: findSecret(logs, key) })
        .toEqual({ key: key.slice(0, 26), database: [], audit: [], logs: [] });
    }
    // The scan can find what it looks for: the key ids themselves are stored.
    expect(stored.includes(Buffer.from(keys[1]!.split(".")[1]!))).toBe(true);
  });
});
