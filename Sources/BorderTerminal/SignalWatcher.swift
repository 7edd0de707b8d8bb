import CNCursesW

#if canImport(Glibc)
  import Glibc
#endif

/// Turns SIGINT, SIGTERM, SIGHUP and SIGQUIT into readable events on a signalfd.
///
/// Create it first thing in `main`, before `TerminalSession.start` and before any thread
/// exists (threads inherit the signal mask only when they are created). The signals are
/// blocked and given a do-nothing handler, so neither the default action nor ncurses' own
/// handler (which calls `exit`) runs: the main loop reads them and leaves cleanly, and every
/// exit path restores the terminal. SIGWINCH is never blocked: ncurses needs it for resizes.
public final class SignalWatcher {
  /// The signals watched unless told otherwise.
  public static let defaultSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

  /// The signals this watcher blocked.
  public let signals: [Int32]
  /// The signalfd to add to the poll set; -1 after `stop()`.
  public private(set) var fileDescriptor: Int32

  /// Blocks `signals` for this thread and opens a non-blocking signalfd for them.
  public init(signals: [Int32] = SignalWatcher.defaultSignals) throws(TerminalError) {
    let watched = signals.filter { $0 != SIGWINCH }
    guard bm_sigmask(SIG_BLOCK, watched, Int32(watched.count)) == 0 else {
      throw .system("cannot block signals: \(String(cString: strerror(errno)))")
    }
    let descriptor = bm_signalfd(watched, Int32(watched.count))
    guard descriptor >= 0 else {
      let reason = String(cString: strerror(errno))
      _ = bm_sigmask(SIG_UNBLOCK, watched, Int32(watched.count))
      throw .system("cannot open a signalfd: \(reason)")
    }
    for signal in watched { _ = bm_install_noop_handler(signal) }
    self.signals = watched
    self.fileDescriptor = descriptor
  }

  /// The signals that arrived since the last call, oldest first (empty if none).
  public func readSignals() -> [Int32] {
    guard fileDescriptor >= 0 else { return [] }
    var arrived: [Int32] = []
    while arrived.count < 64 {
      let signal = bm_signalfd_read(fileDescriptor)
      guard signal > 0 else { break }
      arrived.append(signal)
    }
    return arrived
  }

  /// The conventional exit status after a signal: 128 + its number (130 for SIGINT).
  public static func exitStatus(for signal: Int32) -> Int32 { 128 + signal }

  /// Closes the signalfd and gives the signals back their default action, unblocked.
  ///
  /// Call it after the terminal is restored: a signal still pending then acts at once.
  /// Idempotent; also called from deinit.
  public func stop() {
    guard fileDescriptor >= 0 else { return }
    close(fileDescriptor)
    fileDescriptor = -1
    for signal in signals { _ = Glibc.signal(signal, SIG_DFL) }
    _ = bm_sigmask(SIG_UNBLOCK, signals, Int32(signals.count))
  }

  deinit { stop() }
}
