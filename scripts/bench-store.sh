#!/usr/bin/env bash
# Opening N events from a PostgreSQL store against the same data directory, in the same run, on
# a throwaway cluster (scripts/with-postgres.sh): the situation folded (`check`: every line, never
# a cache; `summary --json` without and with the snapshot cache) and the console's first frame
# (in a pseudo-terminal, without and with the cache), each with its peak resident memory.
# Usage: scripts/bench-store.sh [EVENTS] [RUNS]     (SKIP_BUILD=1: use the release binary as it is)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
runs=${2:-5}
work=${BENCH_DIR:-/tmp/bordermon-bench}
mkdir -p "$work"
[ -n "${SKIP_BUILD:-}" ] || swift build -c release --product bordermon >/dev/null
bin=$PWD/.build/release/bordermon
data="$work/open-$events"
if [ ! -f "$data/journal.jsonl" ]; then
  rm -rf "$data"
  "$bin" generate --segments 50 --events "$events" --seed 1 --data "$data" >/dev/null
fi
echo "journal: $events events, $(($(stat -c %s "$data/journal.jsonl") / 1000000)) MB; $(nproc) cores;" \
  "$(uname -r); load $(cut -d' ' -f1-3 /proc/loadavg)"
export bin data events runs work
scripts/with-postgres.sh bash -c '
  set -euo pipefail
  store="${BORDERMON_TEST_STORE/\/postgres?//bench?}"
  psql "$BORDERMON_TEST_STORE" -qc "CREATE DATABASE bench"
  start=$(date +%s.%N)
  "$bin" store push --data "$data" --store "$store" >/dev/null
  echo "store push: $(echo "$(date +%s.%N) - $start" | bc) s"
  psql "$store" -qc "VACUUM ANALYZE bordermon.journal"
  echo "journal table: $(psql "$store" -Atc "SELECT pg_size_pretty(pg_total_relation_size('"'"'bordermon.journal'"'"'))")"
  python3 scripts/bench-store.py "$bin" "$data" "$store" "$runs"
'
