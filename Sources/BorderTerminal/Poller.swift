#if canImport(Glibc)
  import Glibc
#endif

/// One `poll()` over the loop's file descriptors: which became readable, or hung up.
public enum Poller {
  /// What one wait found. Empty sets after a timeout or an interrupted wait (EINTR).
  public struct Readiness: Sendable, Equatable {
    /// Descriptors with data to read.
    public var readable: Set<Int32> = []
    /// Descriptors whose other end is gone or in error (stop reading those, or exit).
    public var hungUp: Set<Int32> = []
    /// Whether a signal (SIGWINCH, say) interrupted the wait.
    public var interrupted = false
  }

  /// Waits up to `timeoutMilliseconds` (-1: forever) until one of `descriptors` is ready.
  ///
  /// After every return, EINTR included, the caller should drain the terminal's keys:
  /// ncurses turns SIGWINCH into KEY_RESIZE only inside `wget_wch`.
  public static func wait(for descriptors: [Int32], timeoutMilliseconds: Int) -> Readiness {
    var entries = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    let timeout = Int32(clamping: max(-1, timeoutMilliseconds))
    let count = entries.withUnsafeMutableBufferPointer { poll($0.baseAddress, nfds_t($0.count), timeout) }
    var readiness = Readiness()
    if count < 0 {
      readiness.interrupted = errno == EINTR
      return readiness
    }
    for entry in entries where entry.revents != 0 {
      if entry.revents & Int16(POLLIN) != 0 { readiness.readable.insert(entry.fd) }
      if entry.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { readiness.hungUp.insert(entry.fd) }
    }
    return readiness
  }
}
