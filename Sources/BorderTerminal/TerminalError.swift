/// Why the terminal could not be started or a watcher could not be set up.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Standard input or output is not a terminal (piped or redirected).
  case notATerminal
  /// TERM is not set.
  case termNotSet
  /// TERM names a terminal the terminfo database does not know.
  case unknownTerminal(name: String)
  /// TERM names a terminal that cannot move its cursor (`dumb`, a printing terminal).
  case cannotMoveCursor(name: String)
  /// curses could not set up the terminal TERM names.
  case cannotSetUp(name: String)
  /// A system call failed: what was attempted and errno's text.
  case system(String)

  /// A one-line message for the operator.
  public var description: String {
    switch self {
    case .notATerminal:
      return "standard input and output must be a terminal"
    case .termNotSet:
      return "TERM is not set"
    case .unknownTerminal(let name):
      return "unknown terminal type '\(name)'"
    case .cannotMoveCursor(let name):
      return "terminal type '\(name)' cannot move the cursor; "
        + "the console needs one that can (xterm-256color, screen, tmux, linux, vt100)"
    case .cannotSetUp(let name):
      return "cannot set up terminal type '\(name)'"
    case .system(let reason):
      return reason
    }
  }
}
