#!/usr/bin/env bash
# Resident memory of a console over a long run with a steady stream of events.
# Starts the console on a fresh sample in a pseudo-terminal, feeds it with `bordermon demo`,
# and samples VmRSS every INTERVAL seconds. Prints a Markdown table.
# Usage: scripts/soak.sh [MINUTES] [EVENTS_PER_SECOND] [INTERVAL_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
rate=${2:-5}
interval=${3:-30}
work=${BENCH_DIR:-/tmp/bordermon-bench}
mkdir -p "$work"
swift build -c release --product bordermon >/dev/null
bin=$PWD/.build/release/bordermon
data="$work/soak"
rm -rf "$data"
"$bin" init --data "$data" >/dev/null
python3 - "$bin" "$data" "$minutes" "$rate" "$interval" <<'PY'
import os, pty, select, subprocess, sys, time, fcntl, termios, struct
binary, data, minutes, rate, interval = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4], float(sys.argv[5])
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(binary, [binary, "--data", data, "--read-only"], dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8"))
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
demo = subprocess.Popen([binary, "demo", "--rate", rate, "--data", data], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
def rss_kib():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0
def events():
    with open(os.path.join(data, "journal.jsonl"), "rb") as f:
        return sum(1 for _ in f)
start = time.monotonic()
rows = []
next_sample = 0.0
while time.monotonic() - start < minutes * 60:
    ready, _, _ = select.select([fd], [], [], 0.2)
    if ready:
        try:
            os.read(fd, 65536)
        except OSError:
            break
    elapsed = time.monotonic() - start
    if elapsed >= next_sample:
        rows.append((elapsed, rss_kib(), events()))
        next_sample += interval
demo.terminate()
demo.wait()
os.write(fd, b"q")
time.sleep(0.5)
try:
    os.waitpid(pid, 0)
except ChildProcessError:
    pass
print(f"| minute | console RSS (MiB) | journal events |")
print("|---|---|---|")
for elapsed, rss, count in rows:
    print(f"| {elapsed / 60:.1f} | {rss / 1024:.1f} | {count} |")
warm = [r for r in rows if r[0] >= 60]
if len(warm) >= 2:
    growth = (warm[-1][1] - warm[0][1]) / 1024
    added = warm[-1][2] - warm[0][2]
    print(f"\nafter the first minute: RSS {warm[0][1] / 1024:.1f} → {warm[-1][1] / 1024:.1f} MiB "
          f"({growth:+.1f} MiB) while {added} events arrived ({growth * 1024 * 1024 / max(added, 1):.0f} bytes per event)")
PY
