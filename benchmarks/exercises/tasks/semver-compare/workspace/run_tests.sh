#!/bin/sh
# Visible tests of an exercise. Builds the Catch2 v2 tests in tests_visible/tests.cc with
# every *.cc of the workspace into build/tests, linked with Catch2's prebuilt main
# (-lCatch2WithMain), then runs each test case in its own process (10 CPU s each), so a crash
# or a hang costs one case, not the run. Prints PASS/FAIL per test case (with Catch2's
# report of a failure) and, last, "N passed, N failed".
# Usage: sh run_tests.sh [NAME...]   (default: every test case; NAME is a test case name)
# tests_visible/tests.cc is recompiled only when it or a header of the workspace changed.
# EXTRA_CXXFLAGS is appended to the command that compiles the solution.
cd "$(dirname "$0")" || exit 2
mkdir -p build
flags="-std=c++17 -O0 -I."
# run_case PROG NAME LOG SECONDS: one test case in its own process, killed after SECONDS
# of CPU time (ten times that of wall clock is only a backstop, so a busy machine does not
# fail a case) and stopped (SIGXFSZ) once its log passes 1 MiB, so a solution that loops
# printing fails its case without filling the disk.
run_case() {
  (ulimit -f 2048 && ulimit -t "$4" && exec timeout --foreground $(($4 * 10)) "$1" "$2" >"$3" 2>&1)
}
pass=0
fail=0
report() {
  echo "$pass passed, $fail failed"
  [ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
  exit $?
}
compile_failed() {
  head -n 40 build/compile.log
  echo "compilation failed"
  if [ $# -gt 0 ]; then fail=$#; else fail=$(grep -c '^TEST_CASE(' tests_visible/tests.cc); fi
  report
}
if [ ! -f build/tests.o ] || [ -n "$(find tests_visible/tests.cc *.h -newer build/tests.o 2>/dev/null)" ]; then
  if ! g++ $flags -c tests_visible/tests.cc -o build/tests.o >build/compile.log 2>&1; then
    rm -f build/tests.o
    compile_failed "$@"
  fi
fi
if ! g++ $flags $EXTRA_CXXFLAGS -o build/tests *.cc build/tests.o -lCatch2WithMain \
     >build/compile.log 2>&1; then
  compile_failed "$@"
fi
if [ $# -gt 0 ]; then
  printf '%s\n' "$@" >build/names
else
  ./build/tests --list-test-names-only >build/names 2>/dev/null
fi
while IFS= read -r name; do
  [ -n "$name" ] || continue
  if run_case ./build/tests "$name" build/case.log 10 &&
     grep -q '^All tests passed' build/case.log; then
    pass=$((pass + 1))
    echo "PASS $name"
  else
    fail=$((fail + 1))
    echo "FAIL $name"
    # Catch2's report without its banner, or whatever the process printed.
    if grep -q '^-----' build/case.log; then sed -n '/^-----/,$p' build/case.log; else
      cat build/case.log; fi | grep -v '^=====\|^$' | head -n 40 | sed 's/^/  /'
  fi
done <build/names
# Test cases that never ran (the program did not list them) count as failed.
if [ $# -eq 0 ] && [ $((pass + fail)) -lt "$(grep -c '^TEST_CASE(' tests_visible/tests.cc)" ]; then
  fail=$(($(grep -c '^TEST_CASE(' tests_visible/tests.cc) - pass))
fi
report
