import BorderModel

/// The meetings pane: a countdown to the next one, then upcoming and recent with outcomes.
struct MeetingsView {
  let context: ViewContext

  func draw(into grid: inout Grid, _ rect: Rect) {
    let c = context
    let state = c.state
    let focused = state.focus == .meetings && state.overlay == nil
    var title = c.l10n.tr("Meetings")
    if let next = c.figures.nextMeeting {
      let status = next.status(at: c.now)
      title +=
        " · "
        + (status == .inSession
          ? c.l10n.tr("in session now") : c.l10n.tr("next %@", TimeText.countdown(next, now: c.now)))
    }
    drawPane(&grid, rect, title: title, focused: focused, context: c)
    let inner = rect.inner
    guard inner.height >= 2, inner.width >= 20 else { return }
    let order = state.cache.meetingOrder
    let meetings = c.situation.meetings
    let width = inner.width - 2
    let showBody = width >= 44
    let showVenue = width >= 56
    let statusWidth = width >= 40 ? 10 : 8
    var heading = "Status".padded(to: statusWidth + 1) + "When (BIS/DUS)".padded(to: 19)
    if showBody { heading += "Body".padded(to: 11) }
    if showVenue { heading += "Venue" }
    grid.put(
      padded: heading, row: inner.row, column: inner.column + 2, width: width, style: c.style(.tableHeader))
    guard !order.isEmpty else {
      grid.put("no meetings", row: inner.row + 1, column: inner.column + 2, style: c.style(.muted))
      return
    }
    let visible = inner.height - 1
    for line in 0..<visible {
      let index = state.meetingScroll + line
      guard index < order.count else { break }
      let meeting = meetings[order[index]]
      let row = inner.row + 1 + line
      let selected = meeting.id == state.selectedMeeting
      let flashing = c.isFlashing(meeting.id.rawValue)
      let highlighted = selected && focused
      let base = highlighted ? c.style(.selection) : (flashing ? c.style(.changed) : c.style(.text))
      grid.fill(Rect(row: row, column: inner.column, width: inner.width, height: 1), style: base)
      // A change stays marked until this console's operator has seen it.
      let unseen = !selected && c.isUnseen(meeting.id.rawValue)
      grid.put(
        selected ? c.glyphs.selectionMark : (unseen ? c.glyphs.changedMark : " "), row: row,
        column: inner.column, style: unseen ? c.style(.changed) : base)
      let status = meeting.status(at: c.now)
      var statusStyle = c.style(.meeting(status))
      if highlighted || flashing {
        statusStyle.background = base.background
        statusStyle.foreground = base.foreground
      }
      var col = inner.column + 2
      let statusText = statusWidth >= 10 ? status.label : status.shortLabel
      col += grid.put(padded: statusText, row: row, column: col, width: statusWidth, style: statusStyle) + 1
      let when =
        "\(TimeText.day(meeting.start, .bishkek)) \(DisplayZone.bishkek.clock(meeting.start))/\(DisplayZone.dushanbe.clock(meeting.start))"
      col += grid.put(padded: when, row: row, column: col, width: 18, style: base) + 1
      if showBody {
        col += grid.put(padded: meeting.kind.shortLabel, row: row, column: col, width: 10, style: base) + 1
      }
      var tail = self.tail(meeting, status)
      if !showBody && tail.hasPrefix("in ") { tail.removeFirst(3) }
      if !showBody && tail.hasPrefix("ends ") { tail.removeFirst(5) }
      let tailWidth = min(DisplayWidth.of(tail), max(0, inner.right - col))
      var tailStyle = status.isClosed ? c.style(.muted) : c.style(.meeting(status))
      if highlighted || flashing { tailStyle = base }
      if showVenue, let venue = meeting.venue {
        grid.put(
          venue.latin, row: row, column: col, limit: max(0, inner.right - col - tailWidth - 1), style: base)
      }
      grid.put(tail, row: row, column: inner.right - tailWidth, limit: tailWidth, style: tailStyle)
    }
  }

  /// The countdown for meetings ahead, the outcome for those behind.
  private func tail(_ meeting: Meeting, _ status: MeetingStatus) -> String {
    switch status {
    case .held:
      var parts: [String] = []
      if let number = meeting.outcome?.protocolNumber { parts.append("prot. \(number)") }
      if let km = meeting.outcome?.kmAgreed { parts.append("\(TimeText.km(km)) km") }
      return parts.isEmpty ? "held" : parts.joined(separator: " · ")
    case .cancelled: return "cancelled"
    case .postponed: return "postponed"
    case .scheduled, .inSession:
      return meeting.end < context.now ? "overdue" : TimeText.countdown(meeting, now: context.now)
    }
  }
}
