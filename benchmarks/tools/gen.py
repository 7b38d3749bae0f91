#!/usr/bin/env python3
"""Generates benchmarks/repair, benchmarks/repair-transfer and benchmarks/repair-kinds from
the task specs in benchmarks/tools/specs/<suite>/*.py.

A spec file defines TASKS, a list of dicts made with task(...):
  id         task id (folder name)
  kind       bug kind (off-by-one, wrong-operator, ...)
  token      True if the fix is a single-token change (operator, constant, condition)
  about      what the program does (the first part of statement.md)
  src        the CORRECT main.cc (files={...} for extra files)
  bug        (old, new) or (file, old, new): the bug, a text replacement made exactly once
  visible    stdin inputs of the visible tests
  hidden     stdin inputs of the extra hidden tests (the hidden suite also repeats the
             visible ones); at least as many as visible

Expected outputs come from running the correct program (built with sanitizers, so it must
be free of undefined behaviour). The script checks that the buggy program fails at least
one visible case and at least one hidden case that is not a visible one, then writes the
task folder: task.yaml, statement.md, workspace/ (buggy sources, run_tests.sh,
tests_visible/), tests/cases/, reference.patch. The hidden test is in clade's cases form
(TASK_YAML): clade builds the workspace, runs the program once per case in a sandbox of its
own and compares the output itself, so the program never sees an expected output.

Usage: gen.py [--suite NAME] [--only ID] [--jobs N] [--docs-only]
(--only regenerates single tasks and leaves the .tsv summaries and docs tables alone.)
"""
import argparse, textwrap, concurrent.futures as cf, glob, os, runpy, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOLS = os.path.join(ROOT, "benchmarks", "tools")

SUITES = {
    "repair": ("repair", "small C++17 programs, each with exactly one realistic bug; "
               "stdin/stdout tests, hidden tests at least twice the visible ones",
               "{agent_seconds: 60, test_seconds: 20, memory_mb: 2048}"),
    "repair-transfer": ("repair-transfer", "other small C++17 programs (strings, data "
                        "structures, dates, number formatting) with other bug kinds; for replay only",
                        "{agent_seconds: 60, test_seconds: 20, memory_mb: 2048}"),
    "repair-kinds": ("repair-kinds", "new C++17 programs with three bug kinds of repair-transfer "
                     "(swapped arguments, wrong variable, integer overflow), and two tasks of each "
                     "kind of repair; for selecting a search that should transfer",
                     "{agent_seconds: 60, test_seconds: 20, memory_mb: 2048}"),
}

# Tasks a suite borrows from another one (folders relative to the suite), listed after
# its own: repair-kinds takes the first two tasks of each bug kind of repair (by id).
BORROWED = {
    "repair-kinds": ["../repair/tasks/" + t for t in (
        "bracket-balance", "calc-ops", "bubble-sort", "csv-fields", "digits-reverse",
        "first-at-least", "anagram-check", "argmax-first", "binary-parse", "bmi-class",
        "bank-balance", "clock-add")],
}


# The hidden build compiles ./*.cc (not *.cc: a file named "-x.cc" or "@x.cc" would be
# read as an option). The visible tests and their script are protected: an agent that
# changes them is recorded as tampering.
TASK_YAML = """id: {id}
statement: statement.md
visible_test: sh run_tests.sh
hidden_test:
  build: g++ -std=c++17 -O0 -D_GLIBCXX_ASSERTIONS -ftrivial-auto-var-init=zero -o {{out}}/prog ./*.cc
  run: "{{out}}/prog"
  cases: cases
  visible_cases: tests_visible
  case_seconds: 1
  output_kb: 64
protected: [run_tests.sh, tests_visible/**]
limits: {{agent_seconds: 60, test_seconds: 20}}
"""


def task(**kw):
    return kw


def read_script(name):
    with open(os.path.join(TOOLS, name)) as f:
        return f.read()


def sh(cmd, cwd=None, inp=None, timeout=20):
    return subprocess.run(cmd, cwd=cwd, input=inp, capture_output=True, text=True, errors="replace",
                          timeout=timeout)


def header(spec):
    # The description, minus its title, as the file's opening comment.
    body = "\n".join(l for l in spec["about"].strip().splitlines() if not l.startswith("#"))
    out = []
    for para in body.strip().split("\n\n"):
        if out:
            out.append("//")
        out += ["// " + l for l in textwrap.wrap(" ".join(para.split()), 86)]
    return "\n".join(out) + "\n"


def files_of(spec):
    files = {"main.cc": header(spec) + spec["src"].lstrip("\n")}
    for k, v in spec.get("files", {}).items():
        files[k] = v.lstrip("\n")
    return files


def apply_bug(spec, files):
    bug = spec["bug"]
    if len(bug) == 2:
        fname, old, new = "main.cc", bug[0], bug[1]
    else:
        fname, old, new = bug
    text = files[fname]
    n = text.count(old)
    if n != 1:
        raise SystemExit(f"{spec['id']}: bug text occurs {n} times in {fname}: {old!r}")
    out = dict(files)
    out[fname] = text.replace(old, new)
    return out


def build(files, d, sanitize):
    os.makedirs(d, exist_ok=True)
    for k, v in files.items():
        with open(os.path.join(d, k), "w") as f:
            f.write(v)
    flags = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-g"] if sanitize else []
    srcs = sorted(k for k in files if k.endswith(".cc"))
    r = sh(["g++", "-std=c++17", "-O0", "-Wall", *flags, "-o", "prog", *srcs], cwd=d, timeout=120)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    return os.path.join(d, "prog")


def run(prog, inp):
    try:
        r = sh([prog], inp=inp, timeout=5)
        return r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired:
        return -1, "<timeout>", ""


def gen_task(suite, spec):
    tid = spec["id"]
    vis = list(spec["visible"])
    extra = list(spec["hidden"])
    if len(extra) < len(vis):
        raise RuntimeError(f"{tid}: need at least as many extra hidden cases as visible")
    hid = vis + extra
    good = files_of(spec)
    bad = apply_bug(spec, good)
    with tempfile.TemporaryDirectory() as tmp:
        gp = build(good, os.path.join(tmp, "good"), True)
        bp = build(bad, os.path.join(tmp, "bad"), False)
        exp = []
        for i, inp in enumerate(hid):
            rc, out, err = run(gp, inp)
            if rc != 0:
                raise RuntimeError(f"{tid}: correct program failed on case {i}: rc={rc} {err[:2000]}")
            exp.append(out)
        fails = []
        for i, inp in enumerate(hid):
            rc, out, _ = run(bp, inp)
            rc2, out2, _ = run(bp, inp)
            f1, f2 = (rc != 0 or out != exp[i]), (rc2 != 0 or out2 != exp[i])
            if f1 != f2:
                raise RuntimeError(f"{tid}: buggy program is nondeterministic on case {i}")
            fails.append((f1, rc, out))
        vfail = [i for i in range(len(vis)) if fails[i][0]]
        hfail = [i for i in range(len(vis), len(hid)) if fails[i][0]]
        if not vfail:
            raise RuntimeError(f"{tid}: buggy program passes every visible case")
        if not hfail:
            raise RuntimeError(f"{tid}: buggy program passes every extra hidden case")
        if len(vfail) == len(vis) and spec.get("allow_all_visible_fail") is not True and len(vis) > 1:
            pass  # allowed; noted only
        # reference.patch
        a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        os.makedirs(a); os.makedirs(b)
        patch = ""
        for k in sorted(good):
            if good[k] == bad[k]:
                continue
            with open(os.path.join(a, k), "w") as f: f.write(bad[k])
            with open(os.path.join(b, k), "w") as f: f.write(good[k])
            r = sh(["diff", "-u", "--label", "a/" + k, "--label", "b/" + k, k, "../b/" + k], cwd=a)
            patch += r.stdout
    # write the task folder
    tdir = os.path.join(ROOT, "benchmarks", suite, "tasks", tid)
    if os.path.exists(tdir):
        shutil.rmtree(tdir)
    ws = os.path.join(tdir, "workspace")
    os.makedirs(os.path.join(ws, "tests_visible"))
    os.makedirs(os.path.join(tdir, "tests", "cases"))
    for k, v in bad.items():
        with open(os.path.join(ws, k), "w") as f: f.write(v)
    with open(os.path.join(ws, "run_tests.sh"), "w") as f: f.write(read_script("run_tests.sh"))
    for i, inp in enumerate(vis):
        with open(os.path.join(ws, "tests_visible", f"{i+1:02d}.in"), "w") as f: f.write(inp)
        with open(os.path.join(ws, "tests_visible", f"{i+1:02d}.out"), "w") as f: f.write(exp[i])
    for i, inp in enumerate(hid):
        with open(os.path.join(tdir, "tests", "cases", f"{i+1:02d}.in"), "w") as f: f.write(inp)
        with open(os.path.join(tdir, "tests", "cases", f"{i+1:02d}.out"), "w") as f: f.write(exp[i])
    with open(os.path.join(tdir, "reference.patch"), "w") as f: f.write(patch)
    with open(os.path.join(tdir, "task.yaml"), "w") as f:
        f.write(TASK_YAML.format(id=tid))
    # statement: description, then the observed failure, then how to test
    i = vfail[0]
    name = f"{i+1:02d}"
    def clip(s, n=12):
        # Control bytes (other than tab) shown as \xNN so the statement stays printable.
        s = "".join(c if c in "\n\t" or 32 <= ord(c) < 127 or ord(c) > 159 else f"\\x{ord(c):02x}"
                    for c in s)
        lines = s.splitlines()
        return "\n".join(lines[:n] + (["..."] if len(lines) > n else []))
    got = fails[i][2] if fails[i][1] == 0 else (fails[i][2] + f"\n(exit status {fails[i][1]})")
    stmt = spec["about"].strip() + "\n\n"
    stmt += ("## Bug report\n\n"
             f"The program does not behave as described: {len(vfail)} of the {len(vis)} visible "
             f"tests fail. For example, on `tests_visible/{name}.in`:\n\n"
             f"```\n{clip(vis[i])}\n```\n\nit is expected to print\n\n```\n{clip(exp[i])}\n```\n\n"
             f"but it prints\n\n```\n{clip(got) if got.strip() else '(nothing)'}\n```\n\n"
             "Find the defect and fix it in the source. Keep the program's input and output "
             "format unchanged; other, hidden tests check more inputs than the visible ones.\n\n")
    stmt += ("## Testing\n\n`sh run_tests.sh` compiles the program (`g++ -std=c++17 -O0 *.cc` into "
             "`build/`) and runs every `tests_visible/NAME.in` on standard input, comparing the "
             "output with `tests_visible/NAME.out`. It prints `PASS NAME` or `FAIL NAME` per test "
             "and ends with a line `N passed, N failed`. `sh run_tests.sh NAME...` runs only the "
             "named tests.\n")
    with open(os.path.join(tdir, "statement.md"), "w") as f: f.write(stmt)
    return dict(id=tid, kind=spec["kind"], token=spec["token"], visible=len(vis), hidden=len(hid),
                files=len(good), lines=sum(v.count("\n") for v in good.values()))


def load(suite):
    specs = []
    for p in sorted(glob.glob(os.path.join(TOOLS, "specs", suite, "*.py"))):
        g = runpy.run_path(p, init_globals={"task": task})
        specs.extend(g["TASKS"])
    ids = [s["id"] for s in specs]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise SystemExit(f"duplicate task ids in {suite}: {sorted(dup)}")
    return specs


def update_docs(suite, meta):
    """Rewrites the task table of a suite in docs/benchmarks.md, between its markers."""
    path = os.path.join(ROOT, "docs", "benchmarks.md")
    if not os.path.exists(path):
        return
    begin, end = f"<!-- BEGIN tasks:{suite} -->", f"<!-- END tasks:{suite} -->"
    text = open(path).read()
    if begin not in text or end not in text:
        return
    rows = ["| task | bug kind | single-token fix | visible | hidden | lines |",
            "|---|---|---|---|---|---|"]
    for m in meta:
        rows.append(f"| `{m['id']}` | {m['kind']} | {'yes' if m['token'] else 'no'} | "
                    f"{m['visible']} | {m['hidden']} | {m['lines']} |")
    kinds = {}
    for m in meta:
        kinds[m["kind"]] = kinds.get(m["kind"], 0) + 1
    tokens = sum(1 for m in meta if m["token"])
    summary = (f"{len(meta)} tasks; " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
               + f"; single-token fixable: {tokens} of {len(meta)}.")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(path, "w") as f:
        f.write(head + begin + "\n" + summary + "\n\n" + "\n".join(rows) + "\n" + end + tail)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--suite", action="append")
    ap.add_argument("--only", action="append")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--docs-only", action="store_true",
                    help="only rewrite the tables in docs/benchmarks.md from tools/<suite>.tsv")
    args = ap.parse_args()
    if args.docs_only:
        for suite in args.suite or list(SUITES):
            with open(os.path.join(TOOLS, f"{suite}.tsv")) as f:
                rows = [l.rstrip("\n").split("\t") for l in f][1:]
            update_docs(suite, [dict(id=r[0], kind=r[1], token=r[2] == "yes", visible=r[3],
                                     hidden=r[4], lines=r[6]) for r in rows])
        return
    ok = True
    for suite in args.suite or list(SUITES):
        specs = load(suite)
        sdir = os.path.join(ROOT, "benchmarks", suite)
        os.makedirs(os.path.join(sdir, "tasks"), exist_ok=True)
        name, desc, limits = SUITES[suite]
        with open(os.path.join(sdir, "suite.yaml"), "w") as f:
            tasks = "tasks/*"
            if suite in BORROWED:
                tasks = "[" + ", ".join(["tasks/*"] + BORROWED[suite]) + "]"
            f.write(f"name: {name}\ndescription: {desc}\ntasks: {tasks}\nlimits: {limits}\n")
        todo = [s for s in specs if not args.only or s["id"] in args.only]
        if not args.only:  # drop folders of tasks no longer specified
            for d in glob.glob(os.path.join(sdir, "tasks", "*")):
                if os.path.basename(d) not in {s["id"] for s in specs}:
                    shutil.rmtree(d)
        meta = []
        with cf.ThreadPoolExecutor(args.jobs) as ex:
            futs = {ex.submit(gen_task, suite, s): s["id"] for s in todo}
            for fu in cf.as_completed(futs):
                try:
                    meta.append(fu.result())
                except Exception as e:
                    ok = False
                    print(f"ERROR {suite}/{futs[fu]}: {e}", file=sys.stderr)
        if not args.only:
            meta.sort(key=lambda m: m["id"])
            with open(os.path.join(TOOLS, f"{suite}.tsv"), "w") as f:
                f.write("id\tkind\tsingle_token\tvisible\thidden\tfiles\tlines\n")
                for m in meta:
                    f.write(f"{m['id']}\t{m['kind']}\t{'yes' if m['token'] else 'no'}\t"
                            f"{m['visible']}\t{m['hidden']}\t{m['files']}\t{m['lines']}\n")
            update_docs(suite, meta)
        print(f"{suite}: {len(meta)} of {len(todo)} tasks generated")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
