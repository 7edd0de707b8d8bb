/// Column widths of Unicode scalars and the DEC special graphics character set.
enum CharacterWidth {
  /// East Asian Wide and Fullwidth ranges that are not emoji (emoji come from `isEmojiPresentation`).
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
    0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
    0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
    0x16FF0...0x16FF1, 0x17000...0x18CD5, 0x1AFF0...0x1B2FF, 0x1F200...0x1F202,
    0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x20000...0x2FFFD,
    0x30000...0x3FFFD,
  ]

  /// Columns a scalar occupies like glibc's `wcwidth`: 0 (combining), 1 or 2; -1 for controls.
  static func columns(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return -1 }
    if value < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if (0x1160...0x11FF).contains(value) { return 0 }
    if scalar.properties.isEmojiPresentation { return 2 }
    if value < 0x1100 { return 1 }
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = wideRanges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return 2
      }
    }
    return 1
  }

  /// The DEC special graphics set (`ESC ( 0`) for 0x5F...0x7E, mapped to Unicode.
  private static let decSpecialGraphics: [Character] = Array(
    " ◆▒␉␌␍␊°±␤␋┘┐┌└┼⎺⎻─⎼⎽├┤┴┬│≤≥π≠£·")

  /// The character an ASCII byte stands for in the DEC special graphics set, if it is remapped.
  static func decGraphic(_ scalar: Unicode.Scalar) -> Character? {
    guard (0x5F...0x7E).contains(scalar.value) else { return nil }
    return decSpecialGraphics[Int(scalar.value - 0x5F)]
  }
}
