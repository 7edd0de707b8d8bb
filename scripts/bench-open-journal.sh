#!/usr/bin/env bash
# Time to open a journal of N events (fold it into a situation), side by side in one run
# with a Python json.loads loop and jq over the same file.
# Usage: scripts/bench-open-journal.sh [EVENTS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
runs=${2:-5}
work=${BENCH_DIR:-/tmp/bordermon-bench}
swift build -c release --product bordermon >/dev/null
bin=.build/release/bordermon
data="$work/open-$events"
if [ ! -f "$data/journal.jsonl" ]; then
  rm -rf "$data"
  "$bin" generate --segments 50 --events "$events" --seed 1 --data "$data" >/dev/null
fi
size=$(stat -c %s "$data/journal.jsonl")
cat "$data/journal.jsonl" >/dev/null # warm the page cache for every reader alike
cat >"$work/pyload.py" <<'PY'
import json, sys
n = 0
with open(sys.argv[1], "rb") as f:
    for line in f:
        json.loads(line)
        n += 1
PY
echo "journal: $events events, $((size / 1000000)) MB; $(nproc) cores; $(uname -r)"
hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/open-$events.json" \
  -n "bordermon check (fold into a situation)" "$bin check --data $data" \
  -n "python3 json.loads loop" "python3 $work/pyload.py $data/journal.jsonl" \
  -n "jq -c ." "jq -c . $data/journal.jsonl" 2>&1 | grep -E "Time|±|faster|Benchmark|^ +[0-9.]+ ±" || true
python3 - "$work/open-$events.json" "$size" "$events" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
size, events = int(sys.argv[2]), int(sys.argv[3])
base = results[0]["median"]
print("| reader | median s | events/s | MB/s | vs bordermon |")
print("|---|---|---|---|---|")
for r in results:
    m = r["median"]
    print(f"| {r['command']} | {m:.2f} | {events/m:,.0f} | {size/m/1e6:.0f} | {m/base:.1f}× |")
PY
