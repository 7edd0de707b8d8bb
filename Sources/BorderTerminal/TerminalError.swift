/// Why the terminal could not be started or a watcher could not be set up.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Standard input or output is not a terminal (piped or redirected).
  case notATerminal
  /// TERM is missing or names a terminal the terminfo database does not know.
  case unknownTerminal(String)
  /// A system call failed: what was attempted and errno's text.
  case system(String)

  /// A one-line message for the operator.
  public var description: String {
    switch self {
    case .notATerminal:
      return "standard input and output must be a terminal"
    case .unknownTerminal(let reason):
      return reason
    case .system(let reason):
      return reason
    }
  }
}
