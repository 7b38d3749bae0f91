#!/bin/sh
# Hidden tests of an exercise, run by the scorer with the workspace as working directory
# after the tests are copied to .clade-tests/. Builds .clade-tests/tests.cc (Catch2 v2,
# including the workspace's header) with every *.cc of the workspace into
# .clade-tests/build/tests, linked with Catch2's prebuilt main, and runs each test case in
# its own process (10 s each). Last line: "N passed, N failed".
t=.clade-tests
mkdir -p "$t/build"
# run_case PROG NAME LOG SECONDS: one test case in its own process, killed after SECONDS
# and stopped (SIGXFSZ) once its log passes 1 MiB, so a solution that loops printing
# fails its case without filling the disk.
run_case() {
  (ulimit -f 2048 && exec timeout "$4" "$1" "$2" >"$3" 2>&1)
}
pass=0
fail=0
if ! g++ -std=c++17 -O0 -I. -o "$t/build/tests" "$t/tests.cc" *.cc -lCatch2WithMain \
     >"$t/build/compile.log" 2>&1; then
  head -n 30 "$t/build/compile.log"
  fail=$(grep -c '^TEST_CASE(' "$t/tests.cc")
  echo "compilation failed"
  echo "$pass passed, $fail failed"
  exit 1
fi
"$t/build/tests" --list-test-names-only >"$t/build/names" 2>/dev/null
while IFS= read -r name; do
  [ -n "$name" ] || continue
  # A test case counts only if Catch2 itself says it passed (a stray main() does not).
  if run_case "$t/build/tests" "$name" "$t/build/case.log" 10 &&
     grep -q '^All tests passed' "$t/build/case.log"; then
    pass=$((pass + 1))
    echo "PASS $name"
  else
    fail=$((fail + 1))
    echo "FAIL $name"
  fi
done <"$t/build/names"
# Test cases that never ran (the program did not list them) count as failed.
expected=$(grep -c '^TEST_CASE(' "$t/tests.cc")
if [ $((pass + fail)) -lt "$expected" ]; then fail=$((expected - pass)); fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
