import BorderConsole

/// Column widths of Unicode scalars and the DEC special graphics character set.
enum CharacterWidth {
  /// Columns a scalar occupies as the terminal lays it out: 0 (combining), 1 or 2; -1 for
  /// controls. The width table is the console's own (`DisplayWidth`, generated from `wcwidth`),
  /// so the emulator and the view cannot disagree.
  static func columns(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return -1 }
    return DisplayWidth.of(scalar)
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
