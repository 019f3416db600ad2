#!/usr/bin/env bash
# Sets up, builds and runs ehcp on a synthetic caseload in an embedded SQLite database under
# demo/: creates the database, imports the caseload, lists the cases and shows one, then runs
# two nights (escalations, the breach report, the outbox) and a team's morning queue. The
# caseload's histories run to mid-2026; the nights are those of 5 and 6 January 2026, when
# many of its assessments were in progress and its legacy plans' reviews and transfers fall due.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target ehcp

ehcp=build/cli/ehcp
mkdir -p demo
rm -rf demo/ehcp.db demo/ehcp.db-wal demo/ehcp.db-shm demo/reports demo/outbox
export EHCP_DB=demo/ehcp.db
export EHCP_CONFIG=examples/la-config.json

$ehcp init
$ehcp import examples/demo-caseload.jsonl --as-of 2026-11-25
echo
# Written to a file first: piping into head would end ehcp early under pipefail.
$ehcp case list --as-of 2026-11-25 >demo/cases.txt
head -n 12 demo/cases.txt
echo "... ($(tail -n 1 demo/cases.txt); the full list is in demo/cases.txt)"
echo
first=$(sed -n 3p demo/cases.txt | cut -d' ' -f1)
$ehcp case show "$first" --as-of 2026-11-25
echo
echo "== The nights of 5 and 6 January 2026"
$ehcp nightly --as-of 2026-01-05
$ehcp nightly --as-of 2026-01-06
echo
echo "== The North team's queue on the morning of 6 January 2026"
$ehcp queue --team North --as-of 2026-01-06
echo
echo "== The breach report of 6 January 2026"
$ehcp report breaches --as-of 2026-01-06 --anonymise
echo
echo "== Phase transfers in September 2026 (plans made before ehcp, loaded with plan_in_force)"
$ehcp report transfers --year 2026 --as-of 2026-01-06 --anonymise
echo
echo "Files written: demo/reports/ (breaches-<date>.html for the board, .json) and demo/outbox/"
echo "(one .eml file per escalation message)."
echo "The database is demo/ehcp.db; try: EHCP_DB=demo/ehcp.db $ehcp queue --caseworker \"Kai Mossgrove\" --as-of 2026-01-06"
