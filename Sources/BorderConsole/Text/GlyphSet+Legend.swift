/// What each mark on screen means, for the help screen's legend.
extension GlyphSet {
  /// Every mark the screen draws besides status and level glyphs, with its meaning.
  public func legend(_ l10n: Localizer = .english) -> [(glyph: String, meaning: String)] {
    [
      (selectionMark, l10n.tr("the selected row")),
      (unacknowledged, l10n.tr("an alert nobody has acknowledged (in the table: on that segment)")),
      (acknowledgedMark, l10n.tr("an open alert someone has acknowledged (who, how long ago)")),
      (resolvedMark, l10n.tr("a resolved alert")),
      (
        changedMark,
        l10n.tr("changed since you last looked (seen once selected or opened, or m; per console)")
      ),
      (newerMark, l10n.tr("N newer: alerts above the feed's selection")),
      (pointer, l10n.tr("under the strip map: the selected segment")),
      (liveDot, l10n.tr("live: time since the journal's last event")),
      (staleDot, l10n.tr("STALE: the journal has been silent too long")),
      (gaugeFull + gaugeEmpty, l10n.tr("the gauge: km agreed of the whole line")),
      (ellipsis, l10n.tr("text cut to fit (the detail shows it whole)")),
    ].filter { !$0.glyph.isEmpty }  // In ASCII, live and stale are the words alone.
  }
}
