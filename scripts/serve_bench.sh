#!/usr/bin/env bash
# clade serve on a large archive (docs/performance.md, "clade serve"): the API's first and
# later loads, the live page's first full load in headless Chromium (when scripts/setup.sh
# installed it), and how soon a variant added by a writer beside it arrives as an event.
#   scripts/serve_bench.sh ARCHIVE AGENT_DIR [ADDS]
# ARCHIVE: e.g. the 10,000-variant archive of `build/perf/archive_bench --keep DIR`
# (DIR/bench.git); AGENT_DIR: a directory `clade add` can import (DIR/seed). The archive
# gains ADDS (default 5) variants.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n '2,7p' "$0"; exit 2; }
exec python3 - "${CLADE:-build/clade}" "$1" "$2" "${3:-5}" <<'PY'
import json, os, socket, statistics, subprocess, sys, threading, time, urllib.request
clade, archive, agent, adds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
server = subprocess.Popen([clade, "serve", "--archive", archive, "--port", "0"],
                          stdout=subprocess.PIPE, text=True)
try:
    line = server.stdout.readline()
    port = int(line.split("127.0.0.1:")[1].split("/")[0])
    base = f"http://127.0.0.1:{port}"

    def get(path):
        start = time.perf_counter()
        body = urllib.request.urlopen(base + path).read()
        return time.perf_counter() - start, len(body)

    first = get("/api/variants")
    later = [get("/api/variants")[0] for _ in range(5)]
    detail = [get("/api/variants/9999")[0] for _ in range(5)]
    idle = [get("/api/variants/0/diff")[0] for _ in range(20)]
    page = [get("/") for _ in range(3)]
    playwright = "build/node/node_modules/playwright-core"
    browser = None
    if os.path.exists(playwright) and os.path.exists("/usr/bin/chromium"):
        add = f"{clade} add {agent} --parent 0 -m 'page bench {{i}}' --archive {archive}"
        out = subprocess.run(["node", "tests/report/report_browser.js", "--playwright", playwright,
                              "--url", base + "/", "--measure", "5", "--live-adds", str(adds),
                              "--add-command", add],
                             capture_output=True, text=True).stdout
        browser = json.loads(out[out.index("{"):])

    arrivals = {}
    def listen():
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        buffer = b""
        while len(arrivals) < adds:
            chunk = sock.recv(65536)
            if not chunk:
                return
            buffer += chunk
            while b'data: {"id":' in buffer:
                at = buffer.index(b'data: {"id":')
                end = buffer.find(b",", at)
                if end < 0:
                    break
                arrivals.setdefault(int(buffer[at + 12:end]), time.perf_counter())
                buffer = buffer[end + 1:]
    thread = threading.Thread(target=listen, daemon=True)
    thread.start()
    time.sleep(1.5)
    latencies = []
    before = json.loads(urllib.request.urlopen(base + "/api/variants").read())
    for i in range(adds):
        subprocess.run([clade, "add", agent, "--parent", "0", "-m", f"serve bench {i}",
                        "--archive", archive, "--json"], check=True, capture_output=True)
        written = time.perf_counter()  # the ref is written before `clade add` exits
        expected = len(before) + i
        while expected not in arrivals and time.perf_counter() - written < 10:
            time.sleep(0.005)
        latencies.append(arrivals.get(expected, float("nan")) - written)
    # The server's work for an event: a request right after an add finds the change in
    # its poll (Refresh, the summaries, the tally, the summary's head) before answering.
    changed = []
    for i in range(adds):
        subprocess.run([clade, "add", agent, "--parent", "0", "-m", f"serve bench poll {i}",
                        "--archive", archive, "--json"], check=True, capture_output=True)
        changed.append(get("/api/variants/0/diff")[0])
        time.sleep(0.2)
    ms = lambda s: f"{s * 1000:.1f} ms"
    print(f"| archive | {len(before)} variants before the adds |")
    print(f"| `GET /api/variants`, first (index, summaries, {first[1] / 1e6:.1f} MB of JSON) | {ms(first[0])} |")
    print(f"| `GET /api/variants`, later, median of 5 | {ms(statistics.median(later))} |")
    print(f"| `GET /api/variants/9999`, median of 5 | {ms(statistics.median(detail))} |")
    print(f"| `GET /` (the page with the summary of every variant, {page[0][1] / 1e6:.1f} MB), median of 3 | {ms(statistics.median(p[0] for p in page))} |")
    if browser:
        m = browser["measure"]
        print(f"| the live page in Chromium: navigation to tree, chart and legend drawn, median of {m['runs']} | {m['readyMedianMs']:.0f} ms |")
        print(f"| the same, slowest of {m['runs']} | {m['readyMaxMs']:.0f} ms |")
        print(f"| the same: load event, median | {m['loadMedianMs']:.0f} ms |")
        a = browser["liveAdd"]
        print(f"| a variant added by `clade add` until drawn on the live page, median of {a['runs']} | {a['medianMs']:.0f} ms |")
        print(f"| the same, slowest of {a['runs']} | {a['maxMs']:.0f} ms |")
        if browser["problems"]:
            print(f"| browser problems | {browser['problems']} |")
    print(f"| a request when nothing changed (`/api/variants/0/diff` of the seed: one poll), median of 20 | {ms(statistics.median(idle))} |")
    print(f"| the same request right after `clade add` (its poll finds the new variant and makes the event and the summary's head), median of {adds} | {ms(statistics.median(changed))} |")
    print(f"| event after `clade add` returned, median of {adds} (poll interval 500 ms) | {ms(statistics.median(latencies))} |")
    print(f"| event after `clade add` returned, max | {ms(max(latencies))} |")
finally:
    server.terminate()
    server.wait()
PY
