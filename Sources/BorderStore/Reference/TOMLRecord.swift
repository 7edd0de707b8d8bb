import BorderModel
import TOMLKit

/// Reads the fields of one TOML table, collecting a diagnostic for each bad or missing field.
struct TOMLRecord {
  let table: TOMLTable
  let file: String
  /// The array-of-tables name (`segment`), or nil for the file's top level.
  let tableName: String?
  let index: Int
  let lines: TOMLLineIndex
  var problems: [Diagnostic] = []

  func line(_ key: String? = nil) -> Int? {
    if let tableName { return lines.line(table: tableName, index: index, key: key) }
    return key.flatMap { lines.line(topLevelKey: $0) } ?? 1
  }

  /// Whether any error was found in this record.
  var hasErrors: Bool { problems.contains { $0.severity == .error } }

  mutating func error(_ key: String, _ message: String) {
    problems.append(Diagnostic(.error, file: file, line: line(key), field: key, message: message))
  }

  mutating func warning(_ key: String, _ message: String) {
    problems.append(Diagnostic(.warning, file: file, line: line(key), field: key, message: message))
  }

  /// Warns about keys the format does not define (usually typos).
  mutating func checkKeys(_ allowed: Set<String>) {
    for key in table.keys where !allowed.contains(key) {
      // An empty key (`"" = 1`) is named as written, so the line does not read `file:7: : …`.
      problems.append(
        Diagnostic(
          .warning, file: file, line: line(key), field: key.isEmpty ? "\"\"" : key,
          message: "unknown field (ignored); expected one of \(allowed.sorted().joined(separator: ", "))"))
    }
  }

  mutating func string(_ key: String, required: Bool = false) -> String? {
    guard let value = table[key] else {
      if required { error(key, "missing") }
      return nil
    }
    guard let text = value.string else {
      error(key, "must be a string")
      return nil
    }
    if required && text.isEmpty { error(key, "must not be empty") }
    return text
  }

  mutating func number(_ key: String, required: Bool = false) -> Double? {
    guard let value = table[key] else {
      if required { error(key, "missing") }
      return nil
    }
    if let double = value.double, double.isFinite { return double }
    if let int = value.int { return Double(int) }
    error(key, "must be a number")
    return nil
  }

  mutating func bool(_ key: String) -> Bool? {
    guard let value = table[key] else { return nil }
    guard let flag = value.bool else {
      error(key, "must be true or false")
      return nil
    }
    return flag
  }

  mutating func term<T: DomainTerm>(_ key: String, _: T.Type, required: Bool = false) -> T? {
    guard let text = string(key, required: required), !text.isEmpty else { return nil }
    guard let term = T(rawValue: text) else {
      error(key, "'\(text)' is not one of \(T.spellings)")
      return nil
    }
    return term
  }

  mutating func level(_ key: String) -> AlertLevel? {
    guard let value = table[key] else { return nil }
    guard let number = value.int else {
      error(key, "must be a whole number 1–5")
      return nil
    }
    guard let level = AlertLevel(number: Int64(number)) else {
      error(key, "\(number) is outside 1–5")
      return nil
    }
    return level
  }

  mutating func time(_ key: String, required: Bool = false) -> Timestamp? {
    guard let value = table[key] else {
      if required { error(key, "missing") }
      return nil
    }
    if let text = value.string {
      switch RFC3339.parse(text) {
      case .success(let time): return time
      case .failure(let problem):
        error(key, problem.description)
        return nil
      }
    }
    if let dateTime = value.dateTime {
      guard let offset = dateTime.offset else {
        error(key, "a time without a zone: add Z for UTC or an offset such as +06:00")
        return nil
      }
      let local = Timestamp(
        year: dateTime.date.year, month: dateTime.date.month, day: dateTime.date.day,
        hour: dateTime.time.hour, minute: dateTime.time.minute, second: dateTime.time.second,
        millisecond: dateTime.time.nanoSecond / 1_000_000)
      return local.adding(seconds: Int64(-offset.offset * 60))
    }
    if value.date != nil || value.time != nil {
      error(key, "a date or time alone has no zone: give a full time such as 2024-05-19T04:00:00Z")
      return nil
    }
    error(key, "must be a time such as 2024-05-19T04:00:00Z")
    return nil
  }

  mutating func strings(_ key: String) -> [String] {
    guard let value = table[key] else { return [] }
    guard let array = value.array else {
      error(key, "must be an array of strings")
      return []
    }
    var result: [String] = []
    for element in array {
      guard let text = element.string else {
        error(key, "must be an array of strings")
        return []
      }
      result.append(text)
    }
    return result
  }

  /// A `{ name = …, cyrillic = …, region = …, region_cyrillic = … }` table, or a plain string name.
  mutating func place(_ key: String, required: Bool = false) -> (PlaceName, region: PlaceName?)? {
    guard let value = table[key] else {
      if required { error(key, "missing") }
      return nil
    }
    if let text = value.string { return (PlaceName(text), nil) }
    guard let inner = value.table else {
      error(key, "must be a name or a table { name = …, cyrillic = … }")
      return nil
    }
    guard let name = inner["name"]?.string, !name.isEmpty else {
      error(key, "needs name = \"…\"")
      return nil
    }
    let region = inner["region"]?.string.map { PlaceName($0, cyrillic: inner["region_cyrillic"]?.string) }
    return (PlaceName(name, cyrillic: inner["cyrillic"]?.string), region)
  }

  /// `[lat, lon]` in decimal degrees.
  mutating func coordinate(_ key: String) -> Coordinate? {
    guard let value = table[key] else { return nil }
    guard let array = value.array, array.count == 2,
      let lat = array[0].double ?? array[0].int.map(Double.init),
      let lon = array[1].double ?? array[1].int.map(Double.init),
      (-90...90).contains(lat), (-180...180).contains(lon)
    else {
      // Optional and cosmetic: the field is dropped, never the record with its events.
      warning(
        key,
        "must be [latitude, longitude] in decimal degrees, latitude −90…90, longitude −180…180 (field dropped)"
      )
      return nil
    }
    return Coordinate(latitude: lat, longitude: lon)
  }

  /// `source = "…"` or `source = { outlet, title, url, date }`; `illustrative = true | "note"`;
  /// `approximate = ["field", …]` for a sourced record whose listed fields are approximate.
  mutating func provenance() -> Provenance {
    var provenance = Provenance()
    if let value = table["source"] {
      if let text = value.string {
        if !text.isEmpty { provenance.source = SourceReference(outlet: text) }
      } else if let inner = value.table {
        let outlet = inner["outlet"]?.string ?? ""
        if outlet.isEmpty { error("source", "needs outlet = \"…\"") }
        for key in inner.keys where !["outlet", "title", "url", "date"].contains(key) {
          warning("source", "unknown field '\(key)' (ignored); expected outlet, title, url, date")
        }
        provenance.source = SourceReference(
          outlet: outlet, title: inner["title"]?.string, url: inner["url"]?.string,
          date: inner["date"]?.string)
      } else {
        error("source", "must be a string or a table { outlet = …, title = …, url = …, date = … }")
      }
    }
    if let value = table["illustrative"] {
      if let note = value.string {
        provenance.isIllustrative = true
        provenance.note = note
      } else if let flag = value.bool {
        provenance.isIllustrative = flag
      } else {
        error("illustrative", "must be true, false or a note")
      }
    }
    provenance.approximate = strings("approximate")
    return provenance
  }
}
