#!/usr/bin/env bash
# Time of the exchange formats on a large situation (README, "Exchange formats"):
#   export --format cap / ics / geojson / json of a generated journal (50 segments, 10,000 events),
#   import cap of that export into an empty copy (and again: nothing to add),
#   import acled of a generated 2,000-row ACLED file (and again).
# An import appends all its events under one lock and syncs them once (fsync) when it ends.
# Needs: python3. Prints the median wall time of each command. Usage: scripts/bench-formats.sh
set -euo pipefail
cd "$(dirname "$0")/.."
data=${BORDERMON_BENCH_DATA:-/tmp/bordermon-bench}/formats
mkdir -p "$data"
swift build -c release --product bordermon >/dev/null
bin=$PWD/.build/release/bordermon
export BORDERMON_NOW=2026-11-29T06:00:00Z

# median RUNS LABEL PREPARE COMMAND: the median wall time of COMMAND over RUNS runs, PREPARE run before each.
median() {
  local runs=$1 label=$2 prepare=$3 command=$4 times=()
  for _ in $(seq "$runs"); do
    eval "$prepare"
    local start end
    start=$(date +%s.%N)
    eval "$command"
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%-44s %s s (median of %s)\n' "$label" "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")" "$runs"
}

src=$data/generated-10k
[ -f "$src/journal.jsonl" ] || "$bin" generate --seed 1 --segments 50 --events 10000 --data "$src" >/dev/null
"$bin" export --format cap --data "$src" >"$data/alerts.xml"
echo "alerts: $(grep -c '<alert ' "$data/alerts.xml"), CAP bytes: $(wc -c <"$data/alerts.xml")"
for format in cap ics geojson json; do
  median 5 "export --format $format" : "$bin export --format $format --data $src >/dev/null"
done

copy() { # a fresh copy of the reference files with an empty journal
  rm -rf "$1"
  mkdir -p "$1"
  cp "$2"/*.toml "$1"/
  : >"$1/journal.jsonl"
}
median 1 "import cap into an empty copy" "copy $data/cap-copy $src" \
  "$bin import cap $data/alerts.xml --data $data/cap-copy >/dev/null 2>&1"
median 3 "import cap again (nothing to add)" : "$bin import cap $data/alerts.xml --data $data/cap-copy >/dev/null 2>&1"

# 2,000 ACLED rows around the fixture's segments, in the codebook's columns.
python3 - "$data/acled.csv" <<'PY'
import csv, random, sys
random.seed(1)
types = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Protests", "Peaceful protest"), ("Riots", "Mob violence"), ("Strategic developments", "Arrests")]
with open(sys.argv[1], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
                "admin1", "admin2", "location", "latitude", "longitude", "source", "notes", "fatalities", "timestamp"])
    for i in range(2000):
        t, s = random.choice(types)
        lat, lon = random.choice([(39.94, 70.56), (40.07, 69.85)])
        w.writerow([f"KGZ{i:06d}", f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", t, s, "A", "B",
                    random.choice(["Kyrgyzstan", "Tajikistan"]), "Batken", "Batken", "Somewhere",
                    f"{lat + random.uniform(-0.3, 0.3):.4f}", f"{lon + random.uniform(-0.3, 0.3):.4f}",
                    "24.kg", "Illustrative row for timing.", random.choice([0, 0, 0, 1, 3, 12]), 1700000000 + i])
PY
acled_copy() {
  rm -rf "$1"
  mkdir -p "$1"
  cp Tests/BorderFormatsTests/Fixtures/acled/segments.toml "$1"/
  echo 'title = "ACLED bench"' >"$1/situation.toml"
  : >"$1/journal.jsonl"
}
median 1 "import acled, 2,000 rows, empty journal" "acled_copy $data/acled-copy" \
  "$bin import acled $data/acled.csv --data $data/acled-copy >/dev/null 2>&1"
median 3 "import acled again (nothing to add)" : "$bin import acled $data/acled.csv --data $data/acled-copy >/dev/null 2>&1"
"$bin" import acled "$data/acled.csv" --data "$data/acled-copy" 2>&1 >/dev/null | tail -1
echo "events appended by the imports: $(wc -l <"$data/cap-copy/journal.jsonl") (cap), $(wc -l <"$data/acled-copy/journal.jsonl") (acled)"
