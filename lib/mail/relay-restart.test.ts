// The upstream relay's queue survives a crash: messages accepted while the relay cannot be reached
// stay queued through a SIGKILL, and the restarted process delivers each of them exactly once.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/db/test-database";
import { createAccount } from "@/lib/data/test-fixtures";
import { insertKey } from "@/lib/api/testing/api-server";
import { freePort, startUpstream } from "./testing/upstream";

const PASSWORD = "relay-s3cret";

async function start(databaseUrl: string, relayPort: number): Promise<{ child: ChildProcess; http: string; output: string[] }> {
  const output: string[] = [];
  const child = spawn(process.execPath, ["--import", "tsx", "lib/mail/testing/serve-mail.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SMTP_RELAY_URL: `smtp://relayuser:${PASSWORD}@127.0.0.1:${relayPort}`,
      SMTP_RELAY_RETRY_SECONDS: "0.2",
      SMTP_RELAY_MAX_RETRY_SECONDS: "0.5",
      KEYWARD_TEST_RELAY_LEASE_MS: "2000",
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`serve-mail exited with ${code}: ${output.join("")}`)));
  });
  return { child, http: `http://127.0.0.1:${line.split(" ")[1]}`, output };
}

describe.each(testProviders)("upstream relay across a restart on %s", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => void (database = await createTestDatabase(provider)));
  afterAll(() => database.drop());

  it("delivers every queued message exactly once after SIGKILL and restart", { timeout: 150_000 }, async () => {
    const db = database.prisma;
    const account = await createAccount(db);
    const { key } = await insertKey(db, account.id, ["mail.send", "email_activity.read"]);
    const relayPort = await freePort();
    const first = await start(database.url, relayPort);
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        fetch(`${first.http}/v3/mail/send`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify({ personalizations: [{ to: [{ email: `r${n}@example.com` }] }], from: { email: "s@example.com" }, subject: `queued ${n}`, content: [{ type: "text/plain", value: "x" }] }),
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(30).fill(202));
    const accepted = responses.map((response) => response.headers.get("x-message-id")!);
    // The relay is down: attempts fail and the messages wait, deferred, in the database.
    for (;;) {
      const deferred = await db.emailMessage.count({ where: { id: { in: accepted }, status: "deferred" } });
      if (deferred >= 10) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const exited = new Promise((resolve) => first.child.once("exit", resolve));
    const wasDeferred = (await db.emailMessage.findFirstOrThrow({ where: { id: { in: accepted }, status: "deferred" }, select: { id: true } })).id;
    first.child.kill("SIGKILL");
    await exited;
    expect(await db.emailMessage.count({ where: { id: { in: accepted }, deliverAfter: { not: null } } })).toBe(30);

    // The relay comes up, and so does Keyward.
    const upstream = await startUpstream({ port: relayPort, pass: PASSWORD });
    const again = await start(database.url, relayPort);
    try {
      for (let waited = 0; ; waited += 100) {
        const response = await fetch(`${again.http}/v3/messages?limit=100&query=${encodeURIComponent('status="delivered"')}`, { headers: { authorization: `Bearer ${key}` } });
        const { messages } = (await response.json()) as { messages: { msg_id: string }[] };
        if (messages.length === 30) break;
        if (waited > 30_000) throw new Error(`only ${messages.length} delivered`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      const delivered = upstream.received.map((message) => message.messageId);
      expect(delivered.sort()).toEqual(accepted.map((id) => `<${id}@keyward.local>`).sort());
      expect([...again.output, ...first.output].join("")).not.toContain(PASSWORD);
      // SendGrid's view of one message: processed, each deferral numbered with its reason, delivered.
      const response = await fetch(`${again.http}/v3/messages/${wasDeferred}`, { headers: { authorization: `Bearer ${key}` } });
      const { status, events } = (await response.json()) as { status: string; events: { event_name: string; reason?: string; attempt_num?: number }[] };
      expect(status).toBe("delivered");
      expect(events[0]!.event_name).toBe("processed");
      expect(events.at(-1)!.event_name).toBe("delivered");
      const deferrals = events.filter((event) => event.event_name === "deferred");
      expect(deferrals.length).toBeGreaterThan(0);
      expect(deferrals[0]).toMatchObject({ attempt_num: 1, reason: expect.stringMatching(/ECONNREFUSED|ECONNECTION/) });
    } finally {
      again.child.kill("SIGTERM");
      again.child.stdin?.end();
      await upstream.close();
    }
  });
});
