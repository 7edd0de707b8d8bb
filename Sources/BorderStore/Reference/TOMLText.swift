import BorderModel
import TOMLKit

/// Parses TOML text, turning a syntax error into a diagnostic with the parser's line and column.
public enum TOMLText {
  /// The document's root table, or the diagnostic saying why it does not parse.
  public static func parse(
    _ text: String, file: String, severity: Diagnostic.Severity = .error, consequence: String = ""
  ) -> Result<TOMLTable, Diagnostic> {
    if let (line, column, message) = TOMLParserGuard.firstProblem(text) {
      return .failure(
        Diagnostic(
          severity, file: file, line: line,
          message: "TOML syntax: \(message) (column \(column))\(consequence)"))
    }
    do {
      return .success(try TOMLTable(string: text))
    } catch let error as TOMLParseError {
      return .failure(
        Diagnostic(
          severity, file: file, line: error.source.begin.line,
          message: "TOML syntax: \(error.description) (column \(error.source.begin.column))\(consequence)"))
    } catch {
      return .failure(
        Diagnostic(severity, file: file, line: 1, message: "TOML syntax: \(error)\(consequence)"))
    }
  }
}
