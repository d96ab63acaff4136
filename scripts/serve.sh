#!/usr/bin/env bash
# `npm run serve`: Keyward for a team (production mode). Never seeds demo data, refuses to start
# while a demo user exists (server.ts), listens on HOST (default 0.0.0.0). See README, "Run it for
# your team". Migrates the database first (safe to repeat) and builds only when there is no build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production
# Production is production: a leftover KEYWARD_DEMO from a shell must not make it a demo.
unset KEYWARD_DEMO

ensure_dependencies
load_env_files

if [ -z "${AUTH_SECRET:-}" ]; then
  echo "AUTH_SECRET is not set: it signs session cookies. Make one, e.g." >&2
  echo "  node -e 'console.log(require(\"node:crypto\").randomBytes(32).toString(\"base64url\"))'" >&2
  echo "and set it in the environment (or .env.local), the same on every instance." >&2
  exit 1
fi

section "Database"
npm run --silent db:migrate

if [ ! -f .next/BUILD_ID ]; then
  section "Build"
  npx next build
fi

server_memory_settings
section "Keyward (production) on ${HOST:-0.0.0.0}:${PORT:-3000}"
# exec, not npx: a signal must reach the server itself.
exec node_modules/.bin/tsx server.ts
