#!/usr/bin/env bash
# Sets up, builds and runs ehcp on a synthetic caseload in an embedded SQLite database under
# demo/: creates the database, imports the caseload, lists the cases and shows one.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target ehcp

ehcp=build/cli/ehcp
mkdir -p demo
rm -f demo/ehcp.db demo/ehcp.db-wal demo/ehcp.db-shm
export EHCP_DB=demo/ehcp.db

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
echo "The database is demo/ehcp.db; try: EHCP_DB=demo/ehcp.db $ehcp case list --team North"
