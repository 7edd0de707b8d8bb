import BorderModel

/// The words of the action forms that come from the model's answers.
extension Localizer {
  /// Why a time typed in a form cannot be read, in this language.
  func timeProblem(_ error: TimeParseError) -> String {
    switch error {
    case .malformed(let text):
      return tr(
        "'%@' is not an RFC 3339 time (expected e.g. 2024-05-19T09:00:00Z)", context: "form field", text)
    case .missingZone(let text):
      return tr("'%@' has no zone: add Z for UTC or an offset such as +06:00", context: "form field", text)
    case .outOfRange(let text):
      return tr("'%@' has a field out of range", context: "form field", text)
    }
  }
}
