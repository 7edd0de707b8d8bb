/// What each mark on screen means, for the help screen's legend.
extension GlyphSet {
  /// Every mark the screen draws besides status and level glyphs, with its meaning.
  public var legend: [(glyph: String, meaning: String)] {
    [
      (selectionMark, "the selected row"),
      (unacknowledged, "an alert nobody has acknowledged (in the table: on that segment)"),
      (acknowledgedMark, "an open alert someone has acknowledged (who, how long ago)"),
      (resolvedMark, "a resolved alert"),
      (changedMark, "changed since you last looked (seen once selected or opened, or m; per console)"),
      (newerMark, "N newer: alerts above the feed's selection"),
      (isASCII ? "^" : "▔", "under the strip map: the selected segment"),
      (liveDot, "live: time since the journal's last event"),
      (staleDot, "STALE: the journal has been silent too long"),
      (gaugeFull + gaugeEmpty, "the gauge: km agreed of the whole line"),
      (ellipsis, "text cut to fit (the detail shows it whole)"),
    ]
  }
}
