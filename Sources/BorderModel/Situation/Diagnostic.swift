/// A problem found in a data file, pinned to the file, line and field at fault.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  /// How bad a problem is.
  public enum Severity: String, Sendable, Hashable {
    /// The record was skipped or the file could not be used.
    case error
    /// Kept, but worth a look (e.g. an event type this version does not know).
    case warning
  }

  public var severity: Severity
  /// The file's path as the operator gave it or as the data directory names it.
  public var file: String
  /// 1-based line, when the problem sits on one.
  public var line: Int?
  /// The field at fault, when one is.
  public var field: String?
  public var message: String

  public init(
    _ severity: Severity, file: String, line: Int? = nil, field: String? = nil, message: String
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.field = field
    self.message = message
  }

  /// `file:line: field: reason`, with `warning: ` before the reason for warnings.
  public var description: String {
    var text = file
    if let line { text += ":\(line)" }
    text += ": "
    if let field { text += "\(field): " }
    if severity == .warning { text += "warning: " }
    return text + message
  }
}

/// A diagnostic can be thrown or carried in a `Result` where a problem stops the work.
extension Diagnostic: Error {}
