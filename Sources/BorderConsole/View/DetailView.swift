import BorderModel

/// The lines describing a segment, an alert or a meeting, for the detail pane and the full view.
struct DetailContent {
  let context: ViewContext

  /// Everything about a segment; `full` adds the whole history, every alert and the notes.
  func segment(_ segment: Segment, width: Int, full: Bool) -> RichText {
    let c = context
    let l10n = c.l10n
    var text = RichText(width: width)
    text.labelWidth = RichText.labelColumn(
      [
        l10n.side(.kyrgyzstan), l10n.side(.tajikistan), l10n.tr("Near", context: "field"),
        l10n.tr("Features", context: "field"), l10n.tr("Ends", context: "field"),
        l10n.tr("Status", context: "field"), l10n.tr("Level", context: "field"),
      ], width: width)
    let level = c.effectiveLevel(segment)
    text.paragraph(segment.id.rawValue + " " + l10n.bothScripts(segment.name), role: .title)
    var location = l10n.tr("%1$@ · %2$@ km", l10n.sector(segment.sector), TimeText.km(segment.lengthKm))
    if let points = segment.borderPoints { location += " · \(points)" }
    text.paragraph(location, role: .muted)
    text.field(l10n.side(.kyrgyzstan), district(segment.kyrgyzDistrict))
    text.field(l10n.side(.tajikistan), district(segment.tajikDistrict))
    if !segment.settlements.isEmpty {
      let names = segment.settlements.map { "\(l10n.bothScripts($0.name)) \($0.side.rawValue)" }
      text.field(l10n.tr("Near", context: "field"), names.joined(separator: ", "))
    }
    if !segment.features.isEmpty {
      text.field(
        l10n.tr("Features", context: "field"),
        segment.features.map { l10n.feature($0) }.joined(separator: ", "))
    }
    if let west = segment.westEnd {
      let ends =
        segment.eastEnd.map { l10n.tr("west %1$@, east %2$@", coordinate(west), coordinate($0)) }
        ?? l10n.tr("west %@", coordinate(west))
      text.field(l10n.tr("Ends", context: "field"), ends)
    }
    let since =
      segment.statusHistory.last.map { " " + l10n.tr("since %@", TimeText.date($0.at)) }
      ?? " " + l10n.tr("(baseline)")
    text.labelled(
      l10n.tr("Status", context: "field"),
      [
        ("\(c.glyphs.status(segment.status)) \(l10n.status(segment.status))", .status(segment.status)),
        (since, .muted),
      ])
    let reason = segment.alertReason.isEmpty ? "" : " — \(segment.alertReason)"
    text.labelled(
      l10n.tr("Level", context: "field"),
      [("\(c.glyphs.level(level)) \(level.rawValue) \(l10n.level(level))", .level(level))])
    if !reason.isEmpty {
      text.paragraph(String(reason.dropFirst(3)), role: .muted, indent: text.labelWidth)
    }
    let history = full ? segment.statusHistory.reversed() : Array(segment.statusHistory.suffix(3).reversed())
    if !history.isEmpty {
      text.heading(full ? l10n.tr("Status history") : l10n.tr("Recent status changes"))
      for change in history {
        text.add(
          RichLine([
            ("\(TimeText.date(change.at))  ", .muted),
            ("\(c.glyphs.status(change.status)) \(l10n.status(change.status))", .status(change.status)),
          ]))
        if full, let note = change.note { text.paragraph(note, role: .muted, indent: 12) }
      }
    }
    let alerts = c.situation.alerts(on: segment.id, limit: full ? 50 : 3)
    if !alerts.isEmpty {
      text.heading(full ? l10n.tr("Alerts") : l10n.tr("Recent alerts"))
      for alert in alerts.prefix(full ? 50 : 3) {
        let mark =
          alert.needsAcknowledgement
          ? c.glyphs.unacknowledged : (alert.isOpen ? c.glyphs.acknowledgedMark : c.glyphs.resolvedMark)
        // Who acknowledged (or resolved) it and how long ago, as in the feed.
        let who = (alert.resolution ?? alert.acknowledgement).map {
          " · \(TimeText.login($0.by)) \(TimeText.shortAge($0.at, now: c.now, l10n))"
        }
        text.add(
          RichLine([
            (mark, alert.needsAcknowledgement ? .unacknowledged : .muted),
            (" \(c.glyphs.level(alert.level))\(alert.level.rawValue) ", .level(alert.level)),
            ("\(TimeText.date(alert.occurredAt)) ", .muted), (l10n.alertType(alert.report.type), .text),
            (who ?? "", .muted),
          ]))
        if full { text.paragraph(alert.report.text, role: .muted, indent: 2) }
      }
    }
    // The meetings pane's order, soonest first: the first upcoming one with this segment on its agenda.
    let meetings = c.situation.meetings
    let next = c.state.cache.meetingOrder.lazy.map { meetings[$0] }
      .prefix { $0.isUpcoming(at: c.now) }
      .first { $0.agenda.contains(segment.id) }
    if let meeting = next {
      text.heading(l10n.tr("Next meeting on it"))
      let body = l10n.meetingKind(meeting.kind)
      let status = l10n.meetingStatus(meeting.status(at: c.now))
      text.paragraph(
        meeting.venue.map { l10n.tr("%1$@, %2$@ — %3$@", body, l10n.name($0), status) }
          ?? l10n.tr("%1$@ — %2$@", body, status))
      text.paragraph(MeetingText.when(meeting.start, l10n), role: .muted)
    }
    if full {
      let notes = c.situation.notes.filter { $0.target == segment.id.rawValue }
      if !notes.isEmpty {
        text.heading(l10n.tr("Notes"))
        for note in notes.suffix(20).reversed() {
          text.paragraph("\(DisplayZone.utc.dateTime(note.at)) \(note.by): \(note.text)")
        }
      }
    }
    text.heading(l10n.tr("Provenance"))
    text.paragraph(segment.provenance.summary, role: .muted)
    return text
  }

  /// Everything about an alert, with each side's claims.
  func alert(_ alert: Alert, width: Int) -> RichText {
    let c = context
    let l10n = c.l10n
    var text = RichText(width: width)
    text.labelWidth = RichText.labelColumn(
      [
        l10n.tr("Segment", context: "field"), l10n.tr("Type", context: "field"),
        l10n.tr("Occurred", context: "field"), l10n.tr("Reported", context: "field"),
        l10n.tr("Reported by", context: "field"), l10n.tr("Confidence", context: "field"),
        l10n.tr("Acknowledged", context: "field"), l10n.tr("Resolved", context: "field"),
        l10n.tr("Level", context: "field"),
      ] + alert.report.claims.keys.map { l10n.side($0) }, width: width)
    text.add(
      RichLine([
        (alert.id.rawValue + "  ", .title),
        (
          "\(c.glyphs.level(alert.level)) \(alert.level.rawValue) \(l10n.level(alert.level))",
          .level(alert.level)
        ),
      ]))
    let segmentName =
      c.situation.segment(alert.segment).map { "\(alert.segment) \(l10n.bothScripts($0.name))" }
      ?? alert.segment.rawValue
    text.field(l10n.tr("Segment", context: "field"), segmentName)
    text.field(l10n.tr("Type", context: "field"), l10n.alertType(alert.report.type))
    text.field(l10n.tr("Occurred", context: "field"), MeetingText.when(alert.occurredAt, l10n))
    /// A time and who: `2026-11-29 05:48 UTC by alice`, with a note after a dash.
    func byWhom(_ at: Timestamp, _ by: String, _ note: String? = nil) -> String {
      let line = l10n.tr("%1$@ UTC by %2$@", DisplayZone.utc.dateTime(at), by)
      return note.map { line + " — " + $0 } ?? line
    }
    text.field(l10n.tr("Reported", context: "field"), byWhom(alert.raisedAt, alert.raisedBy))
    if let side = alert.report.reportingSide {
      text.field(l10n.tr("Reported by", context: "field"), l10n.side(side))
    }
    text.field(l10n.tr("Confidence", context: "field"), l10n.confidence(alert.report.confidence))
    if !alert.report.text.isEmpty {
      text.heading(l10n.tr("Report"))
      text.paragraph(alert.report.text)
    }
    if !alert.report.claims.isEmpty {
      text.heading(l10n.tr("Claims, as each side reports them"))
      for side in alert.report.claims.keys.sorted() {
        text.field(l10n.side(side), alert.report.claims[side]?.summary ?? "")
      }
    }
    text.heading(l10n.tr("Handling"))
    let acknowledged = l10n.tr("Acknowledged", context: "field")
    if let ack = alert.acknowledgement {
      text.field(acknowledged, byWhom(ack.at, ack.by, ack.note))
    } else {
      text.labelled(acknowledged, [(l10n.tr("%@ not yet", c.glyphs.unacknowledged), .unacknowledged)])
    }
    if let resolution = alert.resolution {
      text.field(l10n.tr("Resolved", context: "field"), byWhom(resolution.at, resolution.by, resolution.note))
    } else {
      text.field(l10n.tr("Resolved", context: "field"), l10n.tr("open", context: "alert"))
    }
    for change in alert.levelHistory {
      let line = l10n.tr(
        "%1$d %2$@ at %3$@ by %4$@", change.level.rawValue, l10n.level(change.level),
        DisplayZone.utc.dateTime(change.at), change.by)
      text.field(l10n.tr("Level", context: "field"), change.reason.map { line + " — " + $0 } ?? line)
    }
    text.heading(l10n.tr("Provenance"))
    text.paragraph(alert.provenance.summary, role: .muted)
    return text
  }

  /// Everything about a meeting.
  func meeting(_ meeting: Meeting, width: Int) -> RichText {
    let c = context
    let l10n = c.l10n
    var text = RichText(width: width)
    let status = meeting.status(at: c.now)
    text.labelWidth = RichText.labelColumn(
      [
        l10n.tr("ID", context: "field"), l10n.tr("Venue", context: "field"),
        l10n.tr("Starts", context: "field"),
        l10n.tr("Ends", context: "meeting field"), l10n.tr("Countdown", context: "field"),
        l10n.tr("Reason", context: "field"), l10n.tr("Protocol", context: "field"),
        l10n.tr("Agreed", context: "field"),
      ], width: width)
    text.add(
      RichLine([
        (l10n.meetingKind(meeting.kind) + "  ", .title), (l10n.meetingStatus(status), .meeting(status)),
      ]))
    text.field(l10n.tr("ID", context: "field"), meeting.id.rawValue)
    if let venue = meeting.venue {
      let place = l10n.bothScripts(venue)
      text.field(
        l10n.tr("Venue", context: "field"),
        meeting.host.map { l10n.tr("%1$@ (hosted by %2$@)", place, l10n.side($0)) } ?? place)
    }
    text.field(l10n.tr("Starts", context: "field"), MeetingText.when(meeting.start, l10n))
    text.field(l10n.tr("Ends", context: "meeting field"), MeetingText.when(meeting.end, l10n))
    text.field(l10n.tr("Countdown", context: "field"), TimeText.countdown(meeting, now: c.now, l10n))
    if let reason = meeting.statusReason { text.field(l10n.tr("Reason", context: "field"), reason) }
    if !meeting.agenda.isEmpty {
      text.heading(l10n.tr("Agenda"))
      for id in meeting.agenda {
        guard let segment = c.situation.segment(id) else { continue }
        text.add(
          RichLine([
            ("\(id) ", .title), ("\(c.glyphs.status(segment.status)) ", .status(segment.status)),
            (l10n.tr("%1$@ · %2$@ km", l10n.name(segment.name), TimeText.km(segment.lengthKm)), .text),
          ]))
      }
    }
    if let outcome = meeting.outcome {
      text.heading(l10n.tr("Outcome"))
      if let number = outcome.protocolNumber {
        text.field(l10n.tr("Protocol", context: "field"), l10n.tr("No. %@", number))
      }
      if let km = outcome.kmAgreed {
        text.field(l10n.tr("Agreed", context: "field"), l10n.tr("%@ km", TimeText.km(km)))
      }
      if let summary = outcome.summary { text.paragraph(summary) }
    }
    if let note = meeting.note {
      text.heading(l10n.tr("Note"))
      text.paragraph(note)
    }
    text.heading(l10n.tr("Provenance"))
    text.paragraph(meeting.provenance.summary, role: .muted)
    return text
  }

  private func district(_ district: District) -> String {
    var text = context.l10n.bothScripts(district.name)
    if let region = district.region { text += ", \(context.l10n.name(region))" }
    return text
  }

  private func coordinate(_ point: Coordinate) -> String {
    func format(_ value: Double) -> String {
      guard value.isFinite, abs(value) <= 360 else { return "?" }
      let scaled = Int((abs(value) * 10_000).rounded())
      return "\(scaled / 10_000).\(RFC3339.pad(scaled % 10_000, 4))"
    }
    return "\(format(point.latitude))°N \(format(point.longitude))°E"
  }
}

/// Meeting times in the three zones operators read.
enum MeetingText {
  /// `2026-12-02 04:00 UTC · 10:00 Bishkek · 09:00 Dushanbe`.
  static func when(_ time: Timestamp, _ l10n: Localizer = .english) -> String {
    l10n.tr(
      "%1$@ UTC · %2$@ Bishkek · %3$@ Dushanbe", DisplayZone.utc.dateTime(time),
      DisplayZone.bishkek.clock(time),
      DisplayZone.dushanbe.clock(time))
  }
}

/// The detail pane beside the table: the selected segment.
struct DetailPaneView {
  let context: ViewContext

  func draw(into grid: inout Grid, _ rect: Rect) {
    let c = context
    let selected = c.state.segmentSelection.selected.flatMap { c.situation.segment($0) }
    drawPane(
      &grid, rect, title: selected.map { c.l10n.tr("Detail · %@", $0.id.rawValue) } ?? c.l10n.tr("Detail"),
      focused: false, context: c)
    let inner = Rect(
      row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2)
    guard let segment = selected, !inner.isEmpty else { return }
    DetailContent(context: c).segment(segment, width: inner.width, full: false).draw(
      into: &grid, inner, context: c)
  }
}
