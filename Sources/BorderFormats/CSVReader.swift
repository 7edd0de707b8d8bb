/// One record of a CSV file and the line it starts on.
public struct CSVRecord: Sendable, Hashable {
  public var line: Int
  public var fields: [String]
}

/// Reads RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF.
public enum CSVReader {
  /// The records of the text, each with the line it starts on; an unterminated quote is reported with its line.
  public static func records(_ text: String) -> (records: [CSVRecord], unterminatedQuoteAt: Int?) {
    var records: [CSVRecord] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var afterQuote = false
    var line = 1
    var recordLine = 1
    var fieldStarted = false
    func endRecord() {
      fields.append(field)
      if !(fields.count == 1 && fields[0].isEmpty && !fieldStarted) {
        records.append(CSVRecord(line: recordLine, fields: fields))
      }
      fields = []
      field = ""
      fieldStarted = false
    }
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    if text.unicodeScalars.first == "\u{FEFF}" { _ = scalars.next() }
    while let scalar = pending ?? scalars.next() {
      pending = nil
      if quoted {
        if scalar == "\"" {
          if let next = scalars.next() {
            if next == "\"" {
              field.unicodeScalars.append("\"")
            } else {
              quoted = false
              afterQuote = true
              pending = next
            }
          } else {
            quoted = false
          }
        } else {
          if scalar == "\n" { line += 1 }
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where field.isEmpty && !afterQuote:
        quoted = true
        fieldStarted = true
      case ",":
        fields.append(field)
        field = ""
        afterQuote = false
        fieldStarted = true
      case "\r":
        continue
      case "\n":
        endRecord()
        afterQuote = false
        line += 1
        recordLine = line
      default:
        field.unicodeScalars.append(scalar)
        fieldStarted = true
      }
    }
    if quoted { return (records, recordLine) }
    if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
    return (records, nil)
  }
}
