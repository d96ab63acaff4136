import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside React's server bundle; tests run the data layer directly.
      "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", "prisma/generated/**"],
    // Data-layer tests share database servers; files run in parallel, tests within a file in order.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
  },
});
