// The upstream relay with real parts: messages queued in a real database, delivered by nodemailer
// to a real SMTP receiver (smtp-server) that accepts, defers with a 4xx, or refuses with a 5xx.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/db/test-database";
import { storeMessageBatch } from "@/lib/data/email-message-writes";
import type { DeliveryAttempt } from "@/lib/data/email-delivery";
import { createAccount } from "@/lib/data/test-fixtures";
import { insertKey } from "@/lib/api/testing/api-server";
import { parseMailSend } from "@/lib/validation/mail-send";
import { composeMessages } from "./compose";
import { startDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from "./delivery-worker";
import { newMessageId } from "./message";
import { upstreamRelayConfig } from "./relay-config";
import { freePort, startUpstream, type Upstream, type UpstreamAnswer } from "./testing/upstream";

const PASSWORD = "relay-s3cret";

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.each(testProviders)("upstream relay on %s", (provider) => {
  let database: TestDatabase;
  let db: PrismaClient;
  let accountId: string;
  let keyId: string;
  const logs: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    db = database.prisma;
    accountId = (await createAccount(db)).id;
    keyId = (await insertKey(db, accountId, ["mail.send"])).id;
  });
  afterAll(() => database.drop());

  async function queue(count: number, extra: Record<string, unknown> = {}): Promise<string[]> {
    const ids: string[] = [];
    for (let n = 0; n < count; n += 1) {
      const parsed = parseMailSend({
        personalizations: [{ to: [{ email: `to${n}@example.com` }], bcc: [{ email: "secret-bcc@example.com" }] }],
        from: { email: "sender@example.com" },
        subject: `Relayed ${n}`,
        content: [{ type: "text/plain", value: "hello" }],
        ...extra,
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const [message] = await composeMessages(parsed.mail, newMessageId());
      await storeMessageBatch(db, [{ accountId, keyId, message: message! }], undefined, { queueForDelivery: true });
      ids.push(message!.id);
    }
    return ids;
  }

  function worker(upstreamPort: number, options: Partial<DeliveryWorkerOptions> = {}, client: PrismaClient = db): DeliveryWorker {
    const relay = upstreamRelayConfig({ SMTP_RELAY_URL: `smtp://relayuser:${PASSWORD}@127.0.0.1:${upstreamPort}`, SMTP_RELAY_RETRY_SECONDS: "0.1" })!;
    return startDeliveryWorker({ db: client, provider, relay, pollMs: 50, log: (line) => logs.push(line), ...options });
  }

  const rows = (ids: string[]) =>
    db.emailMessage.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, deliverAfter: true, leaseOwner: true, deliveryAttempts: true } });
  const settled = (ids: string[]) => until(() => rows(ids), (list) => list.every((row) => row.deliverAfter === null && row.status !== "processed"));
  const attemptsOf = (row: { deliveryAttempts: string }) => JSON.parse(row.deliveryAttempts) as DeliveryAttempt[];

  async function withUpstream<T>(answer: UpstreamAnswer | undefined, run: (upstream: Upstream) => Promise<T>): Promise<T> {
    const upstream = await startUpstream({ answer, pass: PASSWORD });
    try {
      return await run(upstream);
    } finally {
      await upstream.close();
    }
  }

  it("delivers through the relay with its login, records the 250 line, and never lets Bcc leave", { timeout: 30_000 }, () =>
    withUpstream(undefined, async (upstream) => {
      const ids = await queue(3);
      const running = worker(upstream.port);
      try {
        const done = await settled(ids);
        expect(done.map((row) => row.status)).toEqual(["delivered", "delivered", "delivered"]);
        for (const row of done) {
          expect(attemptsOf(row)).toEqual([{ at: expect.any(String), outcome: "delivered", response: expect.stringMatching(/^250 .*Ok: queued upstream/) }]);
          expect(row.leaseOwner).toBeNull();
        }
        expect(upstream.received).toHaveLength(3);
        for (const message of upstream.received) {
          expect(message.user).toBe("relayuser");
          expect(message.from).toBe("sender@example.com");
          expect(message.to).toContain("secret-bcc@example.com");
          expect(message.raw).not.toMatch(/^bcc:/im);
          expect(message.raw).not.toContain("secret-bcc");
        }
        // What Email Activity keeps still names the Bcc recipient.
        expect((await db.emailMessage.findUniqueOrThrow({ where: { id: ids[0] } })).raw).toMatch(/^Bcc: secret-bcc@example.com/m);
      } finally {
        await running.stop();
      }
      expect(logs.join("\n")).not.toContain(PASSWORD);
    }),
  );

  it("defers on a 4xx and retries with a growing wait until the relay accepts", { timeout: 30_000 }, () =>
    withUpstream((_id, attempt) => (attempt <= 2 ? { code: 451, message: "4.3.0 Try again later" } : null), async (upstream) => {
      const ids = await queue(2);
      const running = worker(upstream.port);
      try {
        const seenDeferred = await until(() => rows(ids), (list) => list.every((row) => row.status === "deferred"));
        expect(seenDeferred.every((row) => row.deliverAfter !== null)).toBe(true);
        const done = await settled(ids);
        for (const row of done) {
          const attempts = attemptsOf(row);
          expect(row.status).toBe("delivered");
          expect(attempts.map((entry) => entry.outcome)).toEqual(["deferred", "deferred", "delivered"]);
          expect(attempts[0]!.response).toBe("451 4.3.0 Try again later");
          // Backoff: 100 ms after the first failure, 200 ms after the second.
          const gaps = attempts.slice(1).map((entry, n) => Date.parse(entry.at) - Date.parse(attempts[n]!.at));
          expect(gaps[0]).toBeGreaterThanOrEqual(100);
          expect(gaps[1]).toBeGreaterThanOrEqual(200);
        }
        expect(upstream.received).toHaveLength(2);
      } finally {
        await running.stop();
      }
    }),
  );

  it("bounces on a 5xx without trying again", { timeout: 30_000 }, () =>
    withUpstream(() => ({ code: 550, message: "5.1.1 No such user here" }), async (upstream) => {
      const ids = await queue(1);
      const running = worker(upstream.port);
      try {
        const [row] = await settled(ids);
        expect(row!.status).toBe("bounced");
        expect(attemptsOf(row!)).toEqual([{ at: expect.any(String), outcome: "bounced", response: "550 5.1.1 No such user here" }]);
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect([...upstream.attempts.values()]).toEqual([1]);
      } finally {
        await running.stop();
      }
    }),
  );

  it("defers while the relay cannot be reached, and bounces once the message is older than the maximum age", { timeout: 30_000 }, async () => {
    const port = await freePort();
    const [id] = await queue(1);
    let clock = Date.now();
    const running = worker(port, { now: () => new Date(clock) });
    try {
      const [deferred] = await until(() => rows([id!]), (list) => list[0]!.status === "deferred");
      expect(attemptsOf(deferred!)[0]!.response).toMatch(/ECONNREFUSED|ECONNECTION/);
      clock += 73 * 60 * 60 * 1000;
      const [row] = await settled([id!]);
      expect(row!.status).toBe("bounced");
      expect(attemptsOf(row!).at(-1)!.response).toBe("Gave up: not delivered within 72 hours of acceptance");
    } finally {
      await running.stop();
    }
  });

  it("two workers on one database deliver each message exactly once", { timeout: 60_000 }, () =>
    withUpstream(undefined, async (upstream) => {
      const ids = await queue(60);
      const second = createPrismaClient(database.url);
      const workers = [worker(upstream.port), worker(upstream.port, {}, second)];
      try {
        const done = await settled(ids);
        expect(done.every((row) => row.status === "delivered")).toBe(true);
      } finally {
        await Promise.all(workers.map((running) => running.stop()));
        await second.$disconnect();
      }
      const delivered = upstream.received.map((message) => message.messageId);
      expect(delivered).toHaveLength(60);
      expect(new Set(delivered).size).toBe(60);
    }),
  );
});
