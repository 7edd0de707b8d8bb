import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What the reader and reaper threads share with the test: the screen, the output and the exit.
///
/// `@unchecked Sendable` because every access to `guarded` goes through `condition`'s lock.
final class TerminalState: @unchecked Sendable {
  struct Guarded {
    var screen: Screen
    var raw: [UInt8] = []
    var chunks: [OutputChunk] = []
    var exitStatus: ExitStatus?
    var readerFinished = false
    /// Bumped on every change, so waiters can sleep until something new happens.
    var generation = 0
  }

  private let condition = NSCondition()
  private var guarded: Guarded
  private let start = ContinuousClock.now

  init(screen: Screen) {
    guarded = Guarded(screen: screen)
  }

  /// Runs `body` with the lock held.
  func locked<T>(_ body: (inout Guarded) throws -> T) rethrows -> T {
    condition.lock()
    defer { condition.unlock() }
    return try body(&guarded)
  }

  /// Blocks until `check` gives a value or the deadline passes (then nil); `check` runs locked.
  func wait<T>(until deadline: ContinuousClock.Instant, _ check: (Guarded) -> T?) -> T? {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let value = check(guarded) { return value }
      let left = deadline - ContinuousClock.now
      guard left > .zero else { return nil }
      let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18
      _ = condition.wait(until: Date(timeIntervalSinceNow: seconds))
    }
  }

  private func change(_ body: (inout Guarded) -> Void) {
    locked {
      body(&$0)
      $0.generation += 1
    }
    condition.broadcast()
  }

  /// Reads what the terminal has now into the screen; false at end of file or on an error.
  @discardableResult
  func drain(_ master: Int32) -> Bool {
    let (open, count) = locked { readAvailable(master, into: &$0) }
    if count > 0 { condition.broadcast() }
    return open
  }

  /// Non-blocking reads until EAGAIN into `state` (held under the lock): open or not, bytes read.
  private func readAvailable(_ master: Int32, into state: inout Guarded) -> (open: Bool, count: Int) {
    var buffer = [UInt8](repeating: 0, count: 16384)
    var total = 0
    while true {
      let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      if count > 0 {
        state.raw += buffer[0..<count]
        state.screen.feed(buffer[0..<count])
        state.chunks.append(
          OutputChunk(time: ContinuousClock.now - start, byteCount: count, total: state.raw.count))
        total += count
      } else if count < 0 && errno == EINTR {
        continue
      } else {
        if total > 0 { state.generation += 1 }
        return (count < 0 && errno == EAGAIN, total)
      }
    }
  }

  /// Under the lock: takes in pending output, runs `apply` (the ioctl), then resizes the screen.
  func resize(master: Int32, columns: Int, rows: Int, apply: () throws -> Void) throws {
    try locked { guarded in
      _ = readAvailable(master, into: &guarded)
      try apply()
      guarded.screen.resize(columns: columns, rows: rows)
      guarded.generation += 1
    }
    condition.broadcast()
  }

  /// Starts the thread that moves output from the terminal to the screen until `wake` is written.
  func startReader(master: Int32, wake: Int32) {
    let thread = Thread { [self] in
      var descriptors = [
        pollfd(fd: master, events: Int16(POLLIN), revents: 0),
        pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
      ]
      while true {
        if poll(&descriptors, 2, -1) < 0 {
          if errno == EINTR { continue }
          break
        }
        if descriptors[1].revents != 0 { break }
        let events = descriptors[0].revents
        if events != 0 && (!drain(master) || events & Int16(POLLIN) == 0) { break }
      }
      change { $0.readerFinished = true }
    }
    thread.name = "pty reader"
    thread.start()
  }

  /// Starts the thread that waits for the child's exit and records its status.
  func startReaper(pid: pid_t) {
    let thread = Thread { [self] in
      var status: Int32 = 0
      var result: pid_t
      repeat {
        result = waitpid(pid, &status, 0)
      } while result < 0 && errno == EINTR
      let exit = result == pid ? ExitStatus(waitStatus: status) : .unknown
      change { $0.exitStatus = exit }
    }
    thread.name = "pty reaper"
    thread.start()
  }
}
