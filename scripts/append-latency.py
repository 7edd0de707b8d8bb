#!/usr/bin/env python3
"""Time from an append to a console's screen showing it, on either store.

Starts `bordermon` in a pseudo-terminal (120x40 by default) and waits for its first
frame. Then, for each probe event, it appends and measures the time until the screen
(rebuilt with pyte) shows the event's text, and until the first output byte:

- `--data DIR`: the probe writes the journal itself, the way any outside tool must
  (flock, one write, fsync);
- `--store URL`: one `bordermon append --store URL` writer runs throughout, as another
  desk would, and is handed one event line per probe, so its validation, transaction,
  commit and NOTIFY, and the console's read by seq, are all included.

Prints one JSON object with the median, 95th percentile and maximum.

With --console-netns NS and --writer-netns NS (as root) the console and the writer run in those
network namespaces (scripts/desks.sh: one desk's append to another desk's screen), the writer
on --writer-store URL when given (another desk's role and address).

Usage: append-latency.py BORDERMON (--data DIR | --store URL) [--count N] [--cols C] [--rows R]
       [--console-netns NS] [--writer-netns NS] [--writer-store URL]
"""
import argparse, subprocess, fcntl, json, os, pty, random, select, signal, statistics, string, struct, sys, termios, time

import pyte


def in_netns(netns, argv):
    """`argv` run in network namespace `netns` (through `ip netns exec`), or as it is."""
    return ["ip", "netns", "exec", netns] + argv if netns else argv


def spawn(argv, cols, rows, env):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def read_for(fd, stream, seconds):
    """Feeds output to the emulator for up to `seconds`; returns bytes read."""
    total = 0
    deadline = time.monotonic() + seconds
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return total
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            return total
        try:
            data = os.read(fd, 65536)
        except OSError:
            return total
        total += len(data)
        stream.feed(data.decode("utf-8", "replace"))


def last_seq(path):
    with open(path, "rb") as f:
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - 65536))
        lines = [l for l in f.read().split(b"\n") if l.strip()]
    return json.loads(lines[-1])["seq"] if lines else 0


def append(path, text, segment):
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        seq = last_seq(path) + 1
        now = time.time()
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + ".%03dZ" % int(now % 1 * 1000)
        event = {"seq": seq, "at": stamp, "by": "latency-probe", "type": "alert.raised",
                 "alert": "PROBE-%d-%s" % (seq, text[:6]), "segment": segment, "level": 2,
                 "kind": "other", "text": text, "illustrative": "latency probe"}
        os.write(fd, (json.dumps(event, separators=(",", ":")) + "\n").encode())
        os.fsync(fd)
        return time.monotonic()
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


class FileWriter:
    """Appends straight to a data directory's journal, as an outside tool does."""

    def __init__(self, data):
        self.journal = os.path.join(data, "journal.jsonl")

    def write(self, token, segment):
        return append(self.journal, token + " probe", segment)

    def close(self):
        pass


class StoreWriter:
    """Feeds one long-running `bordermon append --store` writer, as another desk does."""

    def __init__(self, bordermon, store, env, netns=None):
        self.process = subprocess.Popen(in_netns(netns, [bordermon, "append", "--store", store]), stdin=subprocess.PIPE,
                                        stdout=subprocess.DEVNULL, env=env)

    def write(self, token, segment):
        event = {"type": "alert.raised", "alert": "PROBE-" + token, "segment": segment, "level": 2,
                 "kind": "other", "text": token + " probe", "illustrative": "latency probe"}
        start = time.monotonic()
        self.process.stdin.write((json.dumps(event, separators=(",", ":")) + "\n").encode())
        self.process.stdin.flush()
        return start

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bordermon")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--data")
    where.add_argument("--store")
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--segment", default="A-05")
    parser.add_argument("--console-netns")
    parser.add_argument("--writer-netns")
    parser.add_argument("--writer-store")
    args = parser.parse_args()
    env = dict(os.environ, TERM="xterm-256color", LANG=os.environ.get("LANG", "C.UTF-8"))
    env.pop("LINES", None)
    env.pop("COLUMNS", None)
    screen = pyte.Screen(args.cols, args.rows)
    stream = pyte.Stream(screen)
    if args.store:
        pid, fd = spawn(in_netns(args.console_netns, [args.bordermon, "--store", args.store]), args.cols, args.rows,
                        env)
        writer = StoreWriter(args.bordermon, args.writer_store or args.store, env, args.writer_netns)
    else:
        pid, fd = spawn([args.bordermon, "--data", args.data], args.cols, args.rows, env)
        writer = FileWriter(args.data)
    read_for(fd, stream, 1.5)
    screen_ms, byte_ms, event_bytes = [], [], []
    rng = random.Random()
    for _ in range(args.count):
        # Append between clock ticks, so a tick's redraw is not mistaken for the event's.
        while not 0.30 <= time.time() % 1 <= 0.45:
            read_for(fd, stream, 0.01)
        read_for(fd, stream, 0.0)
        token = "".join(rng.choice(string.ascii_uppercase) for _ in range(8))
        t0 = writer.write(token, args.segment)
        first_byte = None
        received = 0
        deadline = t0 + 2.0
        shown = None
        while time.monotonic() < deadline and shown is None:
            ready, _, _ = select.select([fd], [], [], 0.005)
            if ready:
                data = os.read(fd, 65536)
                received += len(data)
                if first_byte is None:
                    first_byte = time.monotonic()
                stream.feed(data.decode("utf-8", "replace"))
                if any(token in line for line in screen.display):
                    shown = time.monotonic()
        if shown is None:
            print(json.dumps({"error": "event not shown within 2 s", "token": token}), file=sys.stderr)
            continue
        screen_ms.append((shown - t0) * 1000)
        byte_ms.append((first_byte - t0) * 1000)
        # Everything written for this event, until the output goes quiet.
        event_bytes.append(received + read_for(fd, stream, 0.15))
    writer.close()
    os.write(fd, b"q")
    read_for(fd, stream, 0.5)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)

    def summary(values):
        values = sorted(values)
        if not values:
            return {}
        p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
        return {"median_ms": round(statistics.median(values), 2), "p95_ms": round(p95, 2),
                "max_ms": round(values[-1], 2), "n": len(values)}

    print(json.dumps({"append_to_screen": summary(screen_ms), "append_to_first_byte": summary(byte_ms),
                      "bytes_per_event": {"median": statistics.median(event_bytes) if event_bytes else None,
                                          "max": max(event_bytes) if event_bytes else None}}))


if __name__ == "__main__":
    main()
