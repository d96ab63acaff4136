import { dictionary } from "@zxcvbn-ts/language-common";
import { DEMO_PASSWORD } from "@/lib/config/demo";

// The 49,233 most common passwords of zxcvbn's list (@zxcvbn-ts/language-common, MIT; drawn from
// leaked-password corpora). Most are shorter than the 12 characters asked anyway; the rest
// ("1qaz2wsx3edc", "qwerty123456", …) are the first an attacker tries. Server only: it is
// about 400 KB, too much for a page's JavaScript.
// The demo's password is printed in the README: as good as public, and what a production server
// refuses to start with (lib/data/demo-users.ts), so nobody may choose it.
const common = new Set([...dictionary["passwords-common"], DEMO_PASSWORD].map((password) => password.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}

export const COMMON_PASSWORD_MESSAGE = "This password is too common: choose one that is harder to guess";
