#!/usr/bin/env python3
"""Time from an append on a PostgreSQL store to another console's screen showing it.

Starts a console on the store (`bordermon --store URL`) in a pseudo-terminal, waits for its
first frame, and keeps one writer running (`bordermon append --store URL`, as another desk
would); for each probe it hands the writer one event line and measures the time until the
console's screen (rebuilt with pyte) shows it: the writer's validation and transaction, the
commit, NOTIFY, the console's read by seq and its frame. Prints one JSON object.

Usage: store-latency.py BORDERMON STORE_URL [--count N] [--cols C] [--rows R]
"""
import argparse, subprocess, fcntl, json, os, pty, random, select, signal, statistics, string, struct, sys, termios, time

import pyte


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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bordermon")
    parser.add_argument("store")
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--segment", default="A-05")
    args = parser.parse_args()
    env = dict(os.environ, TERM="xterm-256color", LANG=os.environ.get("LANG", "C.UTF-8"))
    env.pop("LINES", None)
    env.pop("COLUMNS", None)
    screen = pyte.Screen(args.cols, args.rows)
    stream = pyte.Stream(screen)
    pid, fd = spawn([args.bordermon, "--store", args.store], args.cols, args.rows, env)
    writer = subprocess.Popen([args.bordermon, "append", "--store", args.store], stdin=subprocess.PIPE,
                              stdout=subprocess.DEVNULL, env=env)
    read_for(fd, stream, 1.5)
    screen_ms, byte_ms, event_bytes = [], [], []
    rng = random.Random()
    for _ in range(args.count):
        # Append between clock ticks, so a tick's redraw is not mistaken for the event's.
        while not 0.30 <= time.time() % 1 <= 0.45:
            read_for(fd, stream, 0.01)
        read_for(fd, stream, 0.0)
        token = "".join(rng.choice(string.ascii_uppercase) for _ in range(8))
        start = time.monotonic()
        event = {"type": "alert.raised", "alert": "PROBE-" + token, "segment": args.segment, "level": 2,
                 "kind": "other", "text": token + " probe", "illustrative": "latency probe"}
        t0 = time.monotonic()
        writer.stdin.write((json.dumps(event, separators=(",", ":")) + "\n").encode())
        writer.stdin.flush()
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
    writer.stdin.close()
    writer.wait()
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

    print(json.dumps({"append_request_to_other_screen": summary(screen_ms), "append_request_to_first_byte": summary(byte_ms),
                      "bytes_per_event": {"median": statistics.median(event_bytes) if event_bytes else None,
                                          "max": max(event_bytes) if event_bytes else None}}))


if __name__ == "__main__":
    main()
