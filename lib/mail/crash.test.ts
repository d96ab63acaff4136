// Acknowledged means stored: a process killed with SIGKILL right after answering 202 (HTTP) and
// 250 (SMTP) has every acknowledged message in the database when it comes back.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders, type TestDatabase } from "@/lib/db/test-database";
import { createAccount } from "@/lib/data/test-fixtures";
import { insertKey } from "@/lib/api/testing/api-server";

async function start(databaseUrl: string): Promise<{ child: ChildProcess; http: string; smtpPort: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/mail/testing/serve-mail.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`serve-mail exited with ${code}`)));
  });
  const [, http, smtp] = line.split(" ");
  return { child, http: `http://127.0.0.1:${http}`, smtpPort: Number(smtp) };
}

describe.each(testProviders)("crash safety on %s", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => void (database = await createTestDatabase(provider)));
  afterAll(() => database.drop());

  it("keeps every message that got a 202 or a 250 when the process is killed mid-stream", { timeout: 60_000 }, async () => {
    const db = database.prisma;
    const account = await createAccount(db);
    const { key } = await insertKey(db, account.id, ["mail.send", "email_activity.read"]);
    const server = await start(database.url);
    const acknowledged: string[] = [];
    let killed = false;

    const sendHttp = async (n: number) => {
      const response = await fetch(`${server.http}/v3/mail/send`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ personalizations: [{ to: [{ email: `r${n}@example.com` }] }], from: { email: "s@example.com" }, subject: `http ${n}`, content: [{ type: "text/html", value: "<p>x</p>" }] }),
      });
      if (response.status === 202) acknowledged.push(response.headers.get("x-message-id")!);
    };
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: server.smtpPort, pool: true, maxConnections: 4, auth: { user: "apikey", pass: key } });
    const sendSmtp = async (n: number) => {
      const info = await transport.sendMail({ from: "s@example.com", to: `m${n}@example.com`, subject: `smtp ${n}`, text: "x" });
      acknowledged.push(/queued as (\S+)/.exec(info.response)![1]!);
    };

    // Senders keep going until the kill; whatever fails after it was never acknowledged.
    const loop = async (send: (n: number) => Promise<void>, offset: number) => {
      for (let n = offset; !killed; n += 100) await send(n).catch(() => undefined);
    };
    const senders = [...Array.from({ length: 8 }, (_, i) => loop(sendHttp, i)), ...Array.from({ length: 4 }, (_, i) => loop(sendSmtp, 50 + i))];
    while (acknowledged.length < 60) await new Promise((resolve) => setTimeout(resolve, 20));
    const exited = new Promise((resolve) => server.child.once("exit", resolve));
    server.child.kill("SIGKILL");
    killed = true;
    await Promise.all(senders);
    transport.close();
    await exited;
    // An answer the server wrote just before the signal can still be read after kill() returns:
    // such late acknowledgements are acknowledgements all the same, and are checked below.

    // Back up: every acknowledged message is there, read through the API as a user would.
    const again = await start(database.url);
    try {
      const response = await fetch(`${again.http}/v3/messages?limit=1000`, { headers: { authorization: `Bearer ${key}` } });
      const { messages } = (await response.json()) as { messages: { msg_id: string }[] };
      const stored = new Set(messages.map((message) => message.msg_id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      expect(acknowledged.some((id) => id.length > 0)).toBe(true);
    } finally {
      again.child.kill("SIGTERM");
      again.child.stdin?.end();
    }
  });
});
