#!/usr/bin/env bash
# Installs the Debian 12 packages ehcp builds and tests with. Quick when they are all present:
# it asks dpkg first and runs apt-get only for what is missing. Run as root. Then fetches
# GOV.UK Frontend for the web service (scripts/fetch_govuk_frontend.sh, checked by sha512)
# and, unless EHCP_NO_BROWSER_TEST=1, the browser test's npm packages (tests/browser/).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build pkg-config
  libboost-dev            # Statechart, Asio, Beast (header-only parts of Boost 1.74)
  libsqlite3-dev libsqlitecpp-dev sqlite3
  libhowardhinnant-date-dev tzdata
  libspdlog-dev nlohmann-json3-dev libcli11-dev
  libcurl4-openssl-dev    # SMTP delivery of the outbox
  catch2
  libxml2-utils           # xmllint: the SEN2 test checks the return against docs/sen2.xsd
  libsodium-dev           # the web service's password hashes (argon2id) and tokens
  openssl                 # checks the pinned sha512 of npm tarballs
  chromium                # the browser test (tests/browser/), driven headless
  clang-14 libclang-rt-14-dev  # libFuzzer, for the bounded fuzz run (scripts/fuzz.sh)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# npm comes with the nodejs some images ship; install Debian's only where there is none.
if ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
  missing+=(nodejs npm)
fi

after_packages() {
  scripts/fetch_govuk_frontend.sh
  if [ "${EHCP_NO_BROWSER_TEST:-0}" != 1 ]; then
    tests/browser/install.sh
  fi
}

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages present"
  after_packages
  exit 0
fi

echo "setup: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "setup: run as root (or with sudo) to install packages" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
after_packages
