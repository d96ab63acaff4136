#!/usr/bin/env bash
# Makes sure Playwright has a Chromium to drive. Debian's chromium (/usr/bin/chromium) is preferred:
# on machines without Playwright's download host it is the only one there is. playwright.config.ts
# uses it whenever it exists and Playwright's own build otherwise.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "Using $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
elif [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ]; then
  echo "Installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q chromium </dev/null
else
  echo "Installing Playwright's Chromium"
  npx playwright install chromium
fi
