import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD, demoEmails } from "@/lib/config/demo";
import type { PrismaClient } from "@/lib/db/create-client";

/**
 * Users a production server must not serve: the demo seed's e-mails, and anyone whose password is
 * the demo password (printed in the README, so known to everyone). Every password hash is checked
 * with argon2, so this costs about one verification per user, once, at start-up.
 */
export async function findDemoUsers(db: PrismaClient): Promise<string[]> {
  const users = await db.user.findMany({ select: { email: true, passwordHash: true }, orderBy: { email: "asc" } });
  const found: string[] = [];
  // A few at a time: argon2 runs on libuv's small thread pool, and each needs 19 MiB.
  for (let start = 0; start < users.length; start += 4) {
    const batch = users.slice(start, start + 4);
    const demo = await Promise.all(
      batch.map(async (user) => demoEmails.includes(user.email) || (await verifyPassword(user.passwordHash, DEMO_PASSWORD))),
    );
    batch.forEach((user, index) => {
      if (demo[index]) found.push(user.email);
    });
  }
  return found;
}

/** Why a production server will not start, and how to get past it. */
export function demoUsersRefusal(emails: readonly string[]): string {
  return [
    "Keyward will not start in production: this database has demo users, whose password is public:",
    ...emails.map((email) => `  ${email}`),
    "Demo data is for `npm start` only. Either:",
    "  - point DATABASE_URL at a new, empty database, then create the first owner at /setup or with",
    "    `npm run user:create -- --email you@example.com --account \"Your team\"`; or",
    "  - give each listed person a new password with `npm run user:reset-password -- --email <e-mail>`",
    "    (for the demo e-mails themselves, start from an empty database: they belong to the demo accounts).",
  ].join("\n");
}
