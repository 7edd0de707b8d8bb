#!/usr/bin/env bash
# Every figure of README.md's performance section, in one run, on this machine.
#   1. in-process benchmarks (ordo-one/benchmark, Benchmarks/): opening journals, frames, keys
#   2. opening journals of 10k, 100k and 1M events side by side with Python and jq
#   3. peak memory of the console on the sample and on 10,000 segments with 1,000,000 events
#   4. the console in a pseudo-terminal side by side with htop -d 10 and btop
# The soak (memory over a long run) is separate: scripts/soak.sh.
# Needs: hyperfine, jq, htop, btop (optional), python3 with pyte.
# Usage: scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export BORDERMON_BENCH_DATA=${BORDERMON_BENCH_DATA:-/tmp/bordermon-bench}
data=$BORDERMON_BENCH_DATA
export BENCH_DIR=$data
mkdir -p "$data"
swift build -c release --product bordermon >/dev/null
bin=$PWD/.build/release/bordermon
meter=${PTYMETER:-../shared/tools/ptymeter}

make() { # name, then generate's arguments
  local name=$1
  shift
  [ -f "$data/$name/journal.jsonl" ] || { rm -rf "${data:?}/$name"; "$bin" generate --seed 1 --data "$data/$name" "$@" >/dev/null; }
}
make fold-10k --segments 50 --events 10000
make fold-100k --segments 50 --events 100000
make fold-1m --segments 50 --events 1000000
make segments-10k --segments 10000 --events 10000
make big --segments 10000 --events 1000000
[ -f "$data/sample/journal.jsonl" ] || BORDERMON_NOW=2026-11-29T06:00:00Z "$bin" init --data "$data/sample" >/dev/null

echo "## Machine"
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $(swift --version 2>&1 | head -1)"
echo
echo "## In-process (swift package benchmark)"
swift package --package-path Benchmarks benchmark --format markdown 2>/dev/null | grep -E "^(#|\|)" || true
echo
echo "## Opening journals, side by side"
for events in 10000 100000 1000000; do
  scripts/bench-open-journal.sh "$events" 5 | grep "^|"
  echo
done
echo "## First complete frame and peak memory of the console (cold: no snapshot; warm: from the snapshot the cold start saved)"
echo "| data | start | first complete frame | peak RSS |"
echo "|---|---|---|---|"
for name in sample big; do
  rm -rf "${data:?}/$name/.cache"
  for start in cold warm; do
    python3 scripts/first-frame.py "$bin" "$data/$name" >"$data/frame-$name-$start.json"
    python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(f'| {sys.argv[2]} | {sys.argv[3]} | {r[\"first_full_frame_ms\"]} ms | {r[\"peak_rss_mib\"]} MiB |')" "$data/frame-$name-$start.json" "$name" "$start"
  done
done
echo
echo "## Opening 1,000,000 events from a snapshot (bordermon summary; the snapshot saved by a first run)"
rm -rf "$data/fold-1m/.cache"
"$bin" summary --data "$data/fold-1m" >/dev/null
hyperfine --style basic --warmup 1 --runs 5 --export-json "$data/warm-1m.json" "$bin summary --data $data/fold-1m" >/dev/null 2>&1
python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f'| bordermon summary, 1,000,000 events, from the snapshot | median {r[\"median\"]:.2f} s |')" "$data/warm-1m.json"
echo
echo "## In a pseudo-terminal, side by side"
scripts/bench-console.sh 30 50
