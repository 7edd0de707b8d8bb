/// Finds the TOML that TOMLKit's parser (toml++ 3.4) must not be given, and says why.
///
/// toml++ asserts two things that malformed files break: a table header's name starts with a
/// key character or a quote (`[[[1]]]`, `[=`, `[` at a line's end; fixed upstream in
/// marzer/tomlplusplus#301), and an array element is not `}` (`x = [ }`). A debug build then
/// aborts and a release build runs into undefined behaviour. This scan walks the document
/// (skipping strings and comments, following arrays and inline tables across lines) and
/// reports the first such place as a syntax error, so it never reaches the parser.
enum TOMLParserGuard {
  /// The 1-based line and column of the first such problem and what is wrong there, or nil.
  static func firstProblem(_ text: String) -> (line: Int, column: Int, message: String)? {
    let bytes = Array(text.utf8)
    var scan = Scan(bytes: bytes)
    // The parser skips a byte order mark at the start.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      scan.index = 3
      scan.lineStart = 3
    }
    while let start = scan.nextStatement() {
      if bytes[start] == 0x5B {
        if let column = scan.badHeaderName(at: start) {
          return (scan.line, column, "expected a table name after '['")
        }
        scan.skipComment()
      } else if let column = scan.skipKeyValue() {
        return (scan.line, column, "expected a value, saw '}'")
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

    /// Moves to the end of the line (not past its newline).
    mutating func skipComment() {
      while index < bytes.count, bytes[index] != 0x0A { index += 1 }
    }

    /// Skips `key = value`, the value possibly spanning lines; returns the column of a `}` where an
    /// array expects an element, or nil.
    mutating func skipKeyValue() -> Int? {
      // The key, with its quoted parts.
      while index < bytes.count, bytes[index] != 0x3D, bytes[index] != 0x0A {
        if bytes[index] == 0x22 || bytes[index] == 0x27 {
          skipString()
        } else {
          index += 1
        }
      }
      guard index < bytes.count, bytes[index] == 0x3D else { return nil }
      index += 1
      // Open arrays and inline tables, innermost last; whether the innermost array waits for an element.
      var open: [UInt8] = []
      var awaitingElement = false
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case 0x20, 0x09, 0x0D:
          index += 1
        case 0x23:
          skipComment()
        case 0x0A:
          if open.isEmpty { return nil }
          newline()
        case 0x22, 0x27:
          skipString()
          awaitingElement = false
        case 0x5B:
          open.append(byte)
          awaitingElement = true
          index += 1
        case 0x7B:
          open.append(byte)
          awaitingElement = false
          index += 1
        case 0x2C:
          awaitingElement = open.last == 0x5B
          index += 1
        case 0x5D, 0x7D:
          if byte == 0x7D, awaitingElement, open.last == 0x5B { return index - lineStart + 1 }
          if !open.isEmpty { open.removeLast() }
          awaitingElement = false
          index += 1
        default:
          awaitingElement = false
          index += 1
        }
      }
      return nil
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
