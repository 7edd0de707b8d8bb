/// What each mark on screen means, for the help screen's legend.
extension GlyphSet {
  /// Every mark the screen draws besides status and level glyphs, with its meaning.
  public var legend: [(glyph: String, meaning: String)] {
    [
      (selectionMark, "the selected row"),
      (unacknowledged, "an alert nobody has acknowledged (in the table: on that segment)"),
      (isASCII ? "v" : "✓", "a resolved alert"),
      (" ", "(blank mark) an open alert someone has acknowledged"),
      (changedMark, "a row that changed a moment ago"),
      (isASCII ? "^" : "▔", "under the strip map: the selected segment"),
      (liveDot, "live: time since the journal's last event"),
      (staleDot, "STALE: the journal has been silent too long"),
      (gaugeFull + gaugeEmpty, "the gauge: km agreed of the whole line"),
      (ellipsis, "text cut to fit (the detail shows it whole)"),
    ]
  }
}
