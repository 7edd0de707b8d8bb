#!/usr/bin/env bash
# Three desks sharing one situation on PostgreSQL, each in its own network namespace:
# Bishkek and Dushanbe (writers) and Batken (a viewer's read-only role) reach one server in a
# fourth namespace over veth links (10.77.N.2 → 10.77.N.1), with scram passwords, as desks on
# three hosts would. A tmux session `desks` holds the three consoles (one window each).
#
#   sudo scripts/desks.sh              # then: tmux attach -t desks   (quit every console, or
#                                      # kill the session, to tear it all down)
#   sudo scripts/desks.sh --measure 50 # no session: append on one desk → screen on another, p50/p95
#
# Needs root (ip netns), PostgreSQL's server binaries, tmux, and a built bordermon
# ($BORDERMON, else .build/release/bordermon, else .build/debug/bordermon).
# Everything (namespaces, links, cluster, temporary folder) is removed on every exit path.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "desks: run as root (network namespaces need it)" >&2; exit 1; }
measure=""
[ "${1:-}" = "--measure" ] && measure=${2:-50}
bin=${BORDERMON:-$PWD/.build/release/bordermon}
[ -x "$bin" ] || bin=$PWD/.build/debug/bordermon
[ -x "$bin" ] || { echo "desks: no bordermon built (swift build -c release)" >&2; exit 1; }
PGBIN=$(pg_config --bindir 2>/dev/null || true)
[ -x "$PGBIN/initdb" ] || PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PGBIN/initdb" ] || { echo "desks: no PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }

desks=(bishkek dushanbe batken)
T=$(mktemp -d /tmp/bordermon-desks.XXXXXX)
chmod 755 "$T"
id postgres >/dev/null 2>&1 || useradd --system --home-dir "$T" --shell /usr/sbin/nologin postgres
install -d -o postgres -g postgres -m 700 "$T/data"
install -d -o postgres -g postgres -m 755 "$T/sock" "$T/log"

teardown() {
  local status=$?
  trap - EXIT INT TERM HUP
  tmux kill-session -t desks 2>/dev/null || true
  if [ -f "$T/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$T/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  for ns in bm-db "${desks[@]/#/bm-}"; do ip netns del "$ns" 2>/dev/null || true; done
  rm -rf "$T"
  exit "$status"
}
trap teardown EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# The network: a namespace for the server, one per desk, a veth link from each desk to the server.
ip netns add bm-db
ip -n bm-db link set lo up
for i in 0 1 2; do
  ns=bm-${desks[$i]}
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  ip link add "bm$i-db" type veth peer name "bm$i-desk"
  ip link set "bm$i-db" netns bm-db
  ip link set "bm$i-desk" netns "$ns"
  ip -n bm-db addr add "10.77.$i.1/24" dev "bm$i-db"
  ip -n bm-db link set "bm$i-db" up
  ip -n "$ns" addr add "10.77.$i.2/24" dev "bm$i-desk"
  ip -n "$ns" link set "bm$i-desk" up
done

# The server, in its namespace: every address there, scram passwords from the desks' networks.
runuser -u postgres -- "$PGBIN/initdb" -D "$T/data" -U bordermon --auth-local=trust \
  --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$T/initdb.log" 2>&1 \
  || { cat "$T/initdb.log" >&2; exit 1; }
echo "host all all 10.77.0.0/16 scram-sha-256" >>"$T/data/pg_hba.conf"
ip netns exec bm-db runuser -u postgres -- "$PGBIN/pg_ctl" -D "$T/data" -l "$T/log/server.log" -w \
  -o "-c listen_addresses=* -p 5432 -k $T/sock" start >/dev/null || { cat "$T/log/server.log" >&2; exit 1; }
admin="postgresql://bordermon@/bordermon?host=$T/sock&port=5432"
psql "postgresql://bordermon@/postgres?host=$T/sock&port=5432" -qc "CREATE DATABASE bordermon"
"$bin" init --store "$admin" >/dev/null
# The desks' roles: two writers, one viewer (every append of it refused by the server).
psql "$admin" -q <<'SQL'
CREATE ROLE desk_bishkek LOGIN PASSWORD 'demo-bishkek' IN ROLE bordermon_writer;
CREATE ROLE desk_dushanbe LOGIN PASSWORD 'demo-dushanbe' IN ROLE bordermon_writer;
CREATE ROLE desk_batken LOGIN PASSWORD 'demo-batken' IN ROLE bordermon_reader;
SQL
# Passwords from a password file (never in a URL or on a command line).
export PGPASSFILE=$T/pgpass
for desk in "${desks[@]}"; do echo "*:5432:bordermon:desk_$desk:demo-$desk"; done >"$PGPASSFILE"
chmod 600 "$PGPASSFILE"
url() { echo "postgresql://desk_${desks[$1]}@10.77.$1.1:5432/bordermon"; }
for i in 0 1 2; do
  ip netns exec "bm-${desks[$i]}" "$bin" doctor --store "$(url "$i")" | grep -E "reachable|rights" \
    | sed "s/^ */${desks[$i]}: /" || true
done

if [ -n "$measure" ]; then
  echo "append on one desk → screen on another ($measure events each; console 120×40 in a pseudo-terminal)"
  for pair in "0 1" "2 0"; do
    set -- $pair
    printf '%s console, %s writer: ' "${desks[$1]}" "${desks[$2]}"
    python3 scripts/append-latency.py "$bin" --store "$(url "$1")" --count "$measure" \
      --console-netns "bm-${desks[$1]}" --writer-netns "bm-${desks[$2]}" --writer-store "$(url "$2")"
  done
  exit 0
fi

first=1
for i in 0 1 2; do
  console="ip netns exec bm-${desks[$i]} env PGPASSFILE=$PGPASSFILE $bin --store $(url "$i")"
  if [ $first = 1 ]; then
    tmux new-session -d -s desks -x 120 -y 40 -n "${desks[$i]}" "$console"
    first=0
  else
    tmux new-window -t desks -n "${desks[$i]}" "$console"
  fi
done
echo "desks: three consoles in tmux session 'desks' (tmux attach -t desks; Ctrl-b n for the next desk)."
echo "desks: quit every console (q) or kill the session to remove the namespaces and the server."
while tmux has-session -t desks 2>/dev/null; do sleep 1; done
