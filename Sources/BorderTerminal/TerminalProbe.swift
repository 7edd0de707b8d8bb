import CNCursesW

#if canImport(Glibc)
  import Glibc
#endif

/// What the system says of the terminal, without taking it over: for `bordermon doctor`.
public struct TerminalProbe: Sendable {
  /// `$TERM`, or nil when unset.
  public var term: String?
  /// Whether terminfo knows the type.
  public var known: Bool
  /// Colours terminfo reports (−1 or 0: none).
  public var colors: Int
  public var hasAlternateScreen: Bool
  public var hasCursorAddressing: Bool
  public var hasLineDrawing: Bool
  /// The size of the terminal on standard output or input, when it is one.
  public var size: (columns: Int, rows: Int)?
  /// The codeset of the locale the environment asks for, and whether it is UTF-8.
  public var codeset: String
  public var isUTF8: Bool
  /// Whether a UTF-8 locale (C.UTF-8) is available as a fallback.
  public var utf8Fallback: Bool

  /// Probes terminfo and the locale for the current environment.
  public static func current() -> TerminalProbe {
    let term = getenv("TERM").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    var colors: Int32 = -1
    var alternate: Int32 = 0
    var addressing: Int32 = 0
    var acs: Int32 = 0
    var known = false
    if let term {
      known = bm_probe_terminal(term, &colors, &alternate, &addressing, &acs) == 1
    }
    var size: (Int, Int)?
    for fd in [STDOUT_FILENO, STDIN_FILENO, STDERR_FILENO] where isatty(fd) == 1 {
      var window = winsize()
      if ioctl(fd, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0 {
        size = (Int(window.ws_col), Int(window.ws_row))
        break
      }
    }
    setlocale(LC_ALL, "")
    let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
    let isUTF8 = codeset.uppercased().replacingDashes() == "UTF8"
    let saved = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
    let fallback = setlocale(LC_CTYPE, "C.UTF-8") != nil
    setlocale(LC_CTYPE, saved)
    return TerminalProbe(
      term: term, known: known, colors: Int(colors), hasAlternateScreen: alternate == 1,
      hasCursorAddressing: addressing == 1, hasLineDrawing: acs == 1, size: size, codeset: codeset,
      isUTF8: isUTF8, utf8Fallback: fallback)
  }
}

extension String {
  fileprivate func replacingDashes() -> String { String(filter { $0 != "-" }) }
}
