#!/bin/sh
# Hidden tests, run by the scorer with the workspace as working directory after the
# tests are copied to .clade-tests/. Builds the workspace's *.cc into .clade-tests/build
# and runs every .clade-tests/cases/NAME.in. Last line: "N passed, N failed".
t=.clade-tests
mkdir -p "$t/build"
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
if ! g++ $flags -o "$t/build/prog" *.cc >"$t/build/compile.log" 2>&1; then
  head -n 30 "$t/build/compile.log"
  for f in "$t"/cases/*.in; do fail=$((fail + 1)); done
  echo "compilation failed"
  echo "$pass passed, $fail failed"
  exit 1
fi
for f in "$t"/cases/*.in; do
  name=$(basename "$f" .in)
  if run_case "$t/build/prog" "$f" "$t/build/$name.actual" /dev/null 1 &&
     cmp -s "$t/build/$name.actual" "$t/cases/$name.out"; then
    pass=$((pass + 1))
    echo "PASS $name"
  else
    fail=$((fail + 1))
    echo "FAIL $name"
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
