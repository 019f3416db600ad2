#!/usr/bin/env bash
# Sets up, builds and runs every test twice: an optimised build, then the same tests under
# AddressSanitizer and UBSan; then fuzzes the decoder for 60 s (scripts/fuzz.sh). Exits non-zero
# if anything fails. Each phase prints its time, and the run its total.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
phase_started=
phase() {
  if [ -n "$phase_started" ]; then
    echo "   ($((SECONDS - phase_started)) s)"
  fi
  phase_started=$SECONDS
  echo "== $1"
}

phase "setup"
scripts/setup.sh
export EHCP_SETUP_DONE=1

jobs=$(nproc)
if command -v clang-format >/dev/null 2>&1; then
  phase "format check (clang-format)"
  git ls-files '*.h' '*.cpp' | xargs clang-format --dry-run -Werror
fi

# Both builds start from nothing in CI: unity batches and precompiled headers take half the
# compile time off the optimised build and a third off the sanitizer build
# (cmake/build_speed.cmake).
speed=(-DEHCP_UNITY=ON -DEHCP_PCH=ON)

phase "build (optimised, -O2)"
# No debug information in the optimised build: it costs a quarter of its compile time, and the
# sanitizer build below gives file and line for anything that goes wrong.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -DNDEBUG" "${speed[@]}" >/dev/null
cmake --build build -j "$jobs"

phase "build (AddressSanitizer + UBSan)"
# -O1 (as the sanitizers' authors advise) runs the tests several times faster than -O0; -g1 keeps
# the line tables a report's stack trace needs at less compile time than full debug information.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DEHCP_SANITIZE=ON \
  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" "${speed[@]}" >/dev/null
cmake --build build-asan -j "$jobs"

phase "tests under AddressSanitizer + UBSan"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
   ctest --output-on-failure -j "$jobs")

phase "tests (optimised build)"
(cd build && ctest --output-on-failure -j "$jobs")

phase "fuzz (libFuzzer, 60 s)"
scripts/fuzz.sh 60

phase "done"
echo "scripts/test.sh: $((SECONDS - started)) s in all"
