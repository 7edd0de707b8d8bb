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
    let newerText = newer > 0 ? " \(newer) newer \(c.glyphs.newerMark) " : ""
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
      let index = state.alertScroll + line
      guard let alert = state.feedAlert(atRow: index) else { break }
      drawRow(&grid, alert, row: inner.row + line, inner: inner, columns: columns, focused: focused)
    }
    if count > visible {
      let text = " \(state.alertScroll + 1)–\(min(count, state.alertScroll + visible)) of \(count) "
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
    let view = "\(state.feed.view.label) (\(state.feedCount))"
    let short = (state.feed.segment.map { "Alerts on \($0)" } ?? "Alerts") + " · " + view
    let unacknowledged = context.figures.unacknowledgedAlerts
    if unacknowledged > 0 && state.feed.view != .unacknowledged && !state.feed.isNarrowed {
      let counted = short + " · \(unacknowledged) unacked"
      if DisplayWidth.of(counted) <= room { return counted }
    }
    if DisplayWidth.of(short) <= room { return short }
    return state.feed.segment.map { "\($0) · \(view)" } ?? view
  }

  /// The title when there is room for all of it.
  func fullTitle(_ columns: Columns) -> String {
    let state = context.state
    let feed = state.feed
    var title = feed.segment.map { "Alerts on \($0)" } ?? "Alerts"
    title += " · \(feed.view.label) (\(state.feedCount))"
    if !feed.text.isEmpty || (state.isEditingFilter && state.focus == .alerts) {
      title += " · \"\(feed.text)\""
    }
    if feed.isNarrowed {
      title += feed.segment != nil ? " · Esc: every segment" : " · Esc clears"
      return title
    }
    let open = context.figures.openAlerts
    let unacknowledged = context.figures.unacknowledgedAlerts
    if feed.view != .open { title += " · \(open) open" }
    if unacknowledged > 0 && feed.view != .unacknowledged { title += " · \(unacknowledged) unacknowledged" }
    if columns.timeWidth > 0 { title += " · times BIS/DUS" }
    return title
  }

  /// What an empty feed says, and how to see more.
  var emptyText: String {
    let feed = context.state.feed
    if !feed.text.isEmpty { return "no alert matches \"\(feed.text)\" — Esc clears" }
    if let segment = feed.segment {
      return "no \(feed.view == .all ? "" : feed.view.label + " ")alerts on \(segment) — Esc: every segment"
    }
    switch feed.view {
    case .all: return "no alerts"
    case .open: return "no open alerts — v: next view"
    case .unacknowledged: return "no unacknowledged alerts — v: next view"
    case .atLeast(let level): return "no open alerts at level \(level.rawValue) or above — v: next view"
    }
  }

  func drawRow(
    _ grid: inout Grid, _ alert: Alert, row: Int, inner: Rect, columns: Columns, focused: Bool
  ) {
    let c = context
    let state = c.state
    let selected = alert.id == state.selectedAlert
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
      ? "\(c.glyphs.level(alert.level)) \(alert.level.rawValue) \(alert.level.shortLabel)"
      : "\(c.glyphs.level(alert.level)) \(alert.level.rawValue)"
    col +=
      grid.put(
        padded: levelText, row: row, column: col, width: columns.wideLevel ? 14 : 4,
        style: alert.isOpen ? styled(.level(alert.level)) : base) + 1
    col +=
      grid.put(padded: alert.segment.rawValue, row: row, column: col, width: 5, style: styled(.title)) + 1
    col +=
      grid.put(
        padded: TimeText.age(alert.raisedAt, now: c.now), row: row, column: col, width: 6,
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
      let text = columns.showsDay ? "\(TimeText.day(time, .bishkek)) \(clock)" : clock
      col +=
        grid.put(padded: text, row: row, column: col, width: columns.timeWidth, style: styled(.muted)) + 1
    }
    let summary = alert.report.text.isEmpty ? alert.report.type.label : alert.report.text
    grid.put(summary, row: row, column: col, limit: inner.right - col, style: base)
  }

  /// Who acknowledged (or resolved) the alert and how long ago, in `width` columns: `alice 3m`.
  func who(_ alert: Alert, width: Int) -> String {
    guard let mark = alert.resolution ?? alert.acknowledgement else { return "" }
    let age = TimeText.shortAge(mark.at, now: context.now)
    return fitted(TimeText.login(mark.by), max(1, width - 1 - DisplayWidth.of(age))) + " " + age
  }
}

extension TimeText {
  /// Who acted, without the address a console adds to the login (the full detail shows it all).
  static func login(_ by: String) -> String {
    by.split(separator: "@", maxSplits: 1).first.map(String.init) ?? by
  }

  /// An age in its largest unit only: `now`, `3m`, `19h`, `12d`, `4y`.
  static func shortAge(_ time: Timestamp, now: Timestamp) -> String {
    let seconds = max(0, now.milliseconds(since: time) / 1000)
    if seconds < 60 { return "now" }
    if seconds < 3600 { return "\(seconds / 60)m" }
    if seconds < 86_400 { return "\(seconds / 3600)h" }
    if seconds < 86_400 * 365 { return "\(seconds / 86_400)d" }
    return "\(seconds / (86_400 * 365))y"
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
