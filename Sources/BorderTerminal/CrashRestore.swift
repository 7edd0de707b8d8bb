import CNCursesW
import CTerminalRestore

#if canImport(Glibc)
  import Glibc
#endif

/// Gives the operator's terminal back when the console dies of a signal it cannot handle cleanly.
///
/// A crash (SIGSEGV, SIGBUS, SIGILL and SIGTRAP from Swift's traps, SIGFPE, SIGABRT) or a
/// terminating signal nothing else handles (SIGUSR1, SIGUSR2, SIGALRM, …) runs a C handler that
/// writes the saved strings leaving the alternate screen and showing the cursor, puts back the
/// terminal settings saved at start, lets Swift's backtracer (if on) print its report on the
/// restored screen, and then ends the process with the signal's default action.
public enum CrashRestore {
  /// The signals whose arrival restores the terminal before the process ends.
  public static var signals: [Int32] {
    (0..<bm_restore_signal_count()).map { bm_restore_signal($0) }
  }

  /// Whether a crash now would restore the terminal.
  public static var isArmed: Bool { bm_restore_is_armed() == 1 }

  /// Arms the restore for the terminal on `fileDescriptor`, as `settings` had it before start.
  ///
  /// Call it once ncurses is set up (terminfo is loaded) and before the terminal's modes change.
  static func arm(fileDescriptor: Int32, settings: termios) -> Bool {
    var bytes = Array(restoreSequence().utf8)
    if bytes.count > Int(BM_RESTORE_MAX_BYTES) { bytes = Array(bytes.prefix(Int(BM_RESTORE_MAX_BYTES))) }
    var settings = settings
    return bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) {
        bm_restore_arm(fileDescriptor, &settings, $0.baseAddress, $0.count) == 0
      }
    }
  }

  /// Disarms it once the terminal was given back the normal way.
  static func disarm() { bm_restore_disarm() }

  /// What undoes the console's modes on the current terminal: cancel a half-written sequence (CAN),
  /// plain attributes, a visible cursor, keypad transmit off, and the alternate screen left.
  static func restoreSequence() -> String {
    "\u{18}" + ["sgr0", "cnorm", "rmkx", "rmcup"].map(capability).joined()
  }

  /// A terminfo string capability with its padding (`$<5>`) removed; empty when absent.
  static func capability(_ name: String) -> String {
    guard let value = tigetstr(name), value != UnsafeMutablePointer<CChar>(bitPattern: -1) else { return "" }
    return withoutPadding(String(cString: value))
  }

  /// A terminfo string without its `$<…>` delays.
  static func withoutPadding(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let start = rest.firstRange(of: "$<") {
      out += rest[..<start.lowerBound]
      guard let end = rest[start.upperBound...].firstIndex(of: ">") else {
        rest = rest[start.lowerBound...]
        break
      }
      rest = rest[rest.index(after: end)...]
    }
    return out + rest
  }

  /// Makes sure Swift's crash reporter never waits for a key on the operator's terminal.
  ///
  /// Swift reads `SWIFT_BACKTRACE` once, as the process loads, and by default asks "Press space to
  /// interact…" for 30 s when standard input and output are terminals. When that would happen,
  /// this adds `interactive=no` to the variable and executes the program again (same process, same
  /// arguments) — call it before any other work. Returns only when no re-execution was needed, or
  /// when it failed (then the crash handler still restores the terminal first).
  public static func makeBacktracesNonInteractive() {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return }
    let current = getenv("SWIFT_BACKTRACE").map { String(cString: $0) }
    guard let wanted = nonInteractiveSetting(current) else { return }
    guard setenv("SWIFT_BACKTRACE", wanted, 1) == 0 else { return }
    _ = execv("/proc/self/exe", CommandLine.unsafeArgv)
    // Still here: exec failed. Leave the variable as it was, for any child.
    if let current { setenv("SWIFT_BACKTRACE", current, 1) } else { unsetenv("SWIFT_BACKTRACE") }
  }

  /// The `SWIFT_BACKTRACE` value that turns interaction off, or nil when it is already off
  /// (backtraces disabled, or `interactive` off; as Swift reads it, the last key wins and any
  /// value other than yes/on/true/1/y/t/tty/auto means off).
  static func nonInteractiveSetting(_ current: String?) -> String? {
    var enabled = true
    var interactive = true
    for pair in (current ?? "").split(separator: ",") {
      let parts = pair.split(separator: "=", maxSplits: 1).map {
        $0.trimmed().lowercased()
      }
      guard parts.count == 2 else { continue }
      let on = ["on", "true", "yes", "y", "t", "1", "tty", "auto"].contains(parts[1])
      if parts[0] == "enable" { enabled = on }
      if parts[0] == "interactive" { interactive = on }
    }
    guard enabled && interactive else { return nil }
    guard let current, !current.isEmpty else { return "interactive=no" }
    return current + ",interactive=no"
  }
}

extension Substring {
  /// The text without spaces and tabs at either end.
  fileprivate func trimmed() -> String {
    var slice = self[...]
    while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
    return String(slice)
  }
}
