#!/bin/sh
# Visible tests. Builds the program (g++ -std=c++17 -O0 *.cc into build/), feeds each
# tests_visible/NAME.in on standard input and compares the output with NAME.out.
# Prints PASS/FAIL per test and, last, "N passed, N failed".
# Usage: sh run_tests.sh [NAME...]   (default: every test)
# EXTRA_CXXFLAGS is appended to the compile command (e.g. --coverage).
cd "$(dirname "$0")" || exit 2
mkdir -p build
if [ $# -gt 0 ]; then
  cases=""
  for n in "$@"; do cases="$cases tests_visible/$n.in"; done
else
  cases=$(ls tests_visible/*.in)
fi
# Out-of-range indexing of std::string and std::vector aborts (_GLIBCXX_ASSERTIONS) and
# locals start at zero (-ftrivial-auto-var-init), so a patch with such undefined
# behaviour passes or fails a test the same way on every run, not by stack garbage.
flags="-std=c++17 -O0 -D_GLIBCXX_ASSERTIONS -ftrivial-auto-var-init=zero"
# run_case PROG INPUT OUTPUT ERRORS SECONDS: one run of the program, killed after SECONDS
# and stopped (SIGXFSZ) once a file it writes passes 64 KiB, so a patch that loops
# printing fails its test without filling the disk.
run_case() {
  (ulimit -f 128 && exec timeout "$5" "$1" <"$2" >"$3" 2>"$4")
}
pass=0
fail=0
if ! g++ $flags $EXTRA_CXXFLAGS -o build/prog *.cc >build/compile.log 2>&1; then
  cat build/compile.log
  for f in $cases; do fail=$((fail + 1)); done
  echo "compilation failed"
  echo "$pass passed, $fail failed"
  exit 1
fi
for f in $cases; do
  name=$(basename "$f" .in)
  if [ -f "$f" ] && run_case ./build/prog "$f" "build/$name.actual" "build/$name.err" 2 &&
     cmp -s "build/$name.actual" "tests_visible/$name.out"; then
    pass=$((pass + 1))
    echo "PASS $name"
  else
    fail=$((fail + 1))
    echo "FAIL $name"
    if [ -f "tests_visible/$name.out" ]; then
      diff "tests_visible/$name.out" "build/$name.actual" 2>/dev/null | head -n 10 | sed 's/^/  /'
    fi
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
