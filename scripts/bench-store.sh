#!/usr/bin/env bash
# Opening N events from a PostgreSQL store against the same data directory, in the same run:
# `bordermon check` (folds every line; never a snapshot) and `summary --json`, on a throwaway
# cluster (scripts/with-postgres.sh), page cache and server cache warm, median of RUNS.
# Usage: scripts/bench-store.sh [EVENTS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
runs=${2:-5}
work=${BENCH_DIR:-/tmp/bordermon-bench}
mkdir -p "$work"
swift build -c release --product bordermon >/dev/null
bin=$PWD/.build/release/bordermon
data="$work/open-$events"
if [ ! -f "$data/journal.jsonl" ]; then
  rm -rf "$data"
  "$bin" generate --segments 50 --events "$events" --seed 1 --data "$data" >/dev/null
fi
export bin data events runs work
scripts/with-postgres.sh bash -c '
  set -euo pipefail
  store="${BORDERMON_TEST_STORE/\/postgres?//bench?}"
  psql "$BORDERMON_TEST_STORE" -qc "CREATE DATABASE bench"
  start=$(date +%s.%N)
  "$bin" store push --data "$data" --store "$store"
  echo "push: $(echo "$(date +%s.%N) - $start" | bc) s"
  psql "$store" -qc "VACUUM ANALYZE bordermon.journal"
  echo "table: $(psql "$store" -Atc "SELECT pg_size_pretty(pg_total_relation_size('"'"'bordermon.journal'"'"'))")"
  rm -rf "$data/.cache"
  python3 - "$bin" "$data" "$store" "$runs" <<'PY'
import statistics, subprocess, sys, time
bin, data, store, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
cases = [
    ("check, data directory", [bin, "check", "--data", data]),
    ("check, PostgreSQL (unix socket)", [bin, "check", "--store", store]),
    ("summary --json, PostgreSQL", [bin, "summary", "--json", "--store", store]),
]
print("| opening | median | min–max |")
print("|---|---|---|")
for name, argv in cases:
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
    print(f"| {name} | {statistics.median(times):.2f} s | {min(times):.2f}–{max(times):.2f} s |")
PY
  for cmd in "check --data $data" "check --store $store"; do
    /usr/bin/time -f "$cmd: peak RSS %M KiB" $bin $cmd >/dev/null
  done
'
