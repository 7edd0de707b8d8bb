import BorderModel

/// The alert feed: newest first, level glyph and word, age, unacknowledged ones marked.
struct AlertFeedView {
  let context: ViewContext

  func draw(into grid: inout Grid, _ rect: Rect) {
    let c = context
    let state = c.state
    let focused = state.focus == .alerts && state.overlay == nil
    let open = c.figures.openAlerts
    let unacknowledged = c.figures.unacknowledgedAlerts
    var title = "Alerts · \(open) open"
    if unacknowledged > 0 { title += " · \(unacknowledged) unacknowledged" }
    drawPane(&grid, rect, title: title, focused: focused, context: c)
    let inner = rect.inner
    guard inner.height >= 1, inner.width >= 20 else { return }
    let alerts = c.situation.alerts
    guard !alerts.isEmpty else {
      grid.put("no alerts", row: inner.row, column: inner.column + 2, style: c.style(.muted))
      return
    }
    let visible = inner.height
    for line in 0..<visible {
      let index = state.alertScroll + line
      guard index < alerts.count else { break }
      let alert = alerts[alerts.count - 1 - index]
      let row = inner.row + line
      let selected = alert.id == state.selectedAlert
      let flashing = c.isFlashing(alert.id.rawValue)
      let base: CellStyle
      if selected && focused {
        base = c.style(.selection)
      } else if flashing {
        base = c.style(.changed)
      } else if alert.needsAcknowledgement && alert.level >= state.announceLevel {
        // An urgent alert stands out until someone acknowledges it.
        var urgent = c.style(.unacknowledged)
        urgent.attributes.insert(.reverse)
        base = urgent
      } else {
        base = alert.isOpen ? c.style(.text) : c.style(.muted)
      }
      grid.fill(Rect(row: row, column: inner.column, width: inner.width, height: 1), style: base)
      let urgent =
        !(selected && focused) && !flashing && alert.needsAcknowledgement
        && alert.level >= state.announceLevel
      func styled(_ role: Role) -> CellStyle {
        if urgent { return base }
        guard selected && focused || flashing else { return c.style(role) }
        var style = c.style(role)
        style.background = base.background
        style.attributes.formUnion(base.attributes)
        if base.background != .terminalDefault { style.foreground = base.foreground }
        return style
      }
      grid.put(selected ? c.glyphs.selectionMark : " ", row: row, column: inner.column, style: base)
      var col = inner.column + 1
      let mark: String
      if alert.needsAcknowledgement {
        mark = c.glyphs.unacknowledged
      } else if alert.isOpen {
        mark = " "
      } else {
        mark = c.glyphs.resolved
      }
      col +=
        grid.put(
          mark, row: row, column: col, style: alert.needsAcknowledgement ? styled(.unacknowledged) : base) + 1
      let wide = inner.width >= 56
      let levelText =
        wide
        ? "\(c.glyphs.level(alert.level)) \(alert.level.rawValue) \(alert.level.shortLabel)"
        : "\(c.glyphs.level(alert.level)) \(alert.level.rawValue)"
      col +=
        grid.put(
          padded: levelText, row: row, column: col, width: wide ? 14 : 4,
          style: alert.isOpen ? styled(.level(alert.level)) : base) + 1
      col +=
        grid.put(padded: alert.segment.rawValue, row: row, column: col, width: 5, style: styled(.title)) + 1
      col +=
        grid.put(
          padded: TimeText.age(alert.raisedAt, now: c.now), row: row, column: col, width: 6,
          style: styled(.muted), alignRight: true) + 1
      let summary = alert.report.text.isEmpty ? alert.report.type.label : alert.report.text
      grid.put(summary, row: row, column: col, limit: inner.right - col, style: base)
    }
  }
}
