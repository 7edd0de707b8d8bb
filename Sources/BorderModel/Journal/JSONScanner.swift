/// A JSON syntax error at a byte offset of a line.
public struct JSONSyntaxError: Error, Sendable, Equatable {
  /// Zero-based byte offset where reading failed.
  public var offset: Int
  public var message: String
}

/// A forward-only reader of one JSON text held in memory, built for the journal's flat lines.
///
/// It allocates only for strings it returns, so the journal opens at memory speed.
struct JSONScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0
  /// How deep nested arrays and objects may go before the line is refused.
  static let depthLimit = 32

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  func fail(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(offset: index, message: message)
  }

  mutating func skipSpace() {
    while index < bytes.count {
      let byte = bytes[index]
      guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
      index += 1
    }
  }

  /// The next byte after white space, without consuming it.
  mutating func peek() -> UInt8? {
    skipSpace()
    return index < bytes.count ? bytes[index] : nil
  }

  mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
    skipSpace()
    guard index < bytes.count, bytes[index] == byte else { throw fail("expected \(what)") }
    index += 1
  }

  /// Reads `{` and reports whether the object is empty (its `}` then consumed too).
  mutating func beginObject() throws(JSONSyntaxError) -> Bool {
    try expect(0x7B, "'{'")
    if peek() == 0x7D {
      index += 1
      return false
    }
    return true
  }

  /// After a member's value: true when another member follows, false at `}`.
  mutating func nextMember() throws(JSONSyntaxError) -> Bool {
    switch peek() {
    case 0x2C:
      index += 1
      return true
    case 0x7D:
      index += 1
      return false
    default: throw fail("expected ',' or '}'")
    }
  }

  /// Reads a member's key and the colon after it.
  mutating func readKey() throws(JSONSyntaxError) -> JSONKey {
    guard peek() == 0x22 else { throw fail("expected a quoted key") }
    let key: JSONKey
    if let range = try readRawString() {
      key = JSONKey(bytes: bytes, range: range, decoded: nil)
    } else {
      key = JSONKey(bytes: bytes, range: 0..<0, decoded: try readString())
    }
    try expect(0x3A, "':' after a key")
    return key
  }

  /// Reads a string without escapes and returns its byte range; nil (nothing consumed) if it has escapes.
  mutating func readRawString() throws(JSONSyntaxError) -> Range<Int>? {
    guard peek() == 0x22 else { throw fail("expected a string") }
    let start = index + 1
    var cursor = start
    while cursor < bytes.count {
      let byte = bytes[cursor]
      if byte == 0x22 {
        index = cursor + 1
        return start..<cursor
      }
      if byte == 0x5C { return nil }
      if byte < 0x20 {
        index = cursor
        throw fail("control character in a string")
      }
      cursor += 1
    }
    index = cursor
    throw fail("unterminated string")
  }

  /// Reads a string value, decoding escapes.
  mutating func readString() throws(JSONSyntaxError) -> String {
    if let range = try readRawString() {
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
    index += 1
    var out: [UInt8] = []
    out.reserveCapacity(32)
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case 0x22:
        return String(decoding: out, as: UTF8.self)
      case 0x5C:
        guard index < bytes.count else { throw fail("unterminated escape") }
        let escaped = bytes[index]
        index += 1
        switch escaped {
        case 0x22, 0x5C, 0x2F: out.append(escaped)
        case 0x62: out.append(0x08)
        case 0x66: out.append(0x0C)
        case 0x6E: out.append(0x0A)
        case 0x72: out.append(0x0D)
        case 0x74: out.append(0x09)
        case 0x75:
          var scalar = try readHex4()
          if (0xD800...0xDBFF).contains(scalar) {
            if index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 {
              index += 2
              let low = try readHex4()
              if (0xDC00...0xDFFF).contains(low) {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
              } else {
                appendScalar(0xFFFD, to: &out)
                scalar = low
              }
            } else {
              scalar = 0xFFFD
            }
          } else if (0xDC00...0xDFFF).contains(scalar) {
            scalar = 0xFFFD
          }
          appendScalar(scalar, to: &out)
        default:
          index -= 1
          throw fail("unknown escape")
        }
      default:
        if byte < 0x20 {
          index -= 1
          throw fail("control character in a string")
        }
        out.append(byte)
      }
    }
    throw fail("unterminated string")
  }

  private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw fail("short \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
      default: throw fail("bad \\u escape")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  private func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
    var buffer: [UInt8] = []
    UTF8.encode(scalar) { buffer.append($0) }
    out.append(contentsOf: buffer)
  }

  /// Reads a number's text, checking the JSON grammar; returns its range and whether it is an integer.
  mutating func readNumberRange() throws(JSONSyntaxError) -> (Range<Int>, isInteger: Bool) {
    skipSpace()
    let start = index
    var isInteger = true
    if index < bytes.count, bytes[index] == 0x2D { index += 1 }
    guard index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 else {
      throw fail("expected a number")
    }
    if bytes[index] == 0x30 {
      index += 1
    } else {
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
    }
    if index < bytes.count, bytes[index] == 0x2E {
      isInteger = false
      index += 1
      let digitsStart = index
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
      guard index > digitsStart else { throw fail("expected digits after '.'") }
    }
    if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
      isInteger = false
      index += 1
      if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
      let digitsStart = index
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
      guard index > digitsStart else { throw fail("expected digits in the exponent") }
    }
    return (start..<index, isInteger)
  }

  /// Reads a whole number; nil when the number has a fraction or exponent or does not fit.
  mutating func readInteger() throws(JSONSyntaxError) -> Int64? {
    let (range, isInteger) = try readNumberRange()
    guard isInteger else { return nil }
    var value: Int64 = 0
    var negative = false
    for position in range {
      let byte = bytes[position]
      if byte == 0x2D {
        negative = true
        continue
      }
      let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times.addingReportingOverflow(Int64(byte - 0x30))
      if overflow1 || overflow2 { return nil }
      value = sum
    }
    return negative ? -value : value
  }

  /// Reads any number as a Double.
  mutating func readDouble() throws(JSONSyntaxError) -> Double {
    let (range, _) = try readNumberRange()
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    guard let value = Double(text) else { throw fail("number out of range") }
    return value
  }

  /// Reads `true` or `false`; nil (nothing consumed) for anything else.
  mutating func readBool() -> Bool? {
    if matchLiteral("true") { return true }
    if matchLiteral("false") { return false }
    return nil
  }

  /// Consumes `null` if it comes next.
  mutating func readNull() -> Bool { matchLiteral("null") }

  private mutating func matchLiteral(_ literal: StaticString) -> Bool {
    skipSpace()
    let count = literal.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    let pointer = literal.utf8Start
    for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
    index += count
    return true
  }

  /// Skips one value of any kind.
  mutating func skipValue(depth: Int = 0) throws(JSONSyntaxError) {
    guard depth < JSONScanner.depthLimit else { throw fail("nested too deeply") }
    switch peek() {
    case 0x22:
      if try readRawString() == nil { _ = try readString() }
    case 0x7B:
      guard try beginObject() else { return }
      repeat {
        _ = try readKey()
        try skipValue(depth: depth + 1)
      } while try nextMember()
    case 0x5B:
      index += 1
      if peek() == 0x5D {
        index += 1
        return
      }
      repeat {
        try skipValue(depth: depth + 1)
      } while try nextElement()
    case 0x74, 0x66:
      guard readBool() != nil else { throw fail("unexpected literal") }
    case 0x6E:
      guard readNull() else { throw fail("unexpected literal") }
    case .some:
      _ = try readNumberRange()
    case nil:
      throw fail("expected a value")
    }
  }

  /// Reads `[` and reports whether the array has elements.
  mutating func beginArray() throws(JSONSyntaxError) -> Bool {
    try expect(0x5B, "'['")
    if peek() == 0x5D {
      index += 1
      return false
    }
    return true
  }

  /// After an element: true when another follows, false at `]`.
  mutating func nextElement() throws(JSONSyntaxError) -> Bool {
    switch peek() {
    case 0x2C:
      index += 1
      return true
    case 0x5D:
      index += 1
      return false
    default: throw fail("expected ',' or ']'")
    }
  }

  /// Checks that only white space follows.
  mutating func expectEnd() throws(JSONSyntaxError) {
    skipSpace()
    guard index == bytes.count else { throw fail("unexpected text after the object") }
  }
}

/// An object key, compared against known names without allocating.
struct JSONKey {
  let bytes: UnsafeBufferPointer<UInt8>
  let range: Range<Int>
  let decoded: String?

  /// Whether the key spells `name`.
  func `is`(_ name: StaticString) -> Bool {
    if let decoded { return decoded == name.description }
    let count = name.utf8CodeUnitCount
    guard range.count == count else { return false }
    let pointer = name.utf8Start
    var offset = 0
    while offset < count {
      if bytes[range.lowerBound + offset] != pointer[offset] { return false }
      offset += 1
    }
    return true
  }

  /// The key as text, for messages.
  var text: String {
    decoded ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// The key's length in bytes (for dispatch).
  var length: Int { decoded?.utf8.count ?? range.count }
  /// The key's first byte (for dispatch).
  var first: UInt8 {
    if let decoded { return decoded.utf8.first ?? 0 }
    return range.isEmpty ? 0 : bytes[range.lowerBound]
  }
}
