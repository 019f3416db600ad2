#!/usr/bin/env bash
# Fetches GOV.UK Frontend (the CSS, JavaScript, fonts and images `ehcp serve` serves at
# /assets/) from the npm registry with `npm pack`, checks the tarball against the sha512 pinned
# here, and unpacks it into third_party/govuk-frontend/ (not committed: 9 MB unpacked). Quick
# when that version is already there. The pinned value is the registry's dist.integrity.
set -euo pipefail
cd "$(dirname "$0")/.."

version=6.6.0
integrity="sha512-xctkWrQvLnvQt7fyjQ3MGX9S0wz0x0RQuLxCeoXF+s8EjGICG81/DYQGKN5qgO+0KVT12UAaRwUsGY6fulRcRg=="
dest=third_party/govuk-frontend
stamp="$dest/.version"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version $integrity" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "fetch_govuk_frontend: npm is needed (scripts/setup.sh installs it)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "govuk-frontend@$version" --silent >/dev/null)
tarball="$work/govuk-frontend-$version.tgz"
got="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$got" != "$integrity" ]; then
  echo "fetch_govuk_frontend: govuk-frontend $version does not match its pinned sha512" >&2
  echo "  want $integrity" >&2
  echo "  got  $got" >&2
  exit 1
fi
rm -rf "$dest"
mkdir -p "$dest"
tar xzf "$tarball" -C "$dest"
echo "$version $integrity" >"$stamp"
echo "fetch_govuk_frontend: govuk-frontend $version in $dest"
