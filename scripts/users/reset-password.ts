// npm run user:reset-password -- --email someone@example.com
// Prints a one-time link that sets a new password (what "Forgot password?" mails when SMTP_URL is
// set). The link works once, for 1 hour, and is shown only now: only its hash is stored.
import { parseArgs } from "node:util";
import { fail, prepareCli } from "./cli.ts";

prepareCli();
const { createPrismaClient } = await import("../../lib/db/create-client.ts");
const { resetLinkFromCli } = await import("../../lib/data/cli-users.ts");
const { appOrigin } = await import("../../lib/outgoing-mail/config.ts");

const usage = "usage: npm run user:reset-password -- --email <e-mail>";
let values;
try {
  ({ values } = parseArgs({ options: { email: { type: "string" } } }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
}
if (!values.email) fail(usage);

const db = createPrismaClient();
const result = await resetLinkFromCli(db, values);
await db.$disconnect();
if (!result.ok) fail(result.message);

console.log(`Password link for ${result.data.email}. It works once, for 1 hour, and is shown only now:`);
console.log(`  ${appOrigin()}/reset-password/${result.data.token}`);
