import type { PrismaClient } from "@/lib/db/create-client";
import type { ApiCaller } from "@/lib/data/api-auth";
import { keyUseRecorderFor } from "@/lib/data/api-key-usage";
import { maySendMail, storeMessageBatch, type MessageToStore } from "@/lib/data/email-message-writes";
import { BatchWriter } from "./batch-writer";
import type { AcceptedMessage } from "./message";
import { upstreamRelayConfig } from "./relay-config";
import { retentionFromEnv } from "./retention";

// The one way in for messages, from /v3/mail/send and from the SMTP relay: check the sender,
// then store in the account's Email Activity by group commit. accept() resolves once the
// messages are committed, so a 202 or a 250 is only answered for what is stored.
export interface MailPipeline {
  accept(caller: ApiCaller, messages: readonly AcceptedMessage[]): Promise<"accepted" | "forbidden">;
  /** Writes whatever waits (shutdown, tests). */
  drain(): Promise<void>;
  /** Called after each batch commits: the delivery worker wakes instead of waiting for its next poll. */
  onStored(listener: () => void): void;
}

// Few ms: under load a batch fills long before; alone, a message waits at most this long.
const BATCH = { maxItems: 200, maxDelayMs: 4 };

const pipelines = new WeakMap<PrismaClient, MailPipeline>();

/** One pipeline per database client, shared by the HTTP handler and the SMTP server of a process. */
export function mailPipelineFor(db: PrismaClient): MailPipeline {
  let pipeline = pipelines.get(db);
  if (!pipeline) {
    pipeline = createMailPipeline(db);
    pipelines.set(db, pipeline);
  }
  return pipeline;
}

function createMailPipeline(db: PrismaClient): MailPipeline {
  // Pruned in the same transaction as each batch, so an account never holds much more than its limit.
  const retention = retentionFromEnv();
  // With SMTP_RELAY_URL set, messages are stored queued for the upstream relay.
  const queueForDelivery = upstreamRelayConfig() !== null;
  const listeners: (() => void)[] = [];
  const writer = new BatchWriter<MessageToStore>(async (batch) => {
    await storeMessageBatch(db, batch, retention, { queueForDelivery });
    listeners.forEach((listener) => listener());
  }, BATCH);
  return {
    async accept(caller, messages) {
      if (!maySendMail(caller)) return "forbidden";
      await Promise.all(messages.map((message) => writer.add({ accountId: caller.accountId, keyId: caller.keyId, message })));
      // Counted once stored, in memory like every key use (lib/data/api-key-usage.ts).
      keyUseRecorderFor(db).noteMessages(caller.keyId, messages.length);
      return "accepted";
    },
    drain: () => writer.drain(),
    onStored: (listener) => void listeners.push(listener),
  };
}
