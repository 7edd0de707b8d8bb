/// The alert feed's marks, distinct from each other and without colour.
extension GlyphSet {
  /// Marks an open alert someone has acknowledged.
  public var acknowledgedMark: String { isASCII ? "v" : "✓" }
  /// Marks a resolved alert.
  public var resolvedMark: String { isASCII ? "x" : "×" }
  /// Points at newer alerts above the visible rows: `3 newer ↑`.
  public var newerMark: String { isASCII ? "^" : "↑" }
}
