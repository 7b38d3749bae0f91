#!/usr/bin/env bash
# Sets up (installing what is missing), builds, and runs every test with CTest.
#   scripts/test.sh              the release build, all tests
#   scripts/test.sh --sanitize   the same tests under ASan+UBSan (build-asan/), but the
#                                benchmark-suite validator, which tests content, not code
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh "$@"
build_dir=build
skip=()
if [ "${1:-}" = "--sanitize" ]; then
  build_dir=build-asan
  # The suite validator compiles and runs the benchmark programs: it checks content, not
  # clade's code, so running it again under the sanitizers would only cost minutes.
  skip=(-E '^benchmarks_test:')
fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
# Leaks inside Clang that clade cannot free (each explained in the file).
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" "${skip[@]}"
