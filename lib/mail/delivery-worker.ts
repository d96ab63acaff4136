import { randomBytes } from "node:crypto";
import nodemailer from "nodemailer";
import type { PrismaClient } from "@/lib/db/create-client";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { claimDueMessages, recordDeliveryOutcomes, type ClaimedMessage, type DeliveryAttempt, type DeliveryOutcome } from "@/lib/data/email-delivery";
import { BatchWriter } from "./batch-writer";
import { mailPipelineFor } from "./pipeline";
import { upstreamRelayConfig, type UpstreamRelayConfig } from "./relay-config";
import { classifyFailure, nextAttemptDelay, relayedSource } from "./delivery-rules";

// Delivers queued messages through the upstream relay. The queue is the database (a row waits
// while deliverAfter is set), so a restart resumes it and several instances share it: each claims
// a few due rows with a lease, attempts them, and records every attempt with the upstream's
// answer. A 2xx delivers; a 4xx or a connection failure defers (retried with exponential backoff);
// a 5xx, or a message still undelivered after maxAgeMs, bounces.
// Delivery is at least once, as SMTP itself: a process killed after the upstream said 250 but
// before that was recorded delivers the message again once its lease has run out.

export interface DeliveryWorkerOptions {
  db: PrismaClient;
  provider: DatabaseProvider;
  relay: UpstreamRelayConfig;
  /** How long a claim holds: longer than one attempt can take (default 10 minutes). */
  leaseMs?: number;
  /** Messages attempted at once (default: the transport's connections, 5). */
  concurrency?: number;
  /** How often the queue is read when nothing woke the worker (retries, other instances' messages). */
  pollMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface DeliveryWorker {
  /** Look at the queue now (after a batch was stored). */
  wake(): void;
  /** Finishes the attempts in flight, records them, and stops. */
  stop(): Promise<void>;
}

export function startDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { db, provider, relay } = options;
  const leaseMs = options.leaseMs ?? 10 * 60 * 1000;
  const concurrency = options.concurrency ?? relay.transport.maxConnections ?? 5;
  const pollMs = options.pollMs ?? 1_000;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.error(line));
  const owner = `${process.pid}-${randomBytes(6).toString("hex")}`;
  const transport = nodemailer.createTransport(relay.transport);
  // Outcomes are recorded by group commit too: one transaction for what finished together.
  const recorder = new BatchWriter<DeliveryOutcome>((batch) => recordDeliveryOutcomes(db, batch), { maxItems: 100, maxDelayMs: 5 });

  let inFlight = 0;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const flights = new Set<Promise<void>>();
  // Ids being attempted here. A lease that ran out mid-attempt (a very slow relay) lets this
  // worker claim the message again: that renews the lease, but must not start a second attempt.
  const attempting = new Set<string>();

  async function attempt(message: ClaimedMessage): Promise<void> {
    const startedAt = now();
    let entry: DeliveryAttempt;
    try {
      const info = await transport.sendMail({ envelope: { from: message.fromEmail, to: message.recipients }, raw: relayedSource(message.raw) });
      const rejected = info.rejected.length > 0 ? ` (refused: ${info.rejected.map(String).join(", ")})` : "";
      entry = { at: startedAt.toISOString(), outcome: "delivered", response: `${info.response}${rejected}` };
    } catch (error) {
      entry = { at: startedAt.toISOString(), ...classifyFailure(error) };
    }
    const attempts = [...message.attempts, entry];
    let deliverAfter: Date | null = null;
    if (entry.outcome === "deferred") {
      const next = new Date(startedAt.getTime() + nextAttemptDelay(attempts.length, relay));
      if (next.getTime() - message.createdAt.getTime() > relay.maxAgeMs) {
        attempts.push({ at: startedAt.toISOString(), outcome: "bounced", response: `Gave up: not delivered within ${Math.round(relay.maxAgeMs / 3_600_000)} hours of acceptance` });
      } else deliverAfter = next;
    }
    const status = attempts.at(-1)!.outcome;
    await recorder.add({ id: message.id, owner, attempts, status, deliverAfter });
  }

  async function run(): Promise<void> {
    do {
      again = false;
      const free = concurrency - inFlight;
      if (stopped || free <= 0) return;
      const claimed = await claimDueMessages(db, { provider, owner, now: now(), leaseMs, limit: free });
      for (const message of claimed) {
        if (attempting.has(message.id)) continue;
        attempting.add(message.id);
        inFlight += 1;
        const flight = attempt(message)
          .catch((error: unknown) => log(`[relay] could not record an attempt: ${error instanceof Error ? error.message : "error"}`))
          .finally(() => {
            inFlight -= 1;
            attempting.delete(message.id);
            flights.delete(flight);
            wake();
          });
        flights.add(flight);
      }
      if (claimed.length === free) again = true;
    } while (again);
  }

  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = run()
      .catch((error: unknown) => log(`[relay] queue read failed: ${error instanceof Error ? error.message : "error"}`))
      .finally(() => {
        running = null;
        if (again) wake();
      });
  }

  const timer = setInterval(wake, pollMs);
  timer.unref();
  wake();

  return {
    wake,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await Promise.allSettled([...flights]);
      await recorder.drain();
      transport.close();
    },
  };
}

/**
 * With SMTP_RELAY_URL set, starts the worker for this process's pipeline (woken after each stored
 * batch) and says where it delivers, without the password. Without it, nothing: mail stays in
 * Email Activity.
 */
export function startUpstreamDelivery(
  db: PrismaClient,
  provider: DatabaseProvider,
  overrides: Partial<Omit<DeliveryWorkerOptions, "db" | "provider" | "relay">> = {},
): DeliveryWorker | null {
  const relay = upstreamRelayConfig();
  if (!relay) return null;
  const worker = startDeliveryWorker({ db, provider, relay, ...overrides });
  mailPipelineFor(db).onStored(worker.wake);
  (overrides.log ?? console.log)(`[server] delivering accepted mail through ${relay.display}`);
  return worker;
}
