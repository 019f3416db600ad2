#!/usr/bin/env bash
# Fuzzes the JSON Lines decoder and the importer's line checks (tests/fuzz/decoder_fuzz.cpp) with
# libFuzzer, from the corpus in tests/fuzz/corpus, for a bounded time: `scripts/fuzz.sh [SECONDS]`
# (default 60). scripts/test.sh runs it for 60 s, so CI fuzzes on every run. Builds only the fuzz
# target (the engine and the four sources it fuzzes) with Debian's clang-14 in build-fuzz/
# (scripts/setup.sh installs clang-14 and libclang-rt-14-dev). New inputs go to build-fuzz/corpus,
# never into the tree. A crash, leak or hang exits non-zero and prints its input (base64, as CI
# loses build-fuzz/) with the command that replays it: add that file to tests/fuzz/corpus once
# fixed, and every build replays it (ctest -R fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

# scripts/test.sh has already run setup.
if [ "${EHCP_SETUP_DONE:-0}" != 1 ]; then
  scripts/setup.sh
fi

# -O1 -gline-tables-only: the sanitizers' advice, and file and line in a report's stack trace at
# a fraction of full debug information's compile time.
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DCMAKE_CXX_COMPILER=clang++-14 \
  -DEHCP_FUZZ=ON >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target fuzz_decoder

out=build-fuzz
mkdir -p "$out/corpus" "$out/artifacts"
rm -f "$out"/artifacts/*
echo "== fuzzing the decoder and the importer's line checks for ${seconds} s"
status=0
"$out/tests/fuzz/fuzz_decoder" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$out/artifacts/" \
  "$out/corpus" tests/fuzz/corpus || status=$?
if ((status != 0)); then
  for input in "$out"/artifacts/*; do
    [ -f "$input" ] || continue
    echo "fuzz: FAILED on $input ($(wc -c <"$input") bytes); its bytes in base64:"
    base64 "$input"
    echo "fuzz: to replay it: base64 -d > input <<< '...'; build-fuzz/tests/fuzz/fuzz_decoder input"
    echo "fuzz:   (or build/tests/fuzz_replay input; once fixed, add it to tests/fuzz/corpus)"
  done
  exit "$status"
fi
