#!/usr/bin/env python3
"""Generates benchmarks/exercises from the specs in benchmarks/tools/specs/exercises/<id>.txt.

A spec is one text file in sections, each opened by a line "=== NAME":
  === meta               "kind: ..." (the exercise's area, for the docs table)
  === statement          what to implement (markdown; becomes the top of statement.md)
  === workspace/FILE     a file the agent starts from: exactly one header (.h) with the
                         interface, and the stub .cc (compiles, but unimplemented)
  === reference/FILE     the solution: files that replace the workspace's (at least the .cc)
  === visible            Catch2 v2 TEST_CASEs the agent sees (tests_visible/tests.cc)
  === hidden             more TEST_CASEs; the hidden suite is the visible cases followed by
                         these, so there must be at least as many as visible ones

Each TEST_CASE( starts a line; names are plain (letters, digits, spaces, . _ : ' ( ) -),
unique ignoring case, since the test scripts run each test case by name.

The script writes the task folder: task.yaml, statement.md, workspace/ (the files,
run_tests.sh, tests_visible/tests.cc), tests/tests.cc, reference/, and the task
table in docs/benchmarks.md. With --check it also builds and runs, for every task, the stub
against the hidden tests (some must fail) and the reference against the visible and hidden
tests (all must pass), as tests/benchmarks/exercises_test.cc does.

Usage: gen_exercises.py [--only ID] [--check] [--jobs N]
"""
import argparse, concurrent.futures as cf, glob, json, os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOLS = os.path.join(ROOT, "benchmarks", "tools")
SPECS = os.path.join(TOOLS, "specs", "exercises")
SUITE = os.path.join(ROOT, "benchmarks", "exercises")
DOCS = os.path.join(ROOT, "docs", "benchmarks.md")

# clade's cases form: the build sees tests.cc alone (not the rest of tests/), each test
# case runs in a sandbox of its own and passes when it exits 0 and Catch2 printed "All
# tests passed". The agent's code is compiled into the test program, so it could still
# fake that line (docs/sandbox.md says what the cases form promises and what not).
TASK_YAML = """id: {id}
statement: statement.md
visible_test: sh run_tests.sh
hidden_test:
  build: g++ -std=c++17 -O0 -I. -o {{out}}/tests {{tests}}/tests.cc ./*.cc -lCatch2WithMain
  build_reads: [tests.cc]
  run: "{{out}}/tests {{case}}"
  cases: [{cases}]
  pass_line: All tests passed
  case_seconds: 10
  output_kb: 1024
protected: [run_tests.sh, tests_visible/**]
"""


def task_yaml(tid, hidden_tests):
    """task.yaml of an exercise: one case per TEST_CASE of its hidden tests.cc."""
    names = CASE_RE.findall(hidden_tests)
    return TASK_YAML.format(id=tid, cases=", ".join(json.dumps(n) for n in names))

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.:'()-]*$")
CASE_RE = re.compile(r'^TEST_CASE\("([^"]*)"', re.M)


def parse(path):
    sections, name = {}, None
    with open(path) as f:
        for line in f:
            m = re.match(r"^=== (\S+)\s*$", line)
            if m:
                name = m.group(1)
                if name in sections:
                    raise SystemExit(f"{path}: section {name} twice")
                sections[name] = []
            elif name is not None:
                sections[name].append(line)
            elif line.strip():
                raise SystemExit(f"{path}: text before the first section")
    return {k: "".join(v).strip("\n") + "\n" for k, v in sections.items()}


def case_names(text, where):
    names = CASE_RE.findall(text)
    if text.count("TEST_CASE(") != len(names):
        raise SystemExit(f"{where}: every TEST_CASE( must start a line with a quoted name")
    for n in names:
        if not NAME_RE.match(n):
            raise SystemExit(f"{where}: test case name {n!r} is not plain")
    return names


def load(path):
    tid = os.path.basename(path)[:-4]
    s = parse(path)
    for k in ("meta", "statement", "visible", "hidden"):
        if k not in s:
            raise SystemExit(f"{path}: missing section {k}")
    work = {k[10:]: v for k, v in s.items() if k.startswith("workspace/")}
    ref = {k[10:]: v for k, v in s.items() if k.startswith("reference/")}
    headers = [f for f in work if f.endswith(".h")]
    if len(headers) != 1 or not any(f.endswith(".cc") for f in work):
        raise SystemExit(f"{path}: the workspace needs exactly one .h and a stub .cc")
    if not any(f.endswith(".cc") for f in ref) or not set(ref) <= set(work):
        raise SystemExit(f"{path}: reference/ must replace workspace files, at least the .cc")
    vis = case_names(s["visible"], path + " visible")
    extra = case_names(s["hidden"], path + " hidden")
    allnames = [n.lower() for n in vis + extra]
    if len(set(allnames)) != len(allnames):
        raise SystemExit(f"{path}: test case names repeat")
    if len(extra) < len(vis):
        raise SystemExit(f"{path}: {len(extra)} hidden-only cases, fewer than {len(vis)} visible")
    meta = dict(l.split(":", 1) for l in s["meta"].splitlines() if ":" in l)
    ref_lines = sum(v.count("\n") for f, v in ref.items() if f.endswith(".cc"))
    return dict(id=tid, kind=meta.get("kind", "").strip(), statement=s["statement"], work=work,
                ref=ref, header=headers[0], visible=s["visible"], hidden=s["hidden"],
                nvis=len(vis), nhid=len(vis) + len(extra), ref_lines=ref_lines)


def statement(t):
    stub = [f for f in sorted(t["work"]) if f.endswith(".cc")]
    return f"""# {t['id']}

{t['statement'].rstrip()}

## Files

- `{t['header']}`: the interface. Keep its declarations as they are (the tests include
  it); you may add includes, private members and helpers.
- {', '.join(f'`{f}`' for f in stub)}: implement here. The stub compiles but does not do
  the job yet.
- `tests_visible/tests.cc`: the visible tests (Catch2 v2). Hidden tests check the same
  interface with more cases.

## Testing

`sh run_tests.sh` compiles the tests with every `*.cc` of the workspace (`g++ -std=c++17
-O0`, linked with Catch2's prebuilt main) into `build/tests`, runs each test case on its
own, prints `PASS NAME` or `FAIL NAME` (with Catch2's report) per test case and ends with a
line `N passed, N failed`. `sh run_tests.sh "NAME"...` runs only the named test cases.
"""


def tests_file(t, hidden):
    kind = "Hidden" if hidden else "Visible"
    body = t["visible"]
    if hidden:
        body += "\n// Hidden-only cases.\n\n" + t["hidden"]
    return (f"// {kind} tests of the exercise {t['id']} (Catch2 v2).\n"
            f"#include <catch2/catch.hpp>\n\n#include \"{t['header']}\"\n\n{body}")


def write(path, text, mode=0o644):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, mode)


def read(path):
    with open(path) as f:
        return f.read()


def generate(t):
    d = os.path.join(SUITE, "tasks", t["id"])
    shutil.rmtree(d, ignore_errors=True)
    write(os.path.join(d, "task.yaml"), task_yaml(t["id"], tests_file(t, True)))
    write(os.path.join(d, "statement.md"), statement(t))
    for f, v in t["work"].items():
        write(os.path.join(d, "workspace", f), v)
    write(os.path.join(d, "workspace", "run_tests.sh"), read(os.path.join(TOOLS, "exercises", "run_tests.sh")))
    write(os.path.join(d, "workspace", "tests_visible", "tests.cc"), tests_file(t, False))
    write(os.path.join(d, "tests", "tests.cc"), tests_file(t, True))
    for f, v in t["ref"].items():
        write(os.path.join(d, "reference", f), v)


def summary(out):
    m = re.findall(r"^(\d+) passed, (\d+) failed$", out, re.M)
    return (int(m[-1][0]), int(m[-1][1])) if m else None


def run(cwd, cmd):
    r = subprocess.run(cmd, cwd=cwd, shell=True, capture_output=True, text=True, errors="replace",
                       timeout=300)
    return summary(r.stdout), r.stdout


def check(tid):
    d = os.path.join(SUITE, "tasks", tid)
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        stub, ref = os.path.join(tmp, "stub"), os.path.join(tmp, "ref")
        for w in (stub, ref):
            shutil.copytree(os.path.join(d, "workspace"), w)
            shutil.copytree(os.path.join(d, "tests"), os.path.join(w, ".clade-tests"))
            shutil.copy(os.path.join(TOOLS, "exercises", "run_hidden.sh"),
                        os.path.join(w, ".clade-tests", "run.sh"))
        for f in os.listdir(os.path.join(d, "reference")):
            shutil.copy(os.path.join(d, "reference", f), os.path.join(ref, f))
        sh, out = run(stub, "sh .clade-tests/run.sh")
        if not sh or sh[1] == 0:
            problems.append(f"stub passes the hidden tests: {out[-500:]}")
        rv, out = run(ref, "sh run_tests.sh")
        if not rv or rv[1] != 0 or rv[0] == 0:
            problems.append(f"reference fails visible tests: {out[-1500:]}")
        rh, out = run(ref, "sh .clade-tests/run.sh")
        if not rh or rh[1] != 0 or rh[0] == 0:
            problems.append(f"reference fails hidden tests: {out[-1500:]}")
    return tid, sh, problems


def docs_table(tasks):
    rows = [f"{len(tasks)} tasks.", "",
            "| task | area | visible | hidden | reference lines |", "|---|---|---|---|---|"]
    for t in tasks:
        rows.append(f"| `{t['id']}` | {t['kind']} | {t['nvis']} | {t['nhid']} | {t['ref_lines']} |")
    text = read(DOCS)
    begin, end = "<!-- BEGIN tasks:exercises -->", "<!-- END tasks:exercises -->"
    if begin not in text:
        return
    a = text.index(begin) + len(begin)
    b = text.index(end)
    write(DOCS, text[:a] + "\n" + "\n".join(rows) + "\n" + text[b:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    tasks = [load(p) for p in sorted(glob.glob(os.path.join(SPECS, "*.txt")))]
    if a.only:
        tasks = [t for t in tasks if t["id"] == a.only]
        if not tasks:
            raise SystemExit(f"no spec {a.only}")
    for t in tasks:
        generate(t)
    if not a.only:
        docs_table(tasks)
    if a.check:
        bad = 0
        with cf.ThreadPoolExecutor(a.jobs) as ex:
            for tid, stub, problems in ex.map(check, [t["id"] for t in tasks]):
                print(f"{tid}: stub {stub[0]}/{stub[0] + stub[1]}" if stub else f"{tid}: stub -",
                      "ok" if not problems else "PROBLEMS", flush=True)
                for p in problems:
                    print("  " + p)
                bad += bool(problems)
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
