import BorderConsole

/// Whether to use colour: decided from the terminal, forced on, or off.
public enum ColorMode: String, Sendable, Hashable, CaseIterable {
  /// Colour when the terminal has it and NO_COLOR is not set.
  case auto
  /// Colour even when NO_COLOR is set (at least 8 colours).
  case always
  /// Attributes only.
  case never
}

extension ColorMode {
  /// The colours a terminal with colour can show: truecolour when `COLORTERM` says so (or
  /// terminfo reports more than 256), else 256, 16 or 8 by terminfo's count.
  public static func depth(terminfoColors count: Int, colorTerm: String?) -> ColorDepth {
    let declared = (colorTerm ?? "").lowercased()
    if count > 256 { return .trueColor }
    if (declared == "truecolor" || declared == "24bit") && count >= 256 { return .trueColor }
    if count >= 256 { return .palette256 }
    if count >= 16 { return .sixteen }
    return .eight
  }

  /// What this mode gives on a terminal: `.none` for never, NO_COLOR or no colour in terminfo.
  public func depth(terminfoColors count: Int, colorTerm: String?, noColor: Bool) -> ColorDepth {
    switch self {
    case .never: return .none
    case .always: return count > 0 ? Self.depth(terminfoColors: count, colorTerm: colorTerm) : .eight
    case .auto:
      guard !noColor, count > 0 else { return .none }
      return Self.depth(terminfoColors: count, colorTerm: colorTerm)
    }
  }
}
