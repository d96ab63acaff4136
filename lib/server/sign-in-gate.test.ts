import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordSignInFailure } from "@/lib/data/sign-in-throttle";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createSignInGate } from "./sign-in-gate";

// The gate as server.ts mounts it, in front of a handler that stands for Next (and argon2).
describe("the sign-in gate", () => {
  let database: TestDatabase;
  let server: Server;
  let base: string;
  const address = "203.0.113.50";
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    const now = new Date();
    for (let i = 0; i < 20; i++) await recordSignInFailure(database.prisma, { email: `x${i}@example.test`, address }, now);
    const gate = createSignInGate(database.prisma);
    server = createServer((req, res) => {
      const client = String(req.headers["x-test-address"] ?? "127.0.0.1");
      void gate(req, res, client).then((answered) => answered || res.end("reached sign-in"));
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.close();
    await database?.drop();
  });

  const post = (path: string, from: string, method = "POST") => fetch(`${base}${path}`, { method, headers: { "x-test-address": from } });

  it("answers 429 to a locked-out address's sign-in POSTs, on both ways in", async () => {
    for (const path of ["/sign-in", "/sign-in?callbackUrl=%2F", "/api/auth/callback/credentials"]) {
      const response = await post(path, address);
      expect(response.status, path).toBe(429);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("lets everything else through: other addresses, other paths, other methods", async () => {
    expect(await (await post("/sign-in", "198.51.100.1")).text()).toBe("reached sign-in");
    expect(await (await post("/settings/api_keys", address)).text()).toBe("reached sign-in");
    expect(await (await post("/sign-in", address, "GET")).text()).toBe("reached sign-in");
  });
});
