#!/usr/bin/env bash
# Installs the browser test's npm packages into tests/browser/node_modules (gitignored) from
# package-lock.json, whose integrity hashes pin every file; quick when they are there.
# puppeteer-core brings no browser: the test drives Debian's chromium (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")"
if [ -f node_modules/.ehcp-installed ] && [ node_modules/.ehcp-installed -nt package-lock.json ]; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
touch node_modules/.ehcp-installed
