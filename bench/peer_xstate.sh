#!/usr/bin/env bash
# bench/peer_xstate.sh: ehcp's evaluation against the same needs-assessment machine written in
# XState 5 (bench/xstate), on the same histories, in one run. See bench/README.md, "The XState
# peer". Not a test: nothing runs it but a person.
#
#   bench/peer_xstate.sh [--cases N] [--seed S] [--runs R] [--warmup W] [--as-of D]
#                        [--node-flags "FLAGS"] [--build DIR] [--dir DIR] [--keep] [--check]
#
# 1. Builds ehcp and bench_evaluate in the build directory (default build-bench,
#    configured Release with -DEHCP_BUILD_BENCH=ON if missing; -j2, the machine is shared), and
#    installs xstate with `npm ci` in bench/xstate when node_modules is missing.
# 2. Conformance: both sides evaluate bench/peer_conformance.jsonl (hand-written edge cases:
#    refusal, withdrawal, no plan, re-issued drafts, exceptions, rejections, events out of
#    order, a closed case reopened, the 2020 rule pack) and write every assessment workflow,
#    clock (dates, status, basis texts), warning and rejection as text; the two must be equal.
# 3. The histories: `ehcp generate --cases N --seed S --as-of D`, keeping only the events of the
#    case and the needs assessment (the plans, reviews, amendments and transfers belong to
#    workflows the peer does not have). Both sides read that one file, and first dump it as in
#    2 (untimed).
# 4. bench_evaluate --in FILE and node bench/xstate/run.mjs FILE, each W warm-up runs then the
#    median of R: events/s for both, the ratio, and whether the assessment checksums match.
#    --node-flags is given to node for the timed runs (V8's young generation size, say: the
#    peer's rate depends on it, see bench/README.md); the default is none.
#    Exits 3 if the dumps or checksums differ; with --check, 2 if the goal (ehcp at least 20
#    times XState's events/s) is missed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cases=80000
seed=1
runs=5
warmup=1
as_of=2026-06-30
build="$root/build-bench"
dir=""
keep=0
check=0
goal=20
node_flags=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --cases) cases=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --as-of) as_of=$2; shift 2 ;;
    --node-flags) node_flags=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --check) check=1; shift ;;
    *) echo "peer_xstate.sh: unknown argument $1" >&2; exit 1 ;;
  esac
done

echo "peer_xstate.sh: $(uptime | sed 's/^ *//')"

if [[ ! -f "$build/build.ninja" && ! -f "$build/Makefile" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DEHCP_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target ehcp bench_evaluate -j2 >/dev/null
if [[ ! -d "$root/bench/xstate/node_modules/xstate" ]]; then
  (cd "$root/bench/xstate" && npm ci --no-audit --no-fund)
fi

if [[ -z "$dir" ]]; then
  dir=$(mktemp -d "${TMPDIR:-/tmp}/peer_xstate.XXXXXX")
  [[ $keep == 1 ]] || trap 'rm -rf "$dir"' EXIT
fi
mkdir -p "$dir"

# Both sides write every assessment workflow, clock, warning and rejection of FILE as text; the
# texts must be equal.
same_dumps() {
  local file=$1 name=$2
  "$build/bench/bench_evaluate" --in "$file" --as-of "$as_of" --dump "$dir/$name.ehcp.dump" \
    >/dev/null
  node "$root/bench/xstate/run.mjs" "$file" --as-of "$as_of" --dump "$dir/$name.xstate.dump" \
    >/dev/null
  if ! diff -u "$dir/$name.ehcp.dump" "$dir/$name.xstate.dump" >"$dir/$name.diff"; then
    echo "peer_xstate.sh: the peer and ehcp differ on $file:" >&2
    head -50 "$dir/$name.diff" >&2
    exit 3
  fi
  echo "$name: $(grep -c . "$file") events, $(grep -c . "$dir/$name.ehcp.dump") dump lines," \
    "identical"
}

# 2. The same answers on the edge cases, clock for clock.
same_dumps "$root/bench/peer_conformance.jsonl" conformance

# 3. The histories, the case's and the assessment's events only; the same answers on them too.
"$build/cli/ehcp" generate --cases "$cases" --seed "$seed" --as-of "$as_of" --out "$dir/all.jsonl"
grep -E '"type":"(case_opened|caseworker_assigned|setting_changed|case_closed|assessment_[a-z]+|advice_[a-z]+|exception_recorded|issue_decision|draft_plan_issued|school_consulted|consultation_response|family_response|final_plan_issued)"' \
  "$dir/all.jsonl" >"$dir/assessment.jsonl"
left_out=$(($(wc -l <"$dir/all.jsonl") - $(wc -l <"$dir/assessment.jsonl")))
echo "histories: $cases cases, $left_out plan, review and transfer events left out"
same_dumps "$dir/assessment.jsonl" histories

# 4. Both, one after the other, on the same file.
echo
"$build/bench/bench_evaluate" --in "$dir/assessment.jsonl" --runs "$runs" --warmup "$warmup" \
  --as-of "$as_of" | tee "$dir/ehcp.out"
echo
# shellcheck disable=SC2086 # the flags are words
node $node_flags "$root/bench/xstate/run.mjs" "$dir/assessment.jsonl" --runs "$runs" \
  --warmup "$warmup" --as-of "$as_of" | tee "$dir/xstate.out"

# The summary lines both print: "  events/s   1,234,567", "evaluate   1.234 s  (...)".
field() { grep -m1 "^$2" "$1" | sed -E "s|^$2 +||"; }
ehcp_rate=$(field "$dir/ehcp.out" '  events/s' | tr -d ,)
xstate_rate=$(field "$dir/xstate.out" '  events/s' | tr -d ,)
ehcp_sum=$(field "$dir/ehcp.out" 'assessment checksum')
xstate_sum=$(field "$dir/xstate.out" 'assessment checksum')
ratio=$(awk -v a="$ehcp_rate" -v b="$xstate_rate" 'BEGIN { printf "%.1f", a / b }')
met=$(awk -v r="$ratio" -v g="$goal" 'BEGIN { print (r >= g) ? "MET" : "NOT MET" }')

echo
echo "ehcp events/s               $ehcp_rate" \
  "(median of $runs; peak RSS $(field "$dir/ehcp.out" 'peak RSS'))"
echo "XState events/s             $xstate_rate" \
  "(median of $runs; peak RSS $(field "$dir/xstate.out" 'peak RSS');" \
  "node flags: ${node_flags:-none})"
echo "ratio (ehcp / XState)       ${ratio}x"
if [[ "$ehcp_sum" == "$xstate_sum" ]]; then
  echo "checksums                   match: $ehcp_sum"
else
  echo "checksums                   DIFFER"
  echo "  ehcp:   $ehcp_sum"
  echo "  XState: $xstate_sum"
fi
echo "goal ehcp >= ${goal}x XState events/s   $met"
echo "peer_xstate.sh: $(uptime | sed 's/^ *//')"

[[ "$ehcp_sum" == "$xstate_sum" ]] || exit 3
[[ $check == 1 && $met != MET ]] && exit 2
exit 0
