// A little history for the demo, made through the data layer as people would make it, so the
// audit log holds real events (with the same details and checks as the page and the API).
// Imported by seed.ts only after the server-only stub is registered: lib/data is server-only.
import type { PrismaClient } from "@/lib/db/create-client.ts";
import { createApiKey, updateApiKey } from "@/lib/data/api-key-writes.ts";
import { deleteApiKey } from "@/lib/data/api-keys.ts";
import type { DataContext } from "@/lib/data/context.ts";
import type { DataResult } from "@/lib/data/result.ts";
import { allGeneralScopes, generalCategories } from "@/lib/permissions/catalog.ts";
import { scopesForLevel } from "@/lib/permissions/levels.ts";

const stats = generalCategories.find((category) => category.id === "stats");
const statsRead = stats ? scopesForLevel(stats, "read") : [];

export async function seedHistory(db: PrismaClient, accountId: string, people: { owner: string; restricted: string }): Promise<void> {
  const as = (userId: string): DataContext => ({ db, principal: { kind: "user", userId }, accountId });
  const owner = as(people.owner);

  await must(createApiKey(owner, { name: "Webhook relay", type: "general", scopes: [...allGeneralScopes] }));
  const campaigns = await must(createApiKey(owner, { name: "Marketing campaigns", type: "general", scopes: ["mail.send"] }));
  await must(
    updateApiKey(owner, campaigns.apiKey.id, {
      name: "Marketing campaigns",
      // Stats at Read Access: the log reads "Permissions changed: +Stats (read)".
      permissions: { scopes: ["mail.send", ...statsRead] },
    }),
  );
  const staging = await must(createApiKey(owner, { name: "Old staging key", type: "general", scopes: ["mail.send"] }));
  await must(deleteApiKey(owner, staging.apiKey.id));
  await must(createApiKey(as(people.restricted), { name: "Rita's test sender", type: "general", scopes: ["mail.send"] }));
}

async function must<T>(pending: Promise<DataResult<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new Error(`Seeding the demo history failed: ${result.message}`);
  return result.data;
}
