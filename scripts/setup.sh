#!/usr/bin/env bash
# Installs the Debian 12 packages ehcp builds and tests with. Quick when they are all present:
# it asks dpkg first and runs apt-get only for what is missing. Run as root.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  libboost-dev            # Statechart, Asio, Beast (header-only parts of Boost 1.74)
  libsqlite3-dev libsqlitecpp-dev sqlite3
  libhowardhinnant-date-dev tzdata
  libspdlog-dev nlohmann-json3-dev libcli11-dev
  libcurl4-openssl-dev    # SMTP delivery of the outbox
  catch2
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages present"
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
