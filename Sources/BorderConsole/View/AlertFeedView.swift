import BorderModel

/// The alert feed: newest first, in the chosen view; level glyph and word, age, who acknowledged
/// or resolved and when, the time of day where there is room; unacknowledged and unseen rows marked.
struct AlertFeedView {
  let context: ViewContext

  /// The columns the feed has room for at a width.
  struct Columns {
    var whoWidth = 0
    var wideLevel = false
    var timeWidth = 0
    var showsDay = false

    init(width: Int) {
      if width >= 46 { whoWidth = 10 }
      wideLevel = width >= 66
      if width >= 80 { timeWidth = 11 }
      if width >= 100 {
        timeWidth = 18
        showsDay = true
      }
    }
  }

  func draw(into grid: inout Grid, _ rect: Rect) {
    let c = context
    let state = c.state
    let focused = state.focus == .alerts && state.overlay == nil
    let inner = rect.inner
    let columns = Columns(width: inner.width)
    let newer = state.newerAboveSelection
    let newerText = newer > 0 ? " " + c.l10n.tr("%1$d newer %2$@", newer, c.glyphs.newerMark) + " " : ""
    let room = rect.width - 6 - DisplayWidth.of(newerText)
    drawPane(&grid, rect, title: fitted(title(columns, room: room), room), focused: focused, context: c)
    if newer > 0 {
      grid.put(
        newerText, row: rect.row, column: rect.right - 2 - DisplayWidth.of(newerText),
        style: c.style(.unacknowledged))
    }
    guard inner.height >= 1, inner.width >= 20 else { return }
    let count = state.feedCount
    guard count > 0 else {
      grid.put(
        emptyText, row: inner.row, column: inner.column + 2, limit: inner.width - 2, style: c.style(.muted))
      return
    }
    let visible = inner.height
    for line in 0..<visible {
      let index = state.alertSelection.offset + line
      guard let alert = state.feedAlert(atRow: index) else { break }
      drawRow(&grid, alert, row: inner.row + line, inner: inner, columns: columns, focused: focused)
    }
    if count > visible {
      let text =
        " "
        + c.l10n.tr(
          "%1$d–%2$d of %3$d", state.alertSelection.offset + 1,
          min(count, state.alertSelection.offset + visible), count)
        + " "
      grid.put(
        text, row: rect.bottom - 1, column: rect.right - 2 - DisplayWidth.of(text), style: c.style(.muted))
    }
  }

  /// The pane title: the view and how many it lists, what narrows it, and the counts; where
  /// room is short, the view and its count come first and the rest goes.
  func title(_ columns: Columns, room: Int) -> String {
    let full = fullTitle(columns)
    guard DisplayWidth.of(full) > room else { return full }
    let state = context.state
    let l10n = context.l10n
    let view = l10n.tr("%1$@ (%2$d)", context: "feed view", state.feed.view.label(l10n), state.feedCount)
    let short =
      (state.feed.segment.map { l10n.tr("Alerts on %@", $0.rawValue) } ?? l10n.tr("Alerts")) + " · " + view
    let unacknowledged = context.figures.unacknowledgedAlerts
    if unacknowledged > 0 && state.feed.view != .unacknowledged && !state.feed.isNarrowed {
      let counted = short + " · " + l10n.tr("%d unacked", context: "alerts", unacknowledged)
      if DisplayWidth.of(counted) <= room { return counted }
    }
    if DisplayWidth.of(short) <= room { return short }
    return state.feed.segment.map { "\($0) · \(view)" } ?? view
  }

  /// The title when there is room for all of it.
  func fullTitle(_ columns: Columns) -> String {
    let state = context.state
    let l10n = context.l10n
    let feed = state.feed
    var title = feed.segment.map { l10n.tr("Alerts on %@", $0.rawValue) } ?? l10n.tr("Alerts")
    title += " · " + l10n.tr("%1$@ (%2$d)", context: "feed view", feed.view.label(l10n), state.feedCount)
    if !feed.text.isEmpty || (state.isEditingFilter && state.focus == .alerts) {
      title += " · " + l10n.tr("\"%@\"", context: "quoted", feed.text)
    }
    if feed.isNarrowed {
      title += " · " + (feed.segment != nil ? l10n.tr("Esc: every segment") : l10n.tr("Esc clears"))
      return title
    }
    let open = context.figures.openAlerts
    let unacknowledged = context.figures.unacknowledgedAlerts
    if feed.view != .open { title += " · " + l10n.tr("%d open", context: "alerts", open) }
    if unacknowledged > 0 && feed.view != .unacknowledged {
      title += " · " + l10n.tr("%d unacknowledged", context: "alerts", unacknowledged)
    }
    if columns.timeWidth > 0 { title += " · " + l10n.tr("times BIS/DUS") }
    return title
  }

  /// What an empty feed says, and how to see more.
  var emptyText: String {
    let feed = context.state.feed
    let l10n = context.l10n
    if !feed.text.isEmpty { return l10n.tr("no alert matches \"%@\" — Esc clears", feed.text) }
    if let segment = feed.segment?.rawValue {
      switch feed.view {
      case .all: return l10n.tr("no alerts on %@ — Esc: every segment", segment)
      case .open: return l10n.tr("no open alerts on %@ — Esc: every segment", segment)
      case .unacknowledged: return l10n.tr("no unacknowledged alerts on %@ — Esc: every segment", segment)
      case .atLeast(let level):
        return l10n.tr("no level ≥ %1$d alerts on %2$@ — Esc: every segment", level.rawValue, segment)
      }
    }
    switch feed.view {
    case .all: return l10n.tr("no alerts")
    case .open: return l10n.tr("no open alerts — v: next view")
    case .unacknowledged: return l10n.tr("no unacknowledged alerts — v: next view")
    case .atLeast(let level):
      return l10n.tr("no open alerts at level %d or above — v: next view", level.rawValue)
    }
  }

  func drawRow(
    _ grid: inout Grid, _ alert: Alert, row: Int, inner: Rect, columns: Columns, focused: Bool
  ) {
    let c = context
    let state = c.state
    let selected = alert.id == state.alertSelection.selected
    let flashing = c.isFlashing(alert.id.rawValue)
    let unseen = c.isUnseen(alert.id.rawValue)
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
      !(selected && focused) && !flashing && alert.needsAcknowledgement && alert.level >= state.announceLevel
    func styled(_ role: Role) -> CellStyle {
      if urgent { return base }
      guard selected && focused || flashing else { return c.style(role) }
      var style = c.style(role)
      style.background = base.background
      style.attributes.formUnion(base.attributes)
      if base.background != .terminalDefault { style.foreground = base.foreground }
      return style
    }
    // The first column: the selection, else a change the operator has not seen yet.
    let lead = selected ? c.glyphs.selectionMark : (unseen ? c.glyphs.changedMark : " ")
    grid.put(lead, row: row, column: inner.column, style: unseen && !selected ? styled(.changed) : base)
    var col = inner.column + 1
    let mark: String
    let markStyle: CellStyle
    if alert.needsAcknowledgement {
      mark = c.glyphs.unacknowledged
      markStyle = styled(.unacknowledged)
    } else if alert.isOpen {
      mark = c.glyphs.acknowledgedMark
      markStyle = base
    } else {
      mark = c.glyphs.resolvedMark
      markStyle = base
    }
    col += grid.put(mark, row: row, column: col, style: markStyle) + 1
    let levelText =
      columns.wideLevel
      ? "\(c.glyphs.level(alert.level)) \(alert.level.rawValue) \(c.l10n.shortLevel(alert.level))"
      : "\(c.glyphs.level(alert.level)) \(alert.level.rawValue)"
    col +=
      grid.put(
        padded: levelText, row: row, column: col, width: columns.wideLevel ? 14 : 4,
        style: alert.isOpen ? styled(.level(alert.level)) : base) + 1
    col +=
      grid.put(padded: alert.segment.rawValue, row: row, column: col, width: 5, style: styled(.title)) + 1
    col +=
      grid.put(
        padded: TimeText.age(alert.raisedAt, now: c.now, c.l10n), row: row, column: col, width: 6,
        style: styled(.muted), alignRight: true) + 1
    if columns.whoWidth > 0 {
      col +=
        grid.put(
          padded: who(alert, width: columns.whoWidth), row: row, column: col, width: columns.whoWidth,
          style: styled(.muted)) + 1
    }
    if columns.timeWidth > 0 {
      let time = alert.raisedAt
      let clock = "\(DisplayZone.bishkek.clock(time))/\(DisplayZone.dushanbe.clock(time))"
      let text = columns.showsDay ? "\(TimeText.day(time, .bishkek, c.l10n)) \(clock)" : clock
      col +=
        grid.put(padded: text, row: row, column: col, width: columns.timeWidth, style: styled(.muted)) + 1
    }
    let summary = alert.report.text.isEmpty ? c.l10n.alertType(alert.report.type) : alert.report.text
    grid.put(summary, row: row, column: col, limit: inner.right - col, style: base)
  }

  /// Who acknowledged (or resolved) the alert and how long ago, in `width` columns: `alice 3m`.
  func who(_ alert: Alert, width: Int) -> String {
    guard let mark = alert.resolution ?? alert.acknowledgement else { return "" }
    let age = TimeText.shortAge(mark.at, now: context.now, context.l10n)
    return fitted(TimeText.login(mark.by), max(1, width - 1 - DisplayWidth.of(age))) + " " + age
  }
}

extension TimeText {
  /// Who acted, without the address a console adds to the login (the full detail shows it all).
  static func login(_ by: String) -> String {
    by.split(separator: "@", maxSplits: 1).first.map(String.init) ?? by
  }

}

/// Text cut to at most `columns` display columns, ending in `…` when cut.
func fitted(_ text: String, _ columns: Int) -> String {
  guard columns > 0 else { return "" }
  guard DisplayWidth.of(text) > columns else { return text }
  var out = ""
  var width = 0
  for character in text {
    let w = DisplayWidth.of(character)
    if width + w > columns - 1 { break }
    out.append(character)
    width += w
  }
  return out + "…"
}
