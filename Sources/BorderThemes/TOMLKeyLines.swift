/// Finds the line of any table header or key in a TOML text, by its full key path.
///
/// TOMLKit reports lines only for syntax errors; this scan covers the keys of a file that
/// parsed. It understands `[table]` and `[[array]]` headers, dotted and quoted keys
/// (`"status.disputed"`, `level.3`, `'x'`), comments and multi-line strings; for an array of
/// tables it keeps the first occurrence. It does not validate anything: TOMLKit does that.
struct TOMLKeyLines {
  private var lines: [[String]: Int] = [:]

  init(_ text: String) {
    var current: [String] = []
    var openString: String?
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = Substring(rawLine)
      if let delimiter = openString {
        if line.contains(delimiter) { openString = nil }
        continue
      }
      var scanner = KeyScanner(line)
      scanner.skipSpaces()
      guard let first = scanner.peek, first != "#" else { continue }
      if first == "[" {
        let isArray = scanner.starts(with: "[[")
        scanner.advance(isArray ? 2 : 1)
        guard let path = scanner.keyPath(), scanner.starts(with: isArray ? "]]" : "]") else { continue }
        current = path
        record(path, lineNumber)
        continue
      }
      guard let path = scanner.keyPath(), scanner.peek == "=" else { continue }
      record(current + path, lineNumber)
      scanner.advance(1)
      openString = KeyScanner.unclosedMultilineString(in: scanner.rest)
    }
  }

  private mutating func record(_ path: [String], _ line: Int) {
    if lines[path] == nil { lines[path] = line }
  }

  /// The line of exactly this key path, e.g. `["roles", "status.disputed"]`.
  func line(_ path: [String]) -> Int? { lines[path] }

  /// The line of the path, else of its longest prefix that has one (the enclosing table).
  func nearestLine(_ path: [String]) -> Int? {
    var prefix = path
    while !prefix.isEmpty {
      if let line = lines[prefix] { return line }
      prefix.removeLast()
    }
    return nil
  }
}

/// Reads TOML keys from the start of a line.
private struct KeyScanner {
  private let characters: [Character]
  private var position = 0

  init(_ line: Substring) { characters = Array(line) }

  var peek: Character? { position < characters.count ? characters[position] : nil }
  var rest: String { String(characters[min(position, characters.count)...]) }

  func starts(with text: String) -> Bool {
    let wanted = Array(text)
    guard position + wanted.count <= characters.count else { return false }
    return Array(characters[position..<position + wanted.count]) == wanted
  }

  mutating func advance(_ count: Int) { position = min(characters.count, position + count) }

  mutating func skipSpaces() {
    while let c = peek, c == " " || c == "\t" { position += 1 }
  }

  /// A dotted key (`a."b.c".d`), spaces around it skipped; nil when there is none.
  mutating func keyPath() -> [String]? {
    var path: [String] = []
    while true {
      skipSpaces()
      guard let component = key() else { return nil }
      path.append(component)
      skipSpaces()
      guard peek == "." else { return path }
      advance(1)
    }
  }

  /// One bare, "basic" or 'literal' key.
  private mutating func key() -> String? {
    guard let first = peek else { return nil }
    if first == "\"" || first == "'" {
      advance(1)
      var text = ""
      while let c = peek {
        advance(1)
        if c == first { return text }
        if c == "\\" && first == "\"", let escaped = peek {
          advance(1)
          text.append(escaped)
        } else {
          text.append(c)
        }
      }
      return nil
    }
    var text = ""
    while let c = peek, c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-") {
      text.append(c)
      advance(1)
    }
    return text.isEmpty ? nil : text
  }

  /// The delimiter of a multi-line string opened but not closed in `value`, if any.
  static func unclosedMultilineString(in value: String) -> String? {
    let characters = Array(value)
    for delimiter in ["\"\"\"", "'''"] {
      let wanted = Array(delimiter)
      var count = 0
      var index = 0
      while index + wanted.count <= characters.count {
        if Array(characters[index..<index + wanted.count]) == wanted {
          count += 1
          index += wanted.count
        } else {
          index += 1
        }
      }
      if count % 2 == 1 { return delimiter }
    }
    return nil
  }
}
