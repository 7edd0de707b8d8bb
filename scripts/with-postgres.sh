#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster, then stops it on every exit path.
#
#   scripts/with-postgres.sh swift test
#
# The cluster lives in a temporary directory: initdb as an unprivileged user (as root: the
# `postgres` user, through runuser; initdb refuses root), a unix socket in that directory and
# TCP on 127.0.0.1 at a free port, fsync on. Local connections are trusted; TCP asks for a
# password (scram-sha-256). The command sees:
#   BORDERMON_TEST_STORE      postgresql://…?host=<socket dir>  (the cluster's superuser, `bordermon`)
#   BORDERMON_TEST_STORE_TCP  host and port on 127.0.0.1, for tests of TCP and passwords
#   BORDERMON_TEST_PGCTL      "stop" / "start" helper for tests that stop the server under a console
set -euo pipefail

PGBIN=$(pg_config --bindir 2>/dev/null || true)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
fi
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "with-postgres: no PostgreSQL server binaries (initdb) found; install the postgresql package" >&2
  exit 1
fi

T=$(mktemp -d /tmp/bordermon-pg.XXXXXX)
chmod 755 "$T" # mktemp's 700 would lock the server's user out
as_server() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$T" --shell /usr/sbin/nologin postgres
  install -d -o postgres -g postgres -m 700 "$T/data"
  install -d -o postgres -g postgres -m 755 "$T/sock" "$T/log"
  as_server() { runuser -u postgres -- "$@"; }
else
  mkdir -m 700 "$T/data"
  mkdir -m 755 "$T/sock" "$T/log"
fi

stop() {
  local status=$?
  trap - EXIT INT TERM HUP
  if [ -f "$T/data/postmaster.pid" ]; then
    as_server "$PGBIN/pg_ctl" -D "$T/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$T"
  exit "$status"
}
trap stop EXIT
child=""
# A signal stops the command first (bash runs traps only once a foreground command ends, so the
# command runs in the background and is waited for), then the EXIT trap stops the server.
interrupted() {
  [ -n "$child" ] && kill -TERM "$child" 2>/dev/null && wait "$child" 2>/dev/null
  exit "$1"
}
trap 'interrupted 130' INT
trap 'interrupted 143' TERM
trap 'interrupted 129' HUP

# A free TCP port on 127.0.0.1.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "with-postgres: cluster in $T, socket $T/sock, 127.0.0.1:$PORT" >&2
as_server "$PGBIN/initdb" -D "$T/data" -U bordermon --auth-local=trust --auth-host=scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 >"$T/log/initdb.log" 2>&1 || { cat "$T/log/initdb.log" >&2; exit 1; }
OPTIONS="-c listen_addresses=127.0.0.1 -p $PORT -k $T/sock -c fsync=on -c max_connections=100"
start_server() {
  as_server "$PGBIN/pg_ctl" -D "$T/data" -l "$T/log/server.log" -w -o "$OPTIONS" start >/dev/null
}
start_server || { cat "$T/log/server.log" >&2; exit 1; }

# A helper tests call to stop and start the server under a running console.
cat >"$T/pgctl" <<HELPER
#!/usr/bin/env bash
set -e
# The server must not inherit the caller's descriptors (a test's pipes would never see EOF).
for fd in /proc/\$\$/fd/*; do
  n=\${fd##*/}
  if [ "\$n" -gt 2 ] 2>/dev/null; then eval "exec \$n>&-" 2>/dev/null || true; fi
done
exec </dev/null >/dev/null
case "\$1" in
  stop) $( [ "$(id -u)" = 0 ] && echo "runuser -u postgres --" ) "$PGBIN/pg_ctl" -D "$T/data" -m fast -w stop >/dev/null ;;
  start) $( [ "$(id -u)" = 0 ] && echo "runuser -u postgres --" ) "$PGBIN/pg_ctl" -D "$T/data" -l "$T/log/server.log" -w -o "$OPTIONS" start >/dev/null ;;
  *) echo "usage: \$0 stop|start" >&2; exit 2 ;;
esac
HELPER
chmod 755 "$T/pgctl"

export BORDERMON_TEST_STORE="postgresql://bordermon@/postgres?host=$T/sock&port=$PORT"
export BORDERMON_TEST_STORE_TCP="127.0.0.1:$PORT"
export BORDERMON_TEST_PGCTL="$T/pgctl"
"$@" <&0 &
child=$!
wait "$child"
