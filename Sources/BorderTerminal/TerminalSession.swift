import BorderConsole
import CNCursesW

#if canImport(Glibc)
  import Glibc
#endif

/// The terminal while bordermon owns it: ncurses set up on start, restored by `stop()`.
///
/// Main thread only. Start a `SignalWatcher` before this, so SIGINT/SIGTERM/SIGHUP/SIGQUIT
/// reach the main loop instead of ncurses' handler or the default action.
public final class TerminalSession {
  /// How many colours drawing may use (after NO_COLOR and the colour mode).
  public let colorDepth: ColorDepth
  /// Whether the C library's locale encodes UTF-8 (after falling back to C.UTF-8 if needed).
  public let isUTF8: Bool
  /// The codeset of the operator's own locale, before any fallback (e.g. "UTF-8", "ANSI_X3.4-1968").
  public let localeCodeset: String
  /// Whether text is drawn as ASCII only: asked for, or forced because UTF-8 is unavailable.
  public let asciiOnly: Bool
  /// The number of colours the terminfo entry reports (0 without colour).
  public let terminalColors: Int
  /// The descriptor keys arrive on: add it to the poll set.
  public let inputFileDescriptor: Int32 = STDIN_FILENO

  let screen: OpaquePointer
  let window: UnsafeMutablePointer<WINDOW>
  var pairs: ColorPairs
  var renditions: [CellStyle: Rendition] = [:]
  var lastGrid: Grid?
  var lastSize = (columns: 0, rows: 0)
  var repaintAll = true
  var wideBuffer = [wchar_t](repeating: 0, count: 6)
  private(set) var isStopped = false

  /// The terminal's size now, in cells.
  public var size: (columns: Int, rows: Int) {
    if isStopped { return lastSize }
    return (Int(bm_columns(window)), Int(bm_rows(window)))
  }

  /// Takes over the terminal on standard input/output.
  ///
  /// - Parameters:
  ///   - colorMode: `.auto` follows the terminal and NO_COLOR; `.always` gives at least
  ///     8 colours; `.never` draws with attributes only.
  ///   - asciiOnly: nil decides from the locale (ASCII when UTF-8 is unavailable); true forces
  ///     ASCII. False cannot force UTF-8 on a locale without it.
  /// - Throws: `.notATerminal`, `.termNotSet`, `.unknownTerminal`, `.cannotMoveCursor` or
  ///   `.cannotSetUp`; the terminal is untouched then.
  public static func start(colorMode: ColorMode, asciiOnly: Bool?) throws(TerminalError) -> TerminalSession {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
    let termName = getenv("TERM").map { String(cString: $0) } ?? ""
    guard !termName.isEmpty else { throw .termNotSet }
    // The settings as the shell left them: what a crash puts back.
    var shellSettings = termios()
    guard tcgetattr(STDOUT_FILENO, &shellSettings) == 0 else { throw .notATerminal }
    let locale = Self.setUpLocale()
    guard let screen = newterm(nil, bm_stdout(), bm_stdin()) else {
      throw .unknownTerminal(name: Self.printable(termName))
    }
    _ = set_term(screen)
    // A terminal that cannot move its cursor (TERM=dumb, a printing terminal) cannot show a
    // screen: refused like an unknown one, before anything is drawn or any mode changes.
    guard CrashRestore.capability("cup").isEmpty == false else {
      delscreen(screen)
      // newterm already switched the terminal to the program's modes: give back the shell's.
      _ = tcsetattr(STDOUT_FILENO, TCSANOW, &shellSettings)
      throw .cannotMoveCursor(name: Self.printable(termName))
    }
    guard let window = bm_stdscr() else {
      endwin()
      delscreen(screen)
      throw .cannotSetUp(name: Self.printable(termName))
    }
    // From here a crash signal gives the terminal back before the process ends.
    _ = CrashRestore.arm(fileDescriptor: STDOUT_FILENO, settings: shellSettings)
    cbreak()
    noecho()
    nonl()
    intrflush(window, false)
    keypad(window, true)
    leaveok(window, true)
    nodelay(window, true)
    // Do not poll for typeahead during each refresh: the loop reads keys itself, and the
    // extra polls cost syscalls on every idle tick.
    typeahead(-1)
    _ = bm_set_escdelay(25)
    curs_set(0)
    defineHomeEndFallbacks()
    let colors = Self.setUpColors(mode: colorMode)
    return TerminalSession(
      screen: screen, window: window, colors: colors, isUTF8: locale.isUTF8,
      localeCodeset: locale.codeset, asciiOnly: (asciiOnly ?? false) || !locale.isUTF8)
  }

  private init(
    screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, colors: ColorSetup, isUTF8: Bool,
    localeCodeset: String, asciiOnly: Bool
  ) {
    self.screen = screen
    self.window = window
    self.colorDepth = colors.depth
    self.terminalColors = colors.count
    self.isUTF8 = isUTF8
    self.localeCodeset = localeCodeset
    self.asciiOnly = asciiOnly
    // ncurses 6.4 takes 24-bit colour numbers only from a direct-colour terminfo (COLORS > 256,
    // e.g. xterm-direct); elsewhere RGB is reduced to the 256-colour palette when drawn.
    let direct = colors.depth == .trueColor && colors.count > 256
    let drawDepth: ColorDepth = colors.depth == .trueColor && !direct ? .palette256 : colors.depth
    pairs = ColorPairs(
      depth: drawDepth, direct: direct, defaultColors: colors.defaultColors, limit: colors.pairs)
    lastSize = (Int(bm_columns(window)), Int(bm_rows(window)))
  }

  /// Whether the terminal says it takes clipboard writes (terminfo's `Ms`: xterm, tmux and their kin).
  public var acceptsClipboard: Bool { !isStopped && bm_has_clipboard() == 1 }

  /// Sends bytes to the terminal as they are (an OSC 52 clipboard write), after what ncurses drew.
  public func send(_ bytes: [UInt8]) {
    guard !isStopped, !bytes.isEmpty else { return }
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }

  /// Rings the terminal's bell (or flashes it).
  public func bell() {
    guard !isStopped else { return }
    beep()
  }

  /// Forgets what is on screen: the next `draw` clears and repaints every cell (e.g. Ctrl-L).
  public func invalidate() {
    repaintAll = true
    lastGrid = nil
  }

  /// Gives the terminal back: cursor visible, modes and screen restored. Idempotent.
  public func stop() {
    guard !isStopped else { return }
    lastSize = size
    isStopped = true
    if bm_has_alternate_screen() == 0 {
      // Without an alternate screen (vt100, linux) the last frame would stay under the
      // shell prompt: leave a clean screen instead.
      werase(window)
      wnoutrefresh(window)
      doupdate()
    }
    curs_set(1)
    endwin()
    delscreen(screen)
    fflush(bm_stdout())
    CrashRestore.disarm()
  }

  deinit { stop() }

  // MARK: Start-up helpers.

  /// Applies the operator's locale, falling back to C.UTF-8 for LC_CTYPE if it is not UTF-8.
  private static func setUpLocale() -> (isUTF8: Bool, codeset: String) {
    setlocale(LC_ALL, "")
    let original = currentCodeset()
    if isUTF8Name(original) { return (true, original) }
    if setlocale(LC_CTYPE, "C.UTF-8") != nil, isUTF8Name(currentCodeset()) { return (true, original) }
    return (false, original)
  }

  private static func currentCodeset() -> String {
    guard let name = nl_langinfo(nl_item(CODESET)) else { return "" }
    return String(cString: name)
  }

  private static func isUTF8Name(_ codeset: String) -> Bool {
    let normal = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
    return normal == "utf8"
  }

  /// Teaches ncurses the Home/End sequences that tmux, screen, rxvt and the Linux console send
  /// whatever TERM claims, unless the terminfo entry already gives them a meaning.
  private static func defineHomeEndFallbacks() {
    let fallbacks: [(String, Int32)] = [
      ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
      ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),
    ]
    for (sequence, code) in fallbacks where key_defined(sequence) == 0 {
      _ = define_key(sequence, code)
    }
  }

  /// What colour set-up found.
  struct ColorSetup {
    var depth: ColorDepth
    var count: Int
    var pairs: Int32
    var defaultColors: Bool
  }

  /// Starts colour (unless off) and works out the colour depth.
  private static func setUpColors(mode: ColorMode) -> ColorSetup {
    let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
    guard mode != .never, mode == .always || !noColor, has_colors() else {
      // .always on a terminal without colour: the view may use 8 colours, pairs will fail.
      let depth: ColorDepth = mode == .always ? .eight : .none
      return ColorSetup(depth: depth, count: 0, pairs: 0, defaultColors: false)
    }
    start_color()
    let defaultColors = use_default_colors() != ERR
    let count = Int(bm_colors())
    let colorTerm = getenv("COLORTERM").map { String(cString: $0) }
    let depth = ColorMode.depth(terminfoColors: count, colorTerm: colorTerm)
    return ColorSetup(depth: depth, count: count, pairs: bm_color_pairs(), defaultColors: defaultColors)
  }

  /// A terminal name safe to print in an error message.
  private static func printable(_ text: String) -> String {
    String(
      text.unicodeScalars.prefix(64).map {
        $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) ? "?" : Character($0)
      })
  }
}
