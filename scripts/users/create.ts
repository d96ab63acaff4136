// npm run user:create -- --email you@example.com [--name "Your Name"] [--account "Your team"] [--support]
// Creates a user (support staff only here, never through the web) and prints a one-time link to
// set their password. The link is shown once: only its hash is stored.
import { parseArgs } from "node:util";
import { fail, prepareCli } from "./cli.ts";

prepareCli();
const { createPrismaClient } = await import("../../lib/db/create-client.ts");
const { createUserFromCli } = await import("../../lib/data/cli-users.ts");
const { appOrigin } = await import("../../lib/outgoing-mail/config.ts");

const usage = 'usage: npm run user:create -- --email <e-mail> [--name "Name"] [--account "Account name"] [--support]';
let values;
try {
  ({ values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, account: { type: "string" }, support: { type: "boolean", default: false } },
  }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
}
if (!values.email) fail(usage);

const db = createPrismaClient();
const result = await createUserFromCli(db, values);
await db.$disconnect();
if (!result.ok) fail(result.message);

const { email, token, validForMs, accountName, support } = result.data;
const who = support ? "support staff (no account; reviews accounts at /support)" : accountName ? `owner of ${accountName}` : "a user with no account yet";
console.log(`Created ${email}: ${who}.`);
console.log(`Send them this link to set their password. It works once, for ${validForMs / 3_600_000} hours, and is shown only now:`);
console.log(`  ${appOrigin()}/reset-password/${token}`);
