#!/usr/bin/env bash
# `npm start`: from a fresh clone to a running app on http://localhost:${PORT:-3000}.
# Safe to run again: the database is migrated, seeded only when empty, and AUTH_SECRET is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export NEXT_TELEMETRY_DISABLED=1
# Demo mode (lib/config/mode.ts): demo data, the banner on every page, open sign-up, and the server
# on 127.0.0.1 unless HOST is set. `npm run serve` is the production command.
export KEYWARD_DEMO=1

ensure_dependencies
load_env_files

section "Database"
npm run --silent db:migrate
sign_ins=$(npm run -s db:seed)
echo "$sign_ins" | head -1

ensure_auth_secret

section "Build"
npx next build

server_memory_settings
port="${PORT:-3000}"
section "Keyward on http://localhost:${port}/sign-in"
echo "$sign_ins" | tail -n +2
echo
# server.ts serves /v3 itself and hands every other request to Next. exec, not npx: a signal
# must reach the server itself.
PORT="$port" NODE_ENV=production exec node_modules/.bin/tsx server.ts
