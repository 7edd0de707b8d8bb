/// Makes text from data safe to put on a terminal: no byte of it can act as a control sequence.
///
/// Control characters become visible placeholders (the Unicode control pictures, or `^X`
/// notation in ASCII mode); bidirectional overrides, which can reorder what an operator
/// reads, are shown as `�`; everything else passes.
public enum Sanitizer {
  /// The safe, single-line form of `text`.
  ///
  /// Emoji sequences that terminals join in different ways are taken apart so every terminal
  /// gives them the same columns (F21): joiners (ZWJ), variation selectors, skin-tone modifiers
  /// and tag characters are dropped, and a flag's regional indicators become its letters
  /// (🇰🇬 → `KG`).
  public static func clean(_ text: String, ascii: Bool = false) -> String {
    if isPlain(text, ascii: ascii) { return text }
    return placeholders(text, ascii: ascii, transliterate: ascii, keepLineFeeds: false)
  }

  /// The safe form of lines of text for a command's output: line feeds stay, every other control
  /// character becomes its placeholder (`^X` notation when `ascii`), and other characters pass
  /// unchanged, Cyrillic included.
  public static func cleanLines(_ text: String, ascii: Bool = false) -> String {
    if isPlain(text, ascii: false, allowingLineFeeds: true) { return text }
    return placeholders(text, ascii: ascii, transliterate: false, keepLineFeeds: true)
  }

  private static func placeholders(_ text: String, ascii: Bool, transliterate: Bool, keepLineFeeds: Bool)
    -> String
  {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var previousWasCarriageReturn = false
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if previousWasCarriageReturn {
        // A carriage return is kept only as the first half of a CR LF line end.
        previousWasCarriageReturn = false
        if value == 0x0A {
          out.unicodeScalars.append(Unicode.Scalar(0x0D))
        } else {
          out += ascii ? "^M" : "\u{240D}"
        }
      }
      switch value {
      case 0x0A where keepLineFeeds:
        out.unicodeScalars.append(scalar)
      case 0x0D where keepLineFeeds:
        previousWasCarriageReturn = true
      case 0x00...0x1F:
        if ascii {
          out += "^" + String(UnicodeScalar(UInt8(value + 0x40)))
        } else {
          out.unicodeScalars.append(Unicode.Scalar(0x2400 + value)!)
        }
      case 0x7F:
        out += ascii ? "^?" : "\u{2421}"
      case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0xFFF9...0xFFFB:
        out += ascii ? "?" : "\u{FFFD}"
      case 0x200D, 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF,
        0xE0020...0xE007F where !keepLineFeeds:
        continue
      case 0x1F1E6...0x1F1FF where !keepLineFeeds:
        out.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(value - 0x1F1E6)))
      default:
        if transliterate && value > 0x7E {
          out += Transliteration.ascii(scalar)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    if previousWasCarriageReturn { out += ascii ? "^M" : "\u{240D}" }
    return out
  }

  /// Whether the text needs no change (the common case, checked fast).
  static func isPlain(_ text: String, ascii: Bool, allowingLineFeeds: Bool = false) -> Bool {
    for byte in text.utf8 {
      if byte == 0x0A && allowingLineFeeds { continue }
      if byte < 0x20 || byte == 0x7F { return false }
      if byte >= 0x80 {
        if ascii { return false }
        // C1 controls are U+0080–U+009F: encoded as C2 80 … C2 9F; bidi controls begin E2 80 / E2 81.
        // The rest of the text is checked scalar by scalar: C0 controls may still follow.
        return !text.unicodeScalars.contains { scalar in
          let value = scalar.value
          if value < 0x20 { return !(allowingLineFeeds && value == 0x0A) }
          if value < 0x7F { return false }
          if value <= 0x9F { return true }
          if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || (0xFFF9...0xFFFB).contains(value)
          {
            return true
          }
          // Emoji joining, for the console's form (command output keeps them).
          return !allowingLineFeeds
            && (value == 0x200D || value == 0xFE0E || value == 0xFE0F || (0x1F1E6...0x1F1FF).contains(value)
              || (0x1F3FB...0x1F3FF).contains(value) || (0xE0020...0xE007F).contains(value))
        }
      }
    }
    return true
  }
}

/// Latin forms for Cyrillic and typographic characters, for terminals that cannot show UTF-8.
public enum Transliteration {
  private static let cyrillic: [UInt32: String] = [
    0x410: "A", 0x411: "B", 0x412: "V", 0x413: "G", 0x414: "D", 0x415: "E", 0x401: "Yo",
    0x416: "Zh", 0x417: "Z", 0x418: "I", 0x419: "Y", 0x41A: "K", 0x41B: "L", 0x41C: "M",
    0x41D: "N", 0x41E: "O", 0x41F: "P", 0x420: "R", 0x421: "S", 0x422: "T", 0x423: "U",
    0x424: "F", 0x425: "Kh", 0x426: "Ts", 0x427: "Ch", 0x428: "Sh", 0x429: "Shch", 0x42A: "",
    0x42B: "Y", 0x42C: "", 0x42D: "E", 0x42E: "Yu", 0x42F: "Ya", 0x4A2: "Ng", 0x4E8: "O",
    0x4AE: "U", 0x492: "Gh", 0x49A: "Q", 0x4B2: "H", 0x4B6: "J", 0x4E2: "I", 0x4EE: "U",
  ]

  /// An ASCII stand-in for one scalar.
  public static func ascii(_ scalar: Unicode.Scalar) -> String {
    let value = scalar.value
    if value < 0x80 { return String(scalar) }
    if let upper = cyrillic[value] { return upper }
    // Lower-case Cyrillic sits 0x20 above the capitals (0x450 block: +0x50).
    if (0x430...0x44F).contains(value), let base = cyrillic[value - 0x20] { return base.lowercased() }
    if value == 0x451 { return "yo" }
    if (0x4A0...0x4FF).contains(value), value % 2 == 1, let base = cyrillic[value - 1] {
      return base.lowercased()
    }
    switch value {
    case 0x2013, 0x2014, 0x2212: return "-"
    case 0x2018, 0x2019, 0x2032: return "'"
    case 0x201C, 0x201D, 0x2033: return "\""
    case 0x2026: return "..."
    case 0x00B0: return "deg"
    // The middle dot separates parts of a title; `*` marks an unacknowledged alert (ux.md bug 16).
    case 0x00B7: return "|"
    case 0x2022: return "*"
    case 0x2192: return "->"
    case 0x2190: return "<-"
    case 0x2191: return "^"
    case 0x2193: return "v"
    case 0x258F: return "_"
    case 0x2714, 0x2713: return "v"
    case 0x25B6: return ">"
    case 0x00D7: return "x"
    case 0x2264: return "<="
    case 0x2265: return ">="
    case 0x2248: return "~"
    case 0x00A0: return " "
    default: return "?"
    }
  }

  /// The ASCII form of a whole string.
  public static func ascii(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars { out += ascii(scalar) }
    return out
  }
}
