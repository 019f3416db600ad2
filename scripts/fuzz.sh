#!/usr/bin/env bash
# Fuzzes the JSON Lines decoder and the importer's line checks (tests/fuzz/decoder_fuzz.cpp) with
# libFuzzer, from the corpus in tests/fuzz/corpus, for a bounded time: `scripts/fuzz.sh [SECONDS]`
# (default 60). Builds with Debian's clang-14 in build-fuzz/ (installing clang-14 and
# libclang-rt-14-dev if missing, as root). New inputs go to build-fuzz/corpus, never into the
# tree; a crash leaves its input in build-fuzz/ and the script exits non-zero: add that file to
# tests/fuzz/corpus once fixed, and every build replays it (ctest -R fuzz).
# Not run by scripts/test.sh: a third, instrumented build would take CI past its time budget.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

for p in clang-14 libclang-rt-14-dev; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    echo "fuzz: installing $p"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$p"
  fi
done
scripts/setup.sh

cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_CXX_COMPILER=clang++-14 \
  -DEHCP_FUZZ=ON >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target fuzz_decoder

mkdir -p build-fuzz/corpus
cd build-fuzz
echo "== fuzzing the decoder and the importer's line checks for ${seconds} s"
./tests/fuzz/fuzz_decoder -max_total_time="$seconds" -max_len=4096 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 corpus ../tests/fuzz/corpus
