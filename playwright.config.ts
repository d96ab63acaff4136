import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_DATABASE_URL } from "./e2e/support/database.ts";
import { PRODUCTION_DATABASE_URL, productionBaseURL, productionPort, productionSmtpPort } from "./e2e/support/production.ts";
import { e2eSmtpRelayPort, productionSmtpRelayPort } from "./e2e/support/smtp-relay.ts";
import { ownerStorageState } from "./e2e/support/users.ts";

// Runs Keyward's server (server.ts: /v3 and the pages) on the production build `npm test` made just before,
// on a port of its own, with a database of its own that is rebuilt on every run.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const serverLog = "test-results/e2e-server.log";

// Debian's chromium where there is one (scripts/browser.sh installs it as root on Debian);
// otherwise the Chromium `npx playwright install chromium` downloads.
const debianChromium = "/usr/bin/chromium";
const executablePath = existsSync(debianChromium) ? debianChromium : undefined;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  // Two cores: the server, the browser and two workers already share them.
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  // A hang detector, not a speed limit: on 2 cores shared by the server, Chromium and two workers,
  // ordinary journeys take 10–25 s and a busy moment doubles that; 30 s failed sound tests.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    // A failed test keeps its trace: every action with the DOM before and after it, the network
    // and the console. Not its screencast, which is recorded for every test, passed or not, and
    // costs about a quarter of Chromium's CPU (sign-in-throttle.spec.ts: 16.9 s of browser CPU
    // with it, 12.9 s without, 11.7 s with no trace). Chromium is most of the suite's CPU on these
    // 2 cores (the server about a tenth), so journeys waited on it. A screenshot shows the failure.
    trace: { mode: "retain-on-failure", screenshots: false },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "sign-in", testMatch: /.*\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "journeys",
      testMatch: /.*\.spec\.ts/,
      testIgnore: /production\//,
      dependencies: ["sign-in"],
      use: { ...devices["Desktop Chrome"], storageState: ownerStorageState },
    },
    // The production command on an empty database: its own server, nobody signed in.
    {
      name: "production",
      testMatch: /production\/.*\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: productionBaseURL },
    },
  ],
  webServer: [
    {
      // The server's output is kept in a file too, so a journey can check that no secret was logged.
      command: `npx tsx e2e/support/prepare-database.ts && mkdir -p test-results && node_modules/.bin/tsx server.ts 2>&1 | tee ${serverLog}`,
      url: `${baseURL}/sign-in`,
      // A server already on the port is someone else's, with other data: fail rather than test it.
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        NODE_ENV: "production",
        // The journeys run the demo: its seeded people, its banner.
        KEYWARD_DEMO: "1",
        // As behind a reverse proxy: the sign-in throttling journeys play several clients by
        // sending X-Forwarded-For, so their lock-outs never reach the other journeys (127.0.0.1).
        KEYWARD_TRUST_PROXY: "1",
        PORT: String(port),
        SMTP_PORT: String(e2eSmtpRelayPort),
        DATABASE_URL: E2E_DATABASE_URL,
        AUTH_SECRET: "e2e-only-secret-not-for-any-real-deployment-0123456789",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
    {
      // As `npm run serve` runs it (NODE_ENV=production, no KEYWARD_DEMO, never seeded), on an empty
      // database: PostgreSQL when TEST_POSTGRES_URL is set. Its mail goes to the spec's SMTP receiver.
      command: `npx tsx e2e/support/prepare-production-database.ts && mkdir -p test-results && node_modules/.bin/tsx server.ts 2>&1 | tee test-results/e2e-production-server.log`,
      url: `${productionBaseURL}/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        NODE_ENV: "production",
        PORT: String(productionPort),
        SMTP_PORT: String(productionSmtpRelayPort),
        HOST: "127.0.0.1",
        DATABASE_URL: PRODUCTION_DATABASE_URL,
        AUTH_SECRET: "e2e-production-secret-not-for-any-real-deployment-0123",
        AUTH_URL: productionBaseURL,
        SMTP_URL: `smtp://127.0.0.1:${productionSmtpPort}`,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});
