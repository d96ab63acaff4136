#!/usr/bin/env bash
# `npm run screenshots`: builds, then saves PNGs of the main states to docs/screenshots/, using
# the end-to-end suite's server and freshly seeded database (E2E_PORT picks its port).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export NEXT_TELEMETRY_DISABLED=1

ensure_dependencies
section "Build (next build)"
npx next build
bash scripts/browser.sh
section "Screenshots"
mkdir -p docs/screenshots
npx playwright test --config playwright.screenshots.config.ts --reporter=list
ls docs/screenshots
