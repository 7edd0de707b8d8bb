import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// How a child process ended.
public enum ExitStatus: Sendable, Equatable, CustomStringConvertible {
  /// It called exit with this code.
  case exited(Int32)
  /// A signal ended it.
  case signaled(Int32)
  /// Something else in this process reaped it first, so the status is lost.
  case unknown

  /// Decodes a `waitpid` status (the WIFEXITED/WTERMSIG macros do not import into Swift).
  init(waitStatus status: Int32) {
    let signal = status & 0x7F
    if signal == 0 {
      self = .exited((status >> 8) & 0xFF)
    } else {
      self = .signaled(signal)
    }
  }

  /// "exited with status N" or "killed by signal N".
  public var description: String {
    switch self {
    case .exited(let code): return "exited with status \(code)"
    case .signaled(let signal): return "killed by signal \(signal)"
    case .unknown: return "ended with an unknown status"
    }
  }
}

/// The termios flags a terminal program must give back as it found them.
public struct TerminalFlags: Sendable, Equatable {
  /// ICANON: line editing.
  public var canonical: Bool
  /// ECHO: typed characters are echoed.
  public var echo: Bool
  /// ISIG: Ctrl-C, Ctrl-\ and Ctrl-Z send signals.
  public var signals: Bool
  /// OPOST: output processing (LF becomes CR LF).
  public var outputProcessing: Bool
  /// ICRNL: a typed CR reads as LF.
  public var carriageReturnToNewline: Bool

  init(_ settings: termios) {
    canonical = settings.c_lflag & tcflag_t(ICANON) != 0
    echo = settings.c_lflag & tcflag_t(ECHO) != 0
    signals = settings.c_lflag & tcflag_t(ISIG) != 0
    outputProcessing = settings.c_oflag & tcflag_t(OPOST) != 0
    carriageReturnToNewline = settings.c_iflag & tcflag_t(ICRNL) != 0
  }

  /// One line per flag that differs from `initial`, e.g. "echo is off (was on)".
  func differences(from initial: TerminalFlags) -> [String] {
    let pairs: [(String, Bool, Bool)] = [
      ("icanon", canonical, initial.canonical), ("echo", echo, initial.echo),
      ("isig", signals, initial.signals), ("opost", outputProcessing, initial.outputProcessing),
      ("icrnl", carriageReturnToNewline, initial.carriageReturnToNewline),
    ]
    return pairs.compactMap { name, now, before in
      now == before ? nil : "\(name) is \(now ? "on" : "off") (was \(before ? "on" : "off"))"
    }
  }
}

/// One read from the pseudo-terminal.
public struct OutputChunk: Sendable, Equatable {
  /// When it was read, measured from the spawn.
  public var time: Duration
  /// Bytes in this read.
  public var byteCount: Int
  /// Bytes read so far, this read included.
  public var total: Int
}

/// A failure of the harness or of a wait, with the screen at that moment when there is one.
public struct TerminalTestError: Error, CustomStringConvertible {
  /// What went wrong, followed by the screen for waits that timed out.
  public var description: String

  static func system(_ what: String, _ code: Int32 = errno) -> TerminalTestError {
    TerminalTestError(description: "\(what): \(String(cString: strerror(code))) (errno \(code))")
  }
}

/// Modes still on at the end, as lines for `terminalRestored()`.
func modeProblems(_ modes: TerminalModes) -> [String] {
  var problems: [String] = []
  if modes.alternateScreen { problems.append("the alternate screen was entered and not left") }
  if !modes.cursorVisible { problems.append("the cursor was left hidden (?25l without ?25h)") }
  if modes.applicationCursorKeys {
    problems.append("keypad transmit mode left on: cursor keys in application mode (?1h without ?1l)")
  }
  if modes.applicationKeypad {
    problems.append("keypad transmit mode left on: application keypad (ESC = without ESC >)")
  }
  for mode in modes.mouseModes.sorted() { problems.append("mouse mode ?\(mode) left on") }
  if modes.bracketedPaste { problems.append("bracketed paste (?2004) left on") }
  if !modes.autowrap { problems.append("autowrap (?7) left off") }
  if modes.insertMode { problems.append("insert mode (4h) left on") }
  return problems
}

/// The screen as numbered rows, trailing blank rows dropped, for error messages.
func describe(_ screen: Screen) -> String {
  var rows = (0..<screen.size.rows).map { screen.line($0) }
  while rows.last == "" { rows.removeLast() }
  let numbered = rows.enumerated().map { index, text in
    (index < 10 ? " " : "") + "\(index)|\(text)"
  }
  let header =
    "screen \(screen.size.columns)x\(screen.size.rows), cursor row \(screen.cursor.row) "
    + "col \(screen.cursor.col)\(screen.modes.alternateScreen ? ", alternate screen" : ""):"
  return ([header] + (numbered.isEmpty ? ["  (blank)"] : numbered)).joined(separator: "\n")
}

/// `argv`/`envp` for posix_spawn: NUL-terminated copies, freed by the caller with `freeCStrings`.
func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] {
  strings.map { strdup($0) } + [nil]
}

func freeCStrings(_ pointers: [UnsafeMutablePointer<CChar>?]) {
  for pointer in pointers { free(pointer) }
}
