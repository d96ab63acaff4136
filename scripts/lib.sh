# Shared by scripts/start.sh and scripts/test.sh (sourced, not run).

section() {
  if [ -t 1 ]; then printf '\n\033[1m== %s ==\033[0m\n' "$*"; else printf '\n== %s ==\n' "$*"; fi
}

# npm ci when node_modules is missing or older than package-lock.json. npm writes
# node_modules/.package-lock.json on every install, so its age is the install's age.
ensure_dependencies() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    section "Installing dependencies (npm ci)"
    npm ci --no-audit --no-fund
  fi
  # Cheap (about 2 s) and offline; npm ci's postinstall does it too, but a clone that kept its
  # node_modules may lack prisma/generated or have stale clients.
  local output
  if ! output=$(npm run --silent db:generate 2>&1); then
    echo "$output" >&2
    return 1
  fi
}

# Next loads .env files itself, but the migrate and seed scripts run outside Next: give them the
# same variables, in Next's order of precedence (the real environment wins over every file).
load_env_files() {
  local name
  # HOST is read by server.ts before Next loads the files; the others by scripts and server.ts too.
  for name in DATABASE_URL AUTH_SECRET AUTH_URL HOST SMTP_URL; do
    if [ -z "${!name:-}" ]; then
      local value
      value=$(node -e '
        const name = process.argv[1];
        for (const file of [".env.production.local", ".env.local", ".env.production", ".env"]) {
          try { process.loadEnvFile(file); } catch {}
        }
        process.stdout.write(process.env[name] ?? "");
      ' "$name")
      if [ -n "$value" ]; then export "$name=$value"; fi
    fi
  done
}

# AUTH_SECRET signs the session cookies. Made once and kept in .env.local (git-ignored), which
# Next loads, so sessions survive restarts. Runs in the current directory (a test runs it in a
# temporary one).
ensure_auth_secret() {
  if [ -z "${AUTH_SECRET:-}" ]; then
    local secret
    secret=$(node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64url"))')
    # umask: the file is born private, never readable by others even for a moment.
    (umask 077 && printf '\n# Made by npm start: signs session cookies. Keep it secret.\nAUTH_SECRET=%s\n' "$secret" >> .env.local)
    echo "Wrote a new AUTH_SECRET to .env.local"
  fi
  # Whoever wrote it (an older npm start, an editor), it holds secrets: owner-only, also when it
  # already existed with wider permissions.
  if [ -f .env.local ]; then chmod 600 .env.local; fi
}

# The server's memory allocator: glibc gives each thread that allocates its own arena, and the
# zlib work of compressed responses runs on libuv's threads, which fragments memory across arenas.
# With two, server.ts's resident memory after /v3 and page load was 328 MB against 404 MB in one
# run on a shared machine (issue 9 wants under 300 MB; docs/PERFORMANCE.md). A value set wins.
server_memory_settings() {
  export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
}
