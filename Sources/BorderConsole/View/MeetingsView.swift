import BorderModel

/// The meetings pane: a countdown to the next one, then upcoming and recent with outcomes.
struct MeetingsView {
  let context: ViewContext

  /// Which columns the pane shows at a width, and whether countdowns take their short form.
  struct Columns: Equatable {
    var status: Bool
    /// Both capitals' times (`10:00/09:00`), else Bishkek's alone.
    var bothTimes: Bool
    var body: Bool
    var venue: Bool
    var shortCountdown: Bool

    /// The When column's width.
    var whenWidth: Int { bothTimes ? 18 : 12 }

    /// From richest to narrowest: the status word goes first (the countdown says it too), then
    /// Dushanbe's time (an hour behind Bishkek's), then the countdown's smaller unit, then the body.
    static let ladder: [Columns] = [
      Columns(status: true, bothTimes: true, body: true, venue: true, shortCountdown: false),
      Columns(status: true, bothTimes: true, body: true, venue: false, shortCountdown: false),
      Columns(status: false, bothTimes: true, body: true, venue: false, shortCountdown: false),
      Columns(status: false, bothTimes: false, body: true, venue: false, shortCountdown: false),
      Columns(status: false, bothTimes: false, body: true, venue: false, shortCountdown: true),
      Columns(status: false, bothTimes: false, body: false, venue: false, shortCountdown: false),
      Columns(status: false, bothTimes: false, body: false, venue: false, shortCountdown: true),
    ]
  }

  static let statusWidth = 10
  static let bodyWidth = 10
  static let minimumVenue = 8
  /// An outcome (`prot. 12 · 28.4 km`) may be cut to this; a countdown never is.
  static let outcomeRoom = 9

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
          ? c.l10n.tr("in session now") : c.l10n.tr("next %@", TimeText.countdown(next, now: c.now, c.l10n)))
    }
    drawPane(&grid, rect, title: title, focused: focused, context: c)
    let inner = rect.inner
    guard inner.height >= 2, inner.width >= 20 else { return }
    let order = state.cache.meetingOrder
    let meetings = c.situation.meetings
    let width = inner.width - 2
    let visible = inner.height - 1
    let shown = (0..<visible).compactMap { line -> Meeting? in
      let index = state.meetingSelection.offset + line
      return index < order.count ? meetings[order[index]] : nil
    }
    let columns = self.columns(width: width, meetings: shown)
    var heading = ""
    if columns.status { heading += c.l10n.tr("Status").padded(to: Self.statusWidth + 1) }
    heading += (columns.bothTimes ? c.l10n.tr("When (BIS/DUS)") : c.l10n.tr("When (BIS)")).padded(
      to: columns.whenWidth + 1)
    if columns.body { heading += c.l10n.tr("Body").padded(to: Self.bodyWidth + 1) }
    let agendaColumn = columns.venue ? agendaColumnAt(width: width) : nil
    if columns.venue { heading += c.l10n.tr("Venue") }
    if let agendaColumn {
      heading = heading.padded(to: agendaColumn) + c.l10n.tr("Agenda")
    }
    grid.put(
      padded: heading, row: inner.row, column: inner.column + 2, width: width, style: c.style(.tableHeader))
    guard !order.isEmpty else {
      grid.put(c.l10n.tr("no meetings"), row: inner.row + 1, column: inner.column + 2, style: c.style(.muted))
      return
    }
    for (line, meeting) in shown.enumerated() {
      let row = inner.row + 1 + line
      let selected = meeting.id == state.meetingSelection.selected
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
      if columns.status {
        col +=
          grid.put(
            padded: c.l10n.meetingStatus(status), row: row, column: col, width: Self.statusWidth,
            style: statusStyle)
          + 1
      }
      col +=
        grid.put(
          padded: when(meeting, status, bothTimes: columns.bothTimes), row: row, column: col,
          width: columns.whenWidth, style: base) + 1
      if columns.body {
        col +=
          grid.put(
            padded: c.l10n.shortMeetingKind(meeting.kind), row: row, column: col, width: Self.bodyWidth,
            style: base)
          + 1
      }
      let tail = self.tail(meeting, status, short: columns.shortCountdown)
      let tailWidth = min(DisplayWidth.of(tail), max(0, inner.right - col))
      var tailStyle = status.isClosed ? c.style(.muted) : c.style(.meeting(status))
      if highlighted || flashing { tailStyle = base }
      if columns.venue, let venue = meeting.venue {
        let venueRoom =
          agendaColumn.map { $0 - (col - inner.column - 2) - 1 } ?? (inner.right - col - tailWidth - 1)
        grid.put(c.l10n.name(venue), row: row, column: col, limit: max(0, venueRoom), style: base)
      }
      if let agendaColumn, !meeting.agenda.isEmpty {
        let start = inner.column + 2 + agendaColumn
        grid.put(
          meeting.agenda.map(\.rawValue).joined(separator: " "), row: row, column: start,
          limit: max(0, inner.right - start - tailWidth - 1), style: c.style(.muted))
      }
      grid.put(tail, row: row, column: inner.right - tailWidth, limit: tailWidth, style: tailStyle)
    }
  }

  /// Where the agenda starts on a wide pane (the segments a meeting takes up), or nil: the venue
  /// keeps 24 columns and the countdown 12 before the agenda gets room.
  private func agendaColumnAt(width: Int) -> Int? {
    let venueStart = Self.statusWidth + 1 + 18 + 1 + Self.bodyWidth + 1
    return width - venueStart >= 24 + 30 + 12 ? venueStart + 24 : nil
  }

  /// The richest columns that leave every countdown in view whole (ux.md bug 17).
  func columns(width: Int, meetings: [Meeting]) -> Columns {
    for columns in Columns.ladder {
      var used = columns.whenWidth + 1
      if columns.status { used += Self.statusWidth + 1 }
      if columns.body { used += Self.bodyWidth + 1 }
      if columns.venue { used += Self.minimumVenue + 1 }
      let tails = meetings.map { meeting -> Int in
        let status = meeting.status(at: context.now)
        let width = DisplayWidth.of(tail(meeting, status, short: columns.shortCountdown))
        return status == .held ? min(width, Self.outcomeRoom) : width
      }
      if used + (tails.max() ?? 0) <= width { return columns }
    }
    return Columns.ladder[Columns.ladder.count - 1]
  }

  /// The start in Bishkek (and Dushanbe) time; a past meeting of another year shows its year instead.
  private func when(_ meeting: Meeting, _ status: MeetingStatus, bothTimes: Bool) -> String {
    let day = TimeText.day(meeting.start, .bishkek, context.l10n)
    let year = DisplayZone.bishkek.civil(meeting.start).year
    if meeting.start < context.now && status != .inSession
      && year != DisplayZone.bishkek.civil(context.now).year
    {
      return "\(day) \(year)"
    }
    let times = DisplayZone.bishkek.clock(meeting.start)
    return bothTimes ? "\(day) \(times)/\(DisplayZone.dushanbe.clock(meeting.start))" : "\(day) \(times)"
  }

  /// The countdown for meetings ahead, the outcome for those behind; `short` gives countdowns in
  /// their largest unit (`in 15d`), never cut.
  private func tail(_ meeting: Meeting, _ status: MeetingStatus, short: Bool) -> String {
    let l10n = context.l10n
    switch status {
    case .held:
      var parts: [String] = []
      if let number = meeting.outcome?.protocolNumber { parts.append(l10n.tr("prot. %@", number)) }
      if let km = meeting.outcome?.kmAgreed { parts.append(l10n.tr("%@ km", TimeText.km(km))) }
      return parts.isEmpty ? l10n.meetingStatus(.held) : parts.joined(separator: " · ")
    case .cancelled: return l10n.meetingStatus(.cancelled)
    case .postponed: return l10n.meetingStatus(.postponed)
    case .scheduled, .inSession:
      if meeting.end < context.now { return l10n.tr("overdue", context: "meeting") }
      return short
        ? TimeText.shortCountdown(meeting, now: context.now, l10n)
        : TimeText.countdown(meeting, now: context.now, l10n)
    }
  }
}
