#!/usr/bin/env bash
# The console in a pseudo-terminal at 120x40, side by side in one run with htop -d 10
# (and btop where installed): time to first frame, CPU over an idle window, bytes per
# second while idle, time from a key to the screen, time from a journal append to the
# screen, peak memory. Prints a Markdown table.
# Usage: scripts/bench-console.sh [IDLE_SECONDS] [APPENDS]
set -euo pipefail
cd "$(dirname "$0")/.."
idle=${1:-30}
appends=${2:-50}
work=${BENCH_DIR:-/tmp/bordermon-bench}
mkdir -p "$work"
swift build -c release --product bordermon >/dev/null
bin=$PWD/.build/release/bordermon
meter=${PTYMETER:-../shared/tools/ptymeter}
python3 -c 'import pyte' 2>/dev/null || { echo "needs: pip install pyte" >&2; exit 1; }
data="$work/console-sample"
rm -rf "$data"
"$bin" init --data "$data" >/dev/null

run() { # label, then the command
  local label=$1
  shift
  "$meter" --idle "$idle" --keys 'j,j,k,<Tab>,q' --key-delay 0.3 --env LANG=C.UTF-8 --label "$label" \
    -- "$@" | tail -n 1 >"$work/$label.json"
}
run bordermon "$bin" --data "$data"
run htop unshare -fp --mount-proc htop -d 10
run htop-machine htop -d 10
if command -v btop >/dev/null; then run btop unshare -fp --mount-proc btop; fi
python3 scripts/append-latency.py "$bin" --data "$data" --count "$appends" >"$work/append.json"

echo "| program | first byte / frame settled | CPU over ${idle} s idle | idle bytes/s | key to first byte (median) | peak RSS | terminal restored |"
echo "|---|---|---|---|---|---|---|"
python3 - "$work" "$idle" <<'PY'
import json, os, sys, statistics
work, idle = sys.argv[1], sys.argv[2]
rows = []
for label in ["bordermon", "htop", "htop-machine", "btop"]:
    path = os.path.join(work, label + ".json")
    if not os.path.exists(path):
        continue
    r = json.load(open(path))
    keys = [k["first_byte_ms"] for k in r.get("keys", []) if k.get("key") not in ("q",) and k.get("first_byte_ms") is not None]
    settle = [k["settle_ms"] for k in r.get("keys", []) if k.get("key") not in ("q",) and k.get("settle_ms") is not None]
    rows.append((label, r))
    print(f"| {label} | {r['first_byte_ms']:.0f} ms / {r['first_frame_ms']:.0f} ms | {r['idle_cpu_s']:.4f} s ({r['idle_cpu_pct']:.3f} %) | "
          f"{r['idle_bytes_per_s']:.1f} | {statistics.median(keys) if keys else float('nan'):.1f} ms | "
          f"{r['peak_rss_mib']:.1f} MiB | {r['terminal_restored']} |")
append = json.load(open(os.path.join(work, "append.json")))
s = append["append_to_screen"]
b = append["append_to_first_byte"]
print(f"\nappend to screen (bordermon, n={s['n']}): median {s['median_ms']} ms, p95 {s['p95_ms']} ms, max {s['max_ms']} ms; "
      f"first byte median {b['median_ms']} ms; bytes written per event: median {append['bytes_per_event']['median']}")
by = dict(rows)
if "htop" in by and "bordermon" in by:
    h, m = by["htop"], by["bordermon"]
    print(f"idle CPU ratio bordermon/htop: {m['idle_cpu_s'] / h['idle_cpu_s']:.2f}; idle bytes ratio: {m['idle_bytes_per_s'] / max(h['idle_bytes_per_s'], 0.001):.3f}")
print(f"(idle window {idle} s, 120x40, TERM=xterm-256color)")
PY
