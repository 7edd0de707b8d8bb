/// Whether to use colour: decided from the terminal, forced on, or off.
public enum ColorMode: String, Sendable, Hashable, CaseIterable {
  /// Colour when the terminal has it and NO_COLOR is not set.
  case auto
  /// Colour even when NO_COLOR is set (at least 8 colours).
  case always
  /// Attributes only.
  case never
}
