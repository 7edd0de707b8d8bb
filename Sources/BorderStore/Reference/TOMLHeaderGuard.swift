/// Finds table headers that TOMLKit's parser (toml++ 3.4) cannot be given: `[[[`, `[=`, `[` at a line's end.
///
/// toml++ asserts that a header's name starts with a key character or a quote; on a header
/// like `[[[1]]]` a debug build aborts and a release build runs into undefined behaviour
/// (fixed upstream in marzer/tomlplusplus#301). This scan walks the document's top level
/// (skipping strings, comments and multi-line arrays) and names the first such header, so
/// it is reported as a syntax error instead of reaching the parser.
enum TOMLHeaderGuard {
  /// The 1-based line and column of the first header without a valid start of its name, or nil.
  static func firstBadHeader(_ text: String) -> (line: Int, column: Int)? {
    let bytes = Array(text.utf8)
    var scan = Scan(bytes: bytes)
    // The parser skips a byte order mark at the start.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      scan.index = 3
      scan.lineStart = 3
    }
    while let start = scan.nextStatement() {
      if bytes[start] == 0x5B {
        if let column = scan.badHeaderName(at: start) { return (scan.line, column) }
        scan.skipLine()
      } else {
        scan.skipKeyValue()
      }
    }
    return nil
  }

  private struct Scan {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lineStart = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Moves past blank lines, white space and comments; the offset of the next statement, or nil at the end.
    mutating func nextStatement() -> Int? {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x09, 0x0D: index += 1
        case 0x0A: newline()
        case 0x23: skipComment()
        default: return index
        }
      }
      return nil
    }

    /// The column of a header's bad first name character (toml++'s own rule), or nil when it is fine.
    func badHeaderName(at start: Int) -> Int? {
      var cursor = start + 1
      func skipBlanks() {
        while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
      }
      skipBlanks()
      if cursor < bytes.count, bytes[cursor] == 0x5B, cursor == start + 1 {
        cursor += 1
        skipBlanks()
      }
      guard cursor < bytes.count else { return nil }
      let byte = bytes[cursor]
      let isKeyStart =
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
        || byte == 0x5F || byte == 0x2D || byte == 0x22 || byte == 0x27 || byte == 0x5D
      return isKeyStart ? nil : cursor - lineStart + 1
    }

    mutating func newline() {
      index += 1
      line += 1
      lineStart = index
    }

    mutating func skipComment() {
      while index < bytes.count, bytes[index] != 0x0A { index += 1 }
    }

    mutating func skipLine() { skipComment() }

    /// Skips `key = value`, the value possibly spanning lines (arrays, multi-line strings).
    mutating func skipKeyValue() {
      // The key, with its quoted parts.
      while index < bytes.count, bytes[index] != 0x3D, bytes[index] != 0x0A {
        if bytes[index] == 0x22 || bytes[index] == 0x27 {
          skipString()
        } else {
          index += 1
        }
      }
      guard index < bytes.count, bytes[index] == 0x3D else { return }
      index += 1
      var depth = 0
      while index < bytes.count {
        switch bytes[index] {
        case 0x22, 0x27: skipString()
        case 0x5B, 0x7B:
          depth += 1
          index += 1
        case 0x5D, 0x7D:
          depth = max(0, depth - 1)
          index += 1
        case 0x23: skipComment()
        case 0x0A:
          if depth == 0 { return }
          newline()
        default: index += 1
        }
      }
    }

    /// Skips a basic, literal or multi-line string starting at `index` (a single-line one ends at a newline).
    mutating func skipString() {
      let quote = bytes[index]
      let multiLine = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
      index += multiLine ? 3 : 1
      while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x5C && quote == 0x22 {
          index += 2
          continue
        }
        if byte == 0x0A {
          if !multiLine { return }
          newline()
          continue
        }
        if byte == quote {
          if !multiLine {
            index += 1
            return
          }
          if index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote {
            index += 3
            // A closing `"""` may be followed by one or two more quotes that belong to the string.
            while index < bytes.count, bytes[index] == quote { index += 1 }
            return
          }
        }
        index += 1
      }
    }
  }
}
