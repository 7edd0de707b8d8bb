#!/usr/bin/env python3
"""The measurements of scripts/bench-store.sh: one data directory and the store pushed from it.

Each case runs RUNS times (after one warm-up); the median wall time and the largest peak resident
memory (the child's ru_maxrss) are printed as a Markdown table. "no cache" removes the snapshot
cache before every run (the data directory's .cache, or $XDG_CACHE_HOME/bordermon for a store);
"cache" runs after one opening saved it.
Usage: bench-store.py BORDERMON DATA_DIR STORE_URL RUNS
"""
import json, os, shutil, statistics, subprocess, sys, tempfile, time

bordermon, data, store, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
here = os.path.dirname(os.path.abspath(__file__))
cache_home = tempfile.mkdtemp(prefix="bordermon-bench-cache.")
# The generated history runs past today (to 2029): a clock after it, so every event is in the past.
env = dict(os.environ, XDG_CACHE_HOME=cache_home, BORDERMON_OPERATOR="bench", BORDERMON_NOW="2030-01-01T00:00:00Z")


def drop_caches(where):
    if where == "data":
        shutil.rmtree(os.path.join(data, ".cache"), ignore_errors=True)
    else:
        shutil.rmtree(os.path.join(cache_home, "bordermon"), ignore_errors=True)


def source(where):
    return ["--data", data] if where == "data" else ["--store", store]


def command(argv):
    """Wall seconds and peak RSS (MiB) of one run."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed ({status}): {' '.join(argv)}")
    return elapsed, usage.ru_maxrss / 1024


def first_frame(where):
    """Milliseconds to the console's first full frame, and its peak RSS (MiB), from first-frame.py."""
    argv = [sys.executable, os.path.join(here, "first-frame.py"), bordermon, data, "--writable"]
    if where == "store":
        argv += ["--store", store]
    out = subprocess.run(argv, capture_output=True, text=True, env=env, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    if result["first_full_frame_ms"] is None:
        sys.exit(f"no first frame: {argv}")
    return result["first_full_frame_ms"] / 1000, result["peak_rss_mib"]


def case(name, run, before=None):
    if before:
        before()
    run()  # warm-up (and, for the cached cases, the cache's first save)
    times, peaks = [], []
    for _ in range(runs):
        if before:
            before()
        seconds, peak = run()
        times.append(seconds)
        peaks.append(peak)
    print(f"| {name} | {statistics.median(times):.2f} s | {min(times):.2f}–{max(times):.2f} s | {max(peaks):.0f} MiB |",
          flush=True)


print("| opening 1 journal | median | min–max | peak RSS |")
print("|---|---|---|---|", flush=True)
for where, label in (("data", "data directory"), ("store", "PostgreSQL, unix socket")):
    case(f"check (every line), {label}", lambda: command([bordermon, "check"] + source(where)))
for where, label in (("data", "data directory"), ("store", "PostgreSQL, unix socket")):
    summary = lambda: command([bordermon, "summary", "--json"] + source(where))
    case(f"summary --json, no cache, {label}", summary, before=lambda: drop_caches(where))
    drop_caches(where)
    summary()  # saves the cache
    case(f"summary --json, cache, {label}", summary)
for where, label in (("data", "data directory"), ("store", "PostgreSQL, unix socket")):
    case(f"console first frame, no cache, {label}", lambda: first_frame(where), before=lambda: drop_caches(where))
    drop_caches(where)
    first_frame(where)  # saves the cache after its first frame
    case(f"console first frame, cache, {label}", lambda: first_frame(where))
shutil.rmtree(cache_home, ignore_errors=True)
