/// The text format being mutated: the same byte-level mutations, with values spelled for that format.
enum FuzzFormat {
  case jsonLine
  case toml
}

/// A value's place in a text: a quoted string, a number, or a bare word (true, null, inf…).
struct FuzzToken {
  enum Kind { case string, number, word }
  var kind: Kind
  /// The bytes of the token, quotes included for strings.
  var range: Range<Int>
}

/// Mutates journal lines and TOML files the way the reviewer's fuzzers did (reliability.md §2a–2c):
/// bit flips, truncation, splicing, byte insert/delete, extreme numbers, string and type swaps,
/// deep nesting, invalid UTF-8, NUL, BOM and CRLF, plus line-level edits for TOML.
struct Mutator {
  var format: FuzzFormat
  /// Inputs are cut to this many bytes, so every case stays small and quick.
  var sizeLimit: Int
  /// Other inputs to splice from.
  var donors: [[UInt8]]

  /// Applies 1–4 mutations; returns the result and a description of each step.
  func mutate(_ input: [UInt8], _ random: inout FuzzRandom) -> (bytes: [UInt8], steps: [String]) {
    var bytes = input
    var steps: [String] = []
    for _ in 0..<random.int(1...4) {
      let step = mutateOnce(&bytes, &random)
      steps.append(step)
      if bytes.count > sizeLimit { bytes.removeLast(bytes.count - sizeLimit) }
    }
    return (bytes, steps)
  }

  // swift-format-ignore
  /// One mutation, chosen at random; returns its description.
  func mutateOnce(_ bytes: inout [UInt8], _ random: inout FuzzRandom) -> String {
    let tokens = Self.tokens(bytes)
    let choice = random.int(0..<(format == .toml ? 19 : 16))
    switch choice {
    case 0:
      guard !bytes.isEmpty else { return "bit flip (empty)" }
      let at = random.int(0..<bytes.count)
      let bit = UInt8(1) << UInt8(random.int(0..<8))
      bytes[at] ^= bit
      return "bit flip at \(at)"
    case 1:
      let at = random.int(0...bytes.count)
      bytes.removeLast(bytes.count - at)
      return "truncate at \(at)"
    case 2:
      let donor = random.pick(donors.isEmpty ? [bytes] : donors)
      let cut = random.int(0...bytes.count)
      let from = random.int(0...donor.count)
      bytes = Array(bytes[..<cut]) + donor[from...]
      return "splice at \(cut) from another input at \(from)"
    case 3:
      let at = random.int(0...bytes.count)
      let inserted = (0..<random.int(1...4)).map { _ in random.pick(Self.interestingBytes) }
      bytes.insert(contentsOf: inserted, at: at)
      return "insert \(inserted) at \(at)"
    case 4:
      guard !bytes.isEmpty else { return "delete (empty)" }
      let at = random.int(0..<bytes.count)
      let count = min(random.int(1...8), bytes.count - at)
      bytes.removeSubrange(at..<(at + count))
      return "delete \(count) at \(at)"
    case 5:
      let numbers = tokens.filter { $0.kind == .number }
      let value = random.pick(format == .toml ? Self.extremeNumbers + Self.tomlNumbers : Self.extremeNumbers)
      guard !numbers.isEmpty else {
        return insertMember(&bytes, &random, value: value)
      }
      let token = random.pick(numbers)
      bytes.replaceSubrange(token.range, with: Array(value.utf8))
      return "number \(value) at \(token.range.lowerBound)"
    case 6:
      let strings = tokens.filter { $0.kind == .string }
      guard !strings.isEmpty else { return "string swap (none)" }
      let token = random.pick(strings)
      let value = random.pick(Self.interestingStrings)
      bytes.replaceSubrange((token.range.lowerBound + 1)..<(token.range.upperBound - 1), with: value)
      return "string at \(token.range.lowerBound) := \(printable(value, limit: 40))"
    case 7:
      guard !tokens.isEmpty else { return "type swap (none)" }
      let token = random.pick(tokens)
      let value = random.pick(format == .toml ? Self.tomlValues : Self.jsonValues)
      bytes.replaceSubrange(token.range, with: Array(value.utf8))
      return "type swap at \(token.range.lowerBound) := \(value)"
    case 8:
      guard !tokens.isEmpty else { return "nesting (none)" }
      let token = random.pick(tokens)
      let depth = random.pick([8, 31, 32, 33, 64, 257, 1000, 3000])
      let object = format == .jsonLine && random.chance(0.5)
      let open = object ? Array(#"{"a":"#.utf8) : [0x5B]
      let close: [UInt8] = object ? [0x7D] : [0x5D]
      let inner = Array(bytes[token.range])
      let wrapped = Array([[UInt8]](repeating: open, count: depth).joined()) + inner
        + Array([[UInt8]](repeating: close, count: depth).joined())
      bytes.replaceSubrange(token.range, with: wrapped)
      return "nest \(depth) deep (\(object ? "objects" : "arrays")) at \(token.range.lowerBound)"
    case 9:
      let sequence = random.pick(Self.invalidUTF8)
      let strings = tokens.filter { $0.kind == .string && $0.range.count >= 2 }
      let at: Int
      if strings.isEmpty || random.chance(0.2) {
        at = random.int(0...bytes.count)
      } else {
        let token = random.pick(strings)
        at = random.int((token.range.lowerBound + 1)..<token.range.upperBound)
      }
      bytes.insert(contentsOf: sequence, at: at)
      return "invalid UTF-8 \(sequence) at \(at)"
    case 10:
      let at = random.int(0...bytes.count)
      bytes.insert(0x00, at: at)
      return "NUL at \(at)"
    case 11:
      bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
      return "BOM"
    case 12:
      if random.chance(0.5) {
        bytes.append(0x0D)
        return "CR at the end"
      }
      let at = random.int(0...bytes.count)
      bytes.insert(contentsOf: [0x0D, 0x0A], at: at)
      return "CRLF at \(at)"
    case 13:
      return insertMember(&bytes, &random, value: nil)
    case 14:
      // Remove one member: from a comma to the next one.
      let commas = bytes.indices.filter { bytes[$0] == 0x2C || bytes[$0] == 0x0A }
      guard commas.count >= 2 else { return "remove member (none)" }
      let first = random.int(0..<(commas.count - 1))
      bytes.removeSubrange(commas[first]..<commas[first + 1])
      return "remove member at \(commas[first])"
    case 15:
      guard !bytes.isEmpty else { return "repeat (empty)" }
      let at = random.int(0..<bytes.count)
      let count = min(random.int(1...64), bytes.count - at)
      let times = random.pick([2, 10, 100])
      let chunk = Array(bytes[at..<(at + count)])
      bytes.insert(contentsOf: Array([[UInt8]](repeating: chunk, count: times).joined()), at: at)
      return "repeat \(count) bytes ×\(times) at \(at)"
    case 16:
      var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
      guard lines.count > 1 else { return "line edit (one line)" }
      let index = random.int(0..<lines.count)
      switch random.int(0..<3) {
      case 0:
        lines.remove(at: index)
        bytes = Array(lines.joined(separator: [0x0A]))
        return "delete line \(index + 1)"
      case 1:
        lines.insert(lines[index], at: index)
        bytes = Array(lines.joined(separator: [0x0A]))
        return "duplicate line \(index + 1)"
      default:
        let other = random.int(0..<lines.count)
        lines.swapAt(index, other)
        bytes = Array(lines.joined(separator: [0x0A]))
        return "swap lines \(index + 1) and \(other + 1)"
      }
    case 17:
      // Duplicate a whole [[table]] record, keeping its id: a duplicate ID.
      let text = bytes
      let headers = text.indices.filter { $0 + 1 < text.count && text[$0] == 0x5B && text[$0 + 1] == 0x5B && ($0 == 0 || text[$0 - 1] == 0x0A) }
      guard let start = headers.isEmpty ? nil : random.pick(headers) else { return "duplicate record (none)" }
      let end = headers.first { $0 > start } ?? text.count
      bytes.insert(contentsOf: text[start..<end], at: end)
      return "duplicate record at \(start)"
    default:
      let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
      let index = random.int(0...lines.count)
      let line = random.pick(Self.tomlLines)
      var result = Array(lines.prefix(index).joined(separator: [0x0A]))
      if index > 0 { result.append(0x0A) }
      result += Array(line.utf8) + [0x0A]
      result += Array(lines.dropFirst(index).joined(separator: [0x0A]))
      bytes = result
      return "insert line \(index + 1): \(line.prefix(40))"
    }
  }

  /// Inserts a member (JSON) or a key (TOML), with `value` or one of the interesting members.
  private func insertMember(_ bytes: inout [UInt8], _ random: inout FuzzRandom, value: String?) -> String {
    switch format {
    case .jsonLine:
      let member =
        value.map { "\"\(random.pick(Self.numberFields))\":\($0)" } ?? random.pick(Self.jsonMembers)
      if let brace = bytes.firstIndex(of: 0x7B) {
        bytes.insert(contentsOf: Array((member + ",").utf8), at: brace + 1)
      } else {
        bytes = Array("{\(member)}".utf8) + bytes
      }
      return "member \(member.prefix(40))"
    case .toml:
      let line = value.map { "\(random.pick(Self.tomlNumberKeys)) = \($0)" } ?? random.pick(Self.tomlLines)
      let newlines = bytes.indices.filter { bytes[$0] == 0x0A }
      let at = newlines.isEmpty ? bytes.count : random.pick(newlines) + 1
      bytes.insert(contentsOf: Array((line + "\n").utf8), at: at)
      return "line \(line.prefix(40))"
    }
  }

  /// The strings, numbers and bare words of a text, found without parsing it.
  static func tokens(_ bytes: [UInt8]) -> [FuzzToken] {
    var tokens: [FuzzToken] = []
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x22 {
        var end = index + 1
        while end < bytes.count, bytes[end] != 0x22, bytes[end] != 0x0A {
          end += bytes[end] == 0x5C ? 2 : 1
        }
        if end < bytes.count, bytes[end] == 0x22 {
          tokens.append(FuzzToken(kind: .string, range: index..<(end + 1)))
        }
        index = end + 1
      } else if byte == 0x2D || (0x30...0x39).contains(byte) {
        var end = index + 1
        while end < bytes.count, Self.numberBytes.contains(bytes[end]) { end += 1 }
        tokens.append(FuzzToken(kind: .number, range: index..<end))
        index = end
      } else if (0x61...0x7A).contains(byte), index == 0 || !Self.wordBytes.contains(bytes[index - 1]) {
        var end = index + 1
        while end < bytes.count, Self.wordBytes.contains(bytes[end]) { end += 1 }
        tokens.append(FuzzToken(kind: .word, range: index..<end))
        index = end
      } else {
        index += 1
      }
    }
    return tokens
  }

  private static let numberBytes = Set(Array("0123456789.eE+-_:TZ".utf8))
  private static let wordBytes = Set(
    Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.".utf8))

  static let interestingBytes: [UInt8] =
    Array(#"{}[]",:\u0 e-.9#='"#.utf8) + [0x00, 0x0A, 0x0D, 0x09, 0x1B, 0x7F, 0x80, 0xC0, 0xFF, 0xE2]

  static let extremeNumbers = [
    "1e308", "-1e308", "1.7976931348623157e308", "1e309", "1e400", "-1e400", "9.3e17", "1e18", "1e300",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808", "18446744073709551615",
    "99999999999999999999", "-1", "-0", "0", "0.0", "5e-324", "1e-400", "2147483647", "2147483648",
    "4294967296", "1.5", "00", "1.", ".5", "+1", "0x10", "NaN", "Infinity", "-Infinity", "1e", "6", "3",
    "9007199254740993", "-0.0", "1E+2",
  ]
  static let tomlNumbers = [
    "inf", "-inf", "+inf", "nan", "-nan", "1_000", "0o17", "0b101", "1979-05-27T07:32:00Z", "07:32:00",
  ]
  static let numberFields = ["seq", "km", "level", "protocol", "killed", "x"]
  static let tomlNumberKeys = ["length_km", "level", "order", "km", "west", "east", "lat", "lon"]

  static let jsonValues = [
    "null", "true", "false", "[]", "{}", "[1,[2]]", #"{"a":1}"#, "0", "-1", #""x""#, #""""#, "1e308",
    #"["A-01","B-01"]"#, #"{"KG":{"killed":[1,2]},"TJ":{"injured":3}}"#, #"{"KG":{"killed":[5,2]}}"#,
    #"{"XX":{}}"#,
  ]
  static let tomlValues = [
    "true", "false", "[]", "{}", "[1, [2]]", "{ a = 1 }", "0", "-1", #""x""#, #""""#, "1e308", "inf", "nan",
    "1979-05-27T07:32:00Z", "1979-05-27", "07:32:00", #"["A-01", "B-01"]"#, "'literal'", #""""multi""""#,
    "[1e300, 70.5]", "[40.0]", "[\"a\", 1]",
  ]

  static let jsonMembers = [
    #""seq":1"#, #""seq":9223372036854775807"#, #""type":"note""#, #""type":"alert.raised""#,
    #""extra":{"a":[1,2,{"b":null}]}"#, #""claims":{"KG":{"killed":[5,2]}}"#, #""km":1e308"#,
    #""at":"9999-12-31T23:59:59Z""#, #""at":"2024-01-10T04:00:00""#, #""text":"""#, #""alert":"""#,
    #""segment":"A-01""#, #""alert":"AL-1""#, #""meeting":"M-TOPO-CURRENT""#, #""level":5"#,
    #""illustrative":"x""#, #""agenda":["A-01","Z-99"]"#, #""by":"\u001b]52;c;SGVsbG8=\u0007""#,
  ]

  static let tomlLines = [
    "length_km = 1e18", "length_km = 1e300", "length_km = -1", "length_km = nan", "length_km = inf",
    "length_km = 0", "[[segment]]", #"id = "A-01""#, #"id = """#, "a.b.c.d.e.f.g = 1",
    "x = " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
    "west = [1e300, 70.5]", "east = [\"n\", 1]", #""\u001b[31m" = 1"#, #"sector = "nowhere""#, "status = 5",
    #"level = "high""#, "[roles]", "[palette]", ##"fg = "#zzz""##, #"attrs = ["blink", "nope"]"#,
    #"title = "\u001b]0;PWNED\u0007""#, "[[meeting]]", #"start = "2024-01-10T04:00:00""#,
    "start = 2024-01-10T04:00:00Z", "end = 1979-05-27T07:32:00Z", #"agenda = ["Z-99"]"#, "sample = \"yes\"",
    "[[checkpoint]]", #"status = "ajar""#, "= 1", "[", "key = ", #"k = "unterminated"#, "[a]\n[a]",
    "name = 7", #"description = "\u0000""#, "[roles.header]", #"[roles."x\u001b"]"#, "fg = 300",
  ]

  static let interestingStrings: [[UInt8]] = {
    var strings: [[UInt8]] = [
      "", "A-01", "A-02", "B-01", "E-04", "Z-99", "AL-1", "M-2", "M-TOPO-CURRENT", "kyzyl-bel", "KG", "TJ",
      "alert.raised", "alert.ack", "alert.level", "alert.resolved", "segment.status", "segment.level",
      "meeting.scheduled", "meeting.held", "meeting.started", "meeting.postponed", "meeting.cancelled",
      "meeting.rescheduled", "checkpoint.status", "note", "drone.sighting", "disputed", "demarcated",
      "closed", "co-chairs", "shelling", "confirmed", #"\u001b]52;c;SGVsbG8=\u0007"#, #"\u001b[2J\u009b31m"#,
      #"\ud800"#, #"\udc00x"#, #"\ud83d\ude00"#, #"\u0000"#, #"\x"#, "\\", "\t", "Баткенский",
      "2024-01-10T04:00:00",
      "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "1900-01-01T00:00:00Z", "2024-02-30T00:00:00Z",
      "2024-01-10T04:00:00+14:00", "2024-01-10T04:00:00.123456789Z", "2024-01-10T04:00:00-23:59",
      "‮evil‬", "👨‍👩‍👧‍👦🇰🇬🇹🇯🏳️‍🌈👍🏽", "e\u{301}\u{301}\u{301}", "#ff0000", "red", "bold",
    ].map { Array($0.utf8) }
    strings.append(Array(repeating: 0x57, count: 2000))
    strings.append(Array(String(repeating: "漢", count: 300).utf8))
    strings.append(Array(String(repeating: "\u{200D}", count: 100).utf8))
    return strings
  }()

  static let invalidUTF8: [[UInt8]] = [
    [0xFF], [0xFE], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xC3],
    [0xF0, 0x9F, 0x98], [0xEF, 0xBF, 0xBE],
  ]
}
