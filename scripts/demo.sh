#!/usr/bin/env bash
# Sets up, builds and runs ehcp on a council-sized synthetic caseload. `ehcp demo` generates
# 5,000 cases (plans made before ehcp went live three years ago, and the requests since) as of
# today into a fresh SQLite database under demo/, imports them and runs tonight's night
# (escalations, the breach report files, the outbox) and writes the board pack for the 12 months
# to the end of last month. Then a morning: a caseworker's queue, a case on it, the breach
# report, and the phase transfers due before next September.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target ehcp

ehcp=build/cli/ehcp
export EHCP_CONFIG=examples/la-config.json
# demo/ as an earlier version of this script left it (before `ehcp demo` marked its folder):
# remove only what that script wrote, as it did itself, so `ehcp demo` finds the folder empty.
if [ -d demo ] && [ ! -e demo/.ehcp-demo ]; then
  rm -rf demo/ehcp.db demo/ehcp.db-wal demo/ehcp.db-shm demo/reports demo/outbox demo/cases.txt
fi

$ehcp demo --dir demo
export EHCP_DB=demo/ehcp.db

# Long outputs go to a scratch file and are shown in part: piping ehcp into head would end it
# early under pipefail, and demo/ holds only what `ehcp demo` writes.
scratch=$(mktemp)
trap 'rm -f "$scratch"' EXIT
show() {
  local lines=$1
  shift
  "$@" >"$scratch"
  head -n "$lines" "$scratch"
  local total
  total=$(wc -l <"$scratch")
  if [ "$total" -gt "$lines" ]; then
    echo "... ($((total - lines)) more lines)"
  fi
}

caseworker=$($ehcp case list --team North --format csv | awk -F, 'NR == 2 { print $4 }')
echo
echo "== $caseworker's queue this morning"
show 20 $ehcp queue --caseworker "$caseworker"
first=$($ehcp queue --caseworker "$caseworker" --format csv | awk -F, 'NR == 2 { print $4 }')
if [ -n "$first" ]; then
  echo
  echo "== The top case on it"
  show 40 $ehcp case show "$first"
fi
echo
echo "== The breach report (anonymised; the board's HTML copy is in demo/reports/)"
show 30 $ehcp report breaches --anonymise
# The phase transfers of the next September (reg 18): this year's until August, then next year's.
month=$(date +%m)
year=$(date +%Y)
if [ $((10#$month)) -ge 9 ]; then
  year=$((year + 1))
fi
echo
echo "== Phase transfers in September $year"
show 25 $ehcp report transfers --year "$year" --anonymise
echo
echo "The database is demo/ehcp.db; try: EHCP_DB=demo/ehcp.db $ehcp queue --team North"
