import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { repoRoot } from "../../lib/db/repo-root.ts";
import { writePostgresSchema } from "./derive-postgres-schema.ts";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./postgres-schema.ts";

// `prisma generate` itself runs offline, but the CLI insists on locating a schema-engine binary it
// then does not use; any existing file satisfies it (Node's own binary exists on every platform).
// A real binary, where one was downloaded, is left alone.
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};

const root = repoRoot();
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

if (writePostgresSchema(root)) console.log(`db:generate: wrote ${POSTGRES_SCHEMA}`);
for (const schema of [SQLITE_SCHEMA, POSTGRES_SCHEMA]) {
  const result = spawnSync(process.execPath, [prismaCli, "generate", "--schema", schema], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error(`db:generate: prisma generate --schema ${schema} failed`);
    process.exit(result.status ?? 1);
  }
}
