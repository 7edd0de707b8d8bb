import BorderModel

/// The pure view: turns the console's state, a theme and glyphs into a grid of styled cells.
public enum ConsoleView {
  /// Draws the whole screen for `state` at its size.
  public static func render(
    _ state: ConsoleState, theme: Theme = .defaultDark, glyphs: GlyphSet = .unicode,
    keyMap: KeyMap = .standard
  ) -> Grid {
    let size = state.size
    var grid = Grid(
      width: size.columns, height: size.rows, asciiOnly: glyphs.isASCII,
      fill: Cell(" ", style: theme.style(.text)))
    let context = ViewContext(state: state, theme: theme, glyphs: glyphs)
    let layout = context.layout
    if layout.isTooSmall {
      drawTooSmall(into: &grid, size: size, theme: theme, l10n: state.l10n)
      return grid
    }
    HeaderView(context: context).draw(into: &grid, layout.header)
    if let banner = layout.banner { BannerView(context: context).draw(into: &grid, banner) }
    LineView(context: context).draw(into: &grid, layout.line, boxed: layout.lineBoxed)
    SegmentTableView(context: context).draw(into: &grid, layout.segments)
    if let detail = layout.detail { DetailPaneView(context: context).draw(into: &grid, detail) }
    MeetingsView(context: context).draw(into: &grid, layout.meetings)
    AlertFeedView(context: context).draw(into: &grid, layout.alerts)
    if let overlay = state.overlay {
      OverlayView(context: context, keyMap: keyMap).draw(overlay, into: &grid, layout.main)
    }
    if let form = state.form {
      FormView(context: context).draw(form, into: &grid, within: layout.main)
    }
    HintBarView(context: context, keyMap: keyMap).draw(into: &grid, layout.hint)
    return grid
  }

  /// Redraws only the header row of a grid drawn before: what a clock tick within a minute changes.
  ///
  /// Everything else on screen is reckoned to the minute, so between minutes the rest of the
  /// grid `render` would draw is the same as before.
  public static func renderClock(
    _ state: ConsoleState, into grid: inout Grid, theme: Theme = .defaultDark, glyphs: GlyphSet = .unicode
  ) {
    guard grid.width == state.size.columns, grid.height == state.size.rows else {
      grid = render(state, theme: theme, glyphs: glyphs)
      return
    }
    // The seconds are the only cells a tick within the minute changes.
    if let place = grid.clockSeconds {
      let bar = theme.style(.header)
      let seconds = RFC3339.pad(DisplayZone.utc.civil(state.now).second, 2)
      grid.put(seconds, row: place.row, column: place.column, style: theme.style(.clockSeconds).onBar(bar))
      return
    }
    let context = ViewContext(state: state, theme: theme, glyphs: glyphs)
    guard !context.layout.isTooSmall else {
      grid = render(state, theme: theme, glyphs: glyphs)
      return
    }
    HeaderView(context: context).draw(into: &grid, context.layout.header)
  }

  /// The message shown instead of a garbled screen below the minimum size.
  static func drawTooSmall(into grid: inout Grid, size: ScreenSize, theme: Theme, l10n: Localizer = .english)
  {
    let minimum = ConsoleLayout.minimum
    let lines = [
      l10n.tr(
        "terminal too small: %1$d×%2$d, needs %3$d×%4$d", size.columns, size.rows, minimum.columns,
        minimum.rows),
      l10n.tr("enlarge the window, or press q to quit"),
    ]
    let top = max(0, size.rows / 2 - 1)
    for (index, line) in lines.enumerated() {
      let text = grid.asciiOnly ? line.replacingOccurrences(of: "×", with: "x") : line
      let width = DisplayWidth.of(text)
      grid.put(
        text, row: top + index, column: max(0, (size.columns - width) / 2),
        style: theme.style(index == 0 ? .error : .muted))
    }
  }
}

extension String {
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
