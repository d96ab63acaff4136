// Usage counts from two app processes on one PostgreSQL add up exactly: requests spread over
// both instances (the /v3 handler), messages through /v3/mail/send and the SMTP relay of both.
// Each instance counts in memory and flushes additively (lib/data/api-key-usage.ts); the test
// checks the totals once the timers have flushed, then again after a graceful stop (SIGTERM)
// with counts still in memory. The instances are lib/api/testing/serve-api.ts --smtp.
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createAccount } from "@/lib/data/test-fixtures";
import { insertKey } from "./testing/api-server";
import { startInstance, stopInstance, type Instance } from "./testing/instance";

const hasPostgres = Boolean(process.env.TEST_POSTGRES_URL);

const mail = {
  // Two personalizations: two messages in one request.
  personalizations: [{ to: [{ email: "ada@example.com" }] }, { to: [{ email: "grace@example.com" }] }],
  from: { email: "sender@example.com" },
  subject: "Counted",
  content: [{ type: "text/plain", value: "Hi" }],
};

describe.skipIf(!hasPostgres)(
  `usage counts across two app processes on one PostgreSQL${hasPostgres ? "" : " (skipped: set TEST_POSTGRES_URL to run it)"}`,
  () => {
    let database: TestDatabase;
    let instances: Instance[] = [];
    beforeAll(async () => {
      database = await createTestDatabase("postgresql");
      const started = await Promise.allSettled([startInstance("A", database.url, { smtp: true }), startInstance("B", database.url, { smtp: true })]);
      instances = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
      for (const result of started) if (result.status === "rejected") throw result.reason;
    }, 60_000);
    afterAll(async () => {
      await Promise.all(instances.map((instance) => stopInstance(instance)));
      await database?.drop();
    });

    async function totals(keyId: string) {
      const rows = await database.prisma.apiKeyUsage.findMany({ where: { apiKeyId: keyId } });
      return { requests: rows.reduce((sum, row) => sum + row.requests, 0), messages: rows.reduce((sum, row) => sum + row.messages, 0) };
    }

    async function requests(key: string, count: number) {
      // Eight at a time, alternating instances.
      let next = 0;
      const statuses: number[] = [];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < count) {
            const instance = instances[next++ % 2]!;
            const response = await fetch(`${instance.url}/v3/scopes`, { headers: { authorization: `Bearer ${key}` } });
            await response.arrayBuffer();
            statuses.push(response.status);
          }
        }),
      );
      expect(statuses.every((status) => status === 200)).toBe(true);
    }

    it("adds up exactly after the timers flush, and after a graceful stop with counts still in memory", async () => {
      const db = database.prisma;
      const account = await createAccount(db);
      const { id, key } = await insertKey(db, account.id, ["mail.send"]);

      await requests(key, 300);
      for (const instance of instances) {
        const response = await fetch(`${instance.url}/v3/mail/send`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify(mail),
        });
        expect(response.status).toBe(202);
      }
      for (const instance of instances) {
        const transport = nodemailer.createTransport({ host: "127.0.0.1", port: instance.smtpPort!, auth: { user: "apikey", pass: key } });
        await transport.sendMail({ from: "sender@example.com", to: "ada@example.com", subject: "Over SMTP", text: "plain" });
        transport.close();
      }
      // Refused requests are not counted: no key, or a wrong one.
      await fetch(`${instances[0]!.url}/v3/scopes`).then((response) => response.arrayBuffer());

      // 300 requests plus the two mail/send requests; 2 × 2 messages over HTTP and 2 over SMTP.
      const expected = { requests: 302, messages: 6 };
      const deadline = Date.now() + 10_000;
      let seen = await totals(id);
      while (Date.now() < deadline && (seen.requests !== expected.requests || seen.messages !== expected.messages)) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        seen = await totals(id);
      }
      expect(seen).toEqual(expected);
      // Several hundred requests, a handful of rows: one per key, hour (and rarely, the hour
      // turning meanwhile, two).
      expect(await db.apiKeyUsage.count({ where: { apiKeyId: id } })).toBeLessThanOrEqual(2);

      // More requests, then stop both at once: what was still in memory is written on the way out.
      await requests(key, 100);
      await Promise.all(instances.map((instance) => stopInstance(instance)));
      expect(instances.every((instance) => instance.child.exitCode === 0)).toBe(true);
      expect(await totals(id)).toEqual({ requests: 402, messages: 6 });
    }, 60_000);
  },
);
