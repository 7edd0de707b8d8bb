/// How many terminal columns text takes: the one width table of the console, its test
/// emulator and ncurses (`WidthTable`, generated from the C library's `wcwidth`).
public enum DisplayWidth {
  /// Columns taken by one Unicode scalar: 0 (controls, combining marks, joiners), 1, or 2 (wide).
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0xA0 { return value < 0x20 || value >= 0x7F ? 0 : 1 }
    if contains(WidthTable.zero, value) { return 0 }
    return value >= 0x1100 && contains(WidthTable.wide, value) ? 2 : 1
  }

  /// Columns taken by one grapheme cluster, as a terminal lays it out: scalar by scalar.
  public static func of(_ character: Character) -> Int {
    var width = 0
    for scalar in character.unicodeScalars { width += of(scalar) }
    return width
  }

  /// Columns taken by a string (scalar by scalar, as terminals count).
  public static func of(_ text: String) -> Int {
    var total = 0
    var ascii = true
    for byte in text.utf8 where byte >= 0x80 {
      ascii = false
      break
    }
    if ascii { return text.utf8.count }
    for scalar in text.unicodeScalars { total += of(scalar) }
    return total
  }

  /// Whether a value lies in one of the sorted, disjoint ranges (binary search).
  private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
    var low = 0
    var high = ranges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = ranges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }
}

extension String {
  /// The string padded with spaces to `width` display columns (unchanged if already as wide).
  func padded(to width: Int) -> String {
    let current = DisplayWidth.of(self)
    return current >= width ? self : self + String(repeating: " ", count: width - current)
  }
}
