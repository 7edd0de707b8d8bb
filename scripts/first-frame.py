#!/usr/bin/env python3
"""Time until the console's first complete frame is on screen, and its peak memory.

Starts `bordermon --data DIR --read-only` in a pseudo-terminal (120x40), rebuilds the screen
with pyte, and reports the time until the segments table and the alert feed are drawn, then
the peak resident memory (VmHWM) a few seconds later, after any snapshot was saved.
With --store URL the console opens that PostgreSQL store instead; with --writable it is a
desk (not --read-only), which saves the snapshot cache after its first frame.
Usage: first-frame.py BORDERMON DATA_DIR [--settle SECONDS] [--store URL] [--writable]
"""
import argparse, fcntl, json, os, pty, select, signal, struct, termios, time

import pyte


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bordermon")
    parser.add_argument("data")
    parser.add_argument("--settle", type=float, default=3.0)
    parser.add_argument("--store")
    parser.add_argument("--writable", action="store_true")
    args = parser.parse_args()
    argv = [args.bordermon] + (["--store", args.store] if args.store else ["--data", args.data])
    argv += [] if args.writable else ["--read-only"]
    screen = pyte.Screen(120, 40)
    stream = pyte.Stream(screen)
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(args.bordermon, argv,
                   dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8"))
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    shown = None
    deadline = start + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                stream.feed(os.read(fd, 65536).decode("utf-8", "replace"))
            except OSError:
                break
            text = "\n".join(screen.display)
            if shown is None and "Segments" in text and "Alerts" in text:
                shown = time.monotonic()
                break
    settle_end = time.monotonic() + args.settle
    while time.monotonic() < settle_end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                break
    peak = 0
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1])
    except FileNotFoundError:
        pass
    os.write(fd, b"q")
    time.sleep(0.3)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    print(json.dumps({"first_full_frame_ms": round((shown - start) * 1000, 1) if shown else None,
                      "peak_rss_mib": round(peak / 1024, 1)}))


if __name__ == "__main__":
    main()
