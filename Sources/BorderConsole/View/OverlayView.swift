import BorderModel

/// What covers the main area: the help screen or a full detail view.
struct OverlayView {
  let context: ViewContext
  let keyMap: KeyMap

  func draw(_ overlay: Overlay, into grid: inout Grid, _ rect: Rect) {
    let c = context
    guard rect.height >= 3, rect.width >= 20 else { return }
    grid.fill(rect, style: c.style(.text))
    let inner = Rect(
      row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2)
    switch overlay {
    case .help:
      HelpView(context: c, keyMap: keyMap).draw(into: &grid, rect)
    case .segmentDetail, .alertDetail, .meetingDetail:
      let content = Self.content(overlay, width: inner.width, context: c)
      let limit = max(0, (content?.lines.count ?? 0) - inner.height)
      let offset = min(c.state.overlayScroll, limit)
      drawPane(&grid, rect, title: Self.title(overlay, c.l10n), focused: true, context: c)
      content?.draw(into: &grid, inner, context: c, offset: offset)
      drawMoreMarker(
        into: &grid, rect, offset: offset, shown: inner.height, total: content?.lines.count ?? 0, context: c)
    }
  }

  /// The overlay's title: what it shows.
  /// An overlay's pane title: what it shows and how to close it.
  private static func title(_ overlay: Overlay, _ l10n: Localizer) -> String {
    switch overlay {
    case .help: return l10n.tr("Help · Esc closes")
    case .segmentDetail(let id): return l10n.tr("Segment %@ · Esc closes", id)
    case .alertDetail(let id): return l10n.tr("Alert %@ · Esc closes", id)
    case .meetingDetail: return l10n.tr("Meeting · Esc closes")
    }
  }

  /// The lines of a detail overlay, or nil when its record is not in the situation shown.
  static func content(_ overlay: Overlay, width: Int, context c: ViewContext) -> RichText? {
    switch overlay {
    case .help: return nil
    case .segmentDetail(let id):
      return c.situation.segment(id).map { DetailContent(context: c).segment($0, width: width, full: true) }
    case .alertDetail(let id):
      return c.situation.alert(id).map { DetailContent(context: c).alert($0, width: width) }
    case .meetingDetail(let id):
      return c.situation.meeting(id).map { DetailContent(context: c).meeting($0, width: width) }
    }
  }

  /// How far a detail overlay can scroll at the state's size: its lines beyond the screen.
  static func scrollLimit(_ overlay: Overlay, state: ConsoleState) -> Int {
    if overlay == .help { return HelpContent.scrollLimit(state: state) }
    let c = ViewContext(state: state, theme: .defaultDark, glyphs: .unicode)
    let rect = c.layout.main
    guard rect.height >= 3, rect.width >= 20 else { return 0 }
    let lines = content(overlay, width: rect.width - 4, context: c)?.lines.count ?? 0
    return max(0, lines - (rect.height - 2))
  }
}
