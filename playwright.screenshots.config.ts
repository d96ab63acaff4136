import { defineConfig, devices } from "@playwright/test";
import base from "./playwright.config.ts";
import { ownerStorageState } from "./e2e/support/users.ts";

// `npm run screenshots`: the same server and database as the end-to-end suite, but only the
// capture script, which writes PNGs of the main states to docs/screenshots/.
export default defineConfig({
  ...base,
  workers: 1,
  projects: [
    { name: "sign-in", testMatch: /.*\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "screenshots",
      testMatch: /.*\.shots\.ts/,
      dependencies: ["sign-in"],
      use: { ...devices["Desktop Chrome"], storageState: ownerStorageState },
    },
  ],
});
