import BorderConsole

/// How theme files spell colours and attributes: parsing and the names they accept.
public enum ColorSpelling {
  /// The ANSI colour names and their indices: `black`…`white` are 0–7, `bright-black`…`bright-white` 8–15.
  public static let ansiNames: [(name: String, index: UInt8)] = {
    let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
    return base.enumerated().map { ($0.element, UInt8($0.offset)) }
      + base.enumerated().map { ("bright-" + $0.element, UInt8($0.offset + 8)) }
  }()

  /// The attribute names and their flags.
  public static let attributeNames: [(name: String, attribute: TextAttributes)] = [
    ("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse), ("italic", .italic),
  ]

  /// What a colour string means: a literal colour, a name to look up in the palette, or a mistake.
  enum Reading: Equatable {
    case color(ThemeColor)
    case name(String)
    case invalid(String)
  }

  /// The spellings, for messages.
  static let accepted = "#rrggbb, 0–255, an ANSI name such as red or bright-blue, or default"

  /// Reads a colour string: `#rrggbb`, `0`–`255`, an ANSI name, `default`, or else a (palette) name.
  static func read(_ text: String) -> Reading {
    let trimmed = text.trimmingSpaces
    if trimmed.hasPrefix("#") {
      let digits = trimmed.dropFirst()
      guard digits.count == 6, let value = UInt32(digits, radix: 16) else {
        return .invalid("'\(text)' is not a colour: use #rrggbb with six hex digits")
      }
      return .color(.rgb(UInt8(value >> 16), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)))
    }
    if !trimmed.isEmpty && trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) {
      guard let index = Int(trimmed), (0...255).contains(index) else {
        return .invalid("\(trimmed) is not a colour: palette indices run 0–255")
      }
      return .color(.indexed(UInt8(index)))
    }
    let lower = trimmed.lowercased()
    if lower == "default" { return .color(.terminalDefault) }
    if let ansi = ansiNames.first(where: { $0.name == lower }) { return .color(.ansi(ansi.index)) }
    guard !trimmed.isEmpty else { return .invalid("an empty string is not a colour (\(accepted))") }
    return .name(trimmed)
  }

  /// Reads a TOML integer as a palette index.
  static func read(number: Int) -> Reading {
    guard (0...255).contains(number) else {
      return .invalid("\(number) is not a colour: palette indices run 0–255")
    }
    return .color(.indexed(UInt8(number)))
  }

  /// The spelling a theme file would use for a colour (for messages and for writing files).
  public static func spelling(_ color: ThemeColor) -> String {
    switch color {
    case .terminalDefault: return "default"
    case .ansi(let index):
      return ansiNames.first { $0.index == index }?.name ?? String(index)
    case .indexed(let index): return String(index)
    case .rgb(let r, let g, let b): return "#" + hex(r) + hex(g) + hex(b)
    }
  }

  private static func hex(_ value: UInt8) -> String {
    let digits = String(value, radix: 16)
    return digits.count == 1 ? "0" + digits : digits
  }
}

/// Proposes the nearest known name for a misspelt one.
enum Suggestion {
  /// The candidate closest to `word` by edit distance, if close enough to be a likely typo.
  static func nearest(_ word: String, in candidates: [String]) -> String? {
    let lower = word.lowercased()
    // A role key given without its group (`disputed` for `status.disputed`).
    let suffixMatches = candidates.filter { $0.hasSuffix("." + lower) }
    if suffixMatches.count == 1 { return suffixMatches[0] }
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(lower, candidate.lowercased())
      if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    guard let best else { return nil }
    let limit = max(2, min(word.count, best.0.count) / 3)
    return best.1 <= limit && best.1 < word.count ? best.0 : nil
  }

  /// "; did you mean X?" or "".
  static func hint(_ word: String, in candidates: [String]) -> String {
    nearest(word, in: candidates).map { "; did you mean \($0)?" } ?? ""
  }

  /// Levenshtein distance.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    String(self.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
