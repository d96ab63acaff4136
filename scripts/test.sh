#!/usr/bin/env bash
# `npm test`: every check, in order, stopping at the first failure.
# Set TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run the data-layer
# tests against PostgreSQL as well as SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export NEXT_TELEMETRY_DISABLED=1

# Machine-readable results, summed up by scripts/test-summary.mjs (.ci/run). Removed first so a
# stage that never ran cannot report an old result.
reports=test-results/reports
rm -rf "$reports"
mkdir -p "$reports"

ensure_dependencies

section "Lint (eslint)"
npx eslint .

section "Type check (tsc)"
npx next typegen >/dev/null
npx tsc --noEmit

section "Unit and data-layer tests (vitest${TEST_POSTGRES_URL:+, with PostgreSQL})"
npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/vitest.json"

section "Build (next build)"
npx next build

section "The API Keys page's JavaScript budget (from the build)"
npx tsx scripts/page-budget.ts

section "Browser"
bash scripts/browser.sh

section "End-to-end (playwright)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" npx playwright test --reporter=list,json

section "All checks passed"
