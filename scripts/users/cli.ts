// Shared by the user commands: the environment Next would load, and the server-only stub, so that
// lib/data runs outside Next as server.ts runs it.
import { registerServerOnlyStub } from "../../lib/api/server-only-hook.ts";

export function prepareCli(): void {
  // Next's order of precedence; the real environment wins over every file.
  for (const file of [".env.production.local", ".env.local", ".env.production", ".env"]) {
    try {
      process.loadEnvFile(file);
    } catch {
      // absent: nothing to load
    }
  }
  registerServerOnlyStub();
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
