/// A colour as a theme names it, before the terminal's colour ladder reduces it.
public enum ThemeColor: Sendable, Hashable {
  /// The terminal's own default foreground or background.
  case terminalDefault
  /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
  case ansi(UInt8)
  /// An entry of the 256-colour palette.
  case indexed(UInt8)
  /// A 24-bit colour.
  case rgb(UInt8, UInt8, UInt8)
}

/// Text attributes that survive on every terminal, with or without colour.
public struct TextAttributes: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let bold = TextAttributes(rawValue: 1)
  public static let dim = TextAttributes(rawValue: 2)
  public static let underline = TextAttributes(rawValue: 4)
  public static let reverse = TextAttributes(rawValue: 8)
  public static let italic = TextAttributes(rawValue: 16)
}

/// How a cell looks: foreground, background and attributes.
public struct CellStyle: Sendable, Hashable {
  public var foreground: ThemeColor
  public var background: ThemeColor
  public var attributes: TextAttributes

  public init(
    foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
    attributes: TextAttributes = []
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// The terminal's default look.
  public static let plain = CellStyle()
}

/// One column of the screen: a grapheme and its style.
///
/// A double-width grapheme occupies its cell and the next, which holds an empty `text`
/// (a continuation) so columns stay aligned.
public struct Cell: Sendable, Hashable {
  /// One grapheme of display width 1 or 2, or "" for the right half of a wide one.
  public var text: String
  public var style: CellStyle

  public init(_ text: String = " ", style: CellStyle = .plain) {
    self.text = text
    self.style = style
  }

  /// Whether this cell is the right half of a double-width grapheme.
  public var isContinuation: Bool { text.isEmpty }

  /// An empty cell in the plain style.
  public static let blank = Cell()
}

extension CellStyle {
  /// This style drawn on a bar: the bar's background where this has none, and the bar's
  /// reverse video (monochrome themes draw bars reversed), so it does not punch a hole in it.
  public func onBar(_ bar: CellStyle) -> CellStyle {
    var style = self
    if style.background == .terminalDefault { style.background = bar.background }
    if bar.attributes.contains(.reverse) { style.attributes.insert(.reverse) }
    return style
  }
}
