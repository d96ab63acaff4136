// How this process runs, decided once from its environment. Pure: no Next, no Prisma.
//   demo        `npm start` (scripts/start.sh sets KEYWARD_DEMO=1): demo data, a banner, loopback only
//   production  `npm run serve` (NODE_ENV=production without KEYWARD_DEMO): no demo data, ever
//   development `npm run dev` without KEYWARD_DEMO
// The flag is explicit rather than guessed from the data: a production database must never turn a
// server into a demo because someone seeded it, and the demo must not depend on what is stored.
type Env = Record<string, string | undefined>;

export type RunMode = "demo" | "production" | "development";

export function runMode(env: Env = process.env): RunMode {
  if (env.KEYWARD_DEMO === "1") return "demo";
  return env.NODE_ENV === "production" ? "production" : "development";
}

export function isDemoMode(env: Env = process.env): boolean {
  return runMode(env) === "demo";
}

/** /sign-up: open in the demo, closed elsewhere unless KEYWARD_SIGNUP=open. */
export function isSignUpOpen(env: Env = process.env): boolean {
  return isDemoMode(env) || env.KEYWARD_SIGNUP === "open";
}

/** Where the server listens: HOST when set; a production server serves its network, anything else only this machine. */
export function listenHost(env: Env = process.env): string {
  const host = env.HOST?.trim();
  if (host) return host;
  return runMode(env) === "production" ? "0.0.0.0" : "127.0.0.1";
}
