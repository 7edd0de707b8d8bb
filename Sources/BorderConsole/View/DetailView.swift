import BorderModel

/// The lines describing a segment, an alert or a meeting, for the detail pane and the full view.
struct DetailContent {
  let context: ViewContext

  /// Everything about a segment; `full` adds the whole history, every alert and the notes.
  func segment(_ segment: Segment, width: Int, full: Bool) -> RichText {
    let c = context
    var text = RichText(width: width)
    text.labelWidth = RichText.labelColumn(
      ["Kyrgyzstan", "Tajikistan", "Near", "Features", "Ends", "Status", "Level"], width: width)
    let level = c.effectiveLevel(segment)
    text.paragraph(segment.id.rawValue + " " + segment.name.bothScripts, role: .title)
    var location = "\(segment.sector.label) · \(TimeText.km(segment.lengthKm)) km"
    if let points = segment.borderPoints { location += " · \(points)" }
    text.paragraph(location, role: .muted)
    text.field("Kyrgyzstan", district(segment.kyrgyzDistrict))
    text.field("Tajikistan", district(segment.tajikDistrict))
    if !segment.settlements.isEmpty {
      let names = segment.settlements.map { "\($0.name.bothScripts) \($0.side.rawValue)" }
      text.field("Near", names.joined(separator: ", "))
    }
    if !segment.features.isEmpty {
      text.field("Features", segment.features.map(\.label).joined(separator: ", "))
    }
    if let west = segment.westEnd {
      var ends = "west \(coordinate(west))"
      if let east = segment.eastEnd { ends += ", east \(coordinate(east))" }
      text.field("Ends", ends)
    }
    let since = segment.statusHistory.last.map { " since \(TimeText.date($0.at))" } ?? " (baseline)"
    text.labelled(
      "Status",
      [
        ("\(c.glyphs.status(segment.status)) \(segment.status.label)", .status(segment.status)),
        (since, .muted),
      ])
    let reason = segment.alertReason.isEmpty ? "" : " — \(segment.alertReason)"
    text.labelled("Level", [("\(c.glyphs.level(level)) \(level.rawValue) \(level.label)", .level(level))])
    if !reason.isEmpty {
      text.paragraph(String(reason.dropFirst(3)), role: .muted, indent: text.labelWidth)
    }
    let history = full ? segment.statusHistory.reversed() : Array(segment.statusHistory.suffix(3).reversed())
    if !history.isEmpty {
      text.heading(full ? "Status history" : "Recent status changes")
      for change in history {
        text.add(
          RichLine([
            ("\(TimeText.date(change.at))  ", .muted),
            ("\(c.glyphs.status(change.status)) \(change.status.label)", .status(change.status)),
          ]))
        if full, let note = change.note { text.paragraph(note, role: .muted, indent: 12) }
      }
    }
    let alerts = c.situation.alerts(on: segment.id, limit: full ? 50 : 3)
    if !alerts.isEmpty {
      text.heading(full ? "Alerts" : "Recent alerts")
      for alert in alerts.prefix(full ? 50 : 3) {
        let mark =
          alert.needsAcknowledgement
          ? c.glyphs.unacknowledged : (alert.isOpen ? c.glyphs.acknowledgedMark : c.glyphs.resolvedMark)
        // Who acknowledged (or resolved) it and how long ago, as in the feed.
        let who = (alert.resolution ?? alert.acknowledgement).map {
          " · \(TimeText.login($0.by)) \(TimeText.shortAge($0.at, now: c.now))"
        }
        text.add(
          RichLine([
            (mark, alert.needsAcknowledgement ? .unacknowledged : .muted),
            (" \(c.glyphs.level(alert.level))\(alert.level.rawValue) ", .level(alert.level)),
            ("\(TimeText.date(alert.occurredAt)) ", .muted), (alert.report.type.label, .text),
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
      text.heading("Next meeting on it")
      text.paragraph(
        "\(meeting.kind.label)\(meeting.venue.map { ", \($0.latin)" } ?? "") — \(meeting.status(at: c.now).label)"
      )
      text.paragraph(MeetingText.when(meeting.start), role: .muted)
    }
    if full {
      let notes = c.situation.notes.filter { $0.target == segment.id.rawValue }
      if !notes.isEmpty {
        text.heading("Notes")
        for note in notes.suffix(20).reversed() {
          text.paragraph("\(DisplayZone.utc.dateTime(note.at)) \(note.by): \(note.text)")
        }
      }
    }
    text.heading("Provenance")
    text.paragraph(segment.provenance.summary, role: .muted)
    return text
  }

  /// Everything about an alert, with each side's claims.
  func alert(_ alert: Alert, width: Int) -> RichText {
    let c = context
    var text = RichText(width: width)
    text.labelWidth = RichText.labelColumn(
      [
        "Segment", "Type", "Occurred", "Reported", "Reported by", "Confidence", "Acknowledged", "Resolved",
        "Level",
      ] + alert.report.claims.keys.map(\.label), width: width)
    text.add(
      RichLine([
        (alert.id.rawValue + "  ", .title),
        ("\(c.glyphs.level(alert.level)) \(alert.level.rawValue) \(alert.level.label)", .level(alert.level)),
      ]))
    let segmentName =
      c.situation.segment(alert.segment).map { "\(alert.segment) \($0.name.bothScripts)" }
      ?? alert.segment.rawValue
    text.field("Segment", segmentName)
    text.field("Type", alert.report.type.label)
    text.field(
      "Occurred",
      "\(DisplayZone.utc.dateTime(alert.occurredAt)) UTC · \(DisplayZone.bishkek.clock(alert.occurredAt)) Bishkek · \(DisplayZone.dushanbe.clock(alert.occurredAt)) Dushanbe"
    )
    text.field("Reported", "\(DisplayZone.utc.dateTime(alert.raisedAt)) UTC by \(alert.raisedBy)")
    if let side = alert.report.reportingSide { text.field("Reported by", side.label) }
    text.field("Confidence", alert.report.confidence.label)
    if !alert.report.text.isEmpty {
      text.heading("Report")
      text.paragraph(alert.report.text)
    }
    if !alert.report.claims.isEmpty {
      text.heading("Claims, as each side reports them")
      for side in alert.report.claims.keys.sorted() {
        text.field(side.label, alert.report.claims[side]?.summary ?? "")
      }
    }
    text.heading("Handling")
    if let ack = alert.acknowledgement {
      text.field(
        "Acknowledged",
        "\(DisplayZone.utc.dateTime(ack.at)) UTC by \(ack.by)\(ack.note.map { " — \($0)" } ?? "")")
    } else {
      text.labelled("Acknowledged", [("\(c.glyphs.unacknowledged) not yet", .unacknowledged)])
    }
    if let resolution = alert.resolution {
      text.field(
        "Resolved",
        "\(DisplayZone.utc.dateTime(resolution.at)) UTC by \(resolution.by)\(resolution.note.map { " — \($0)" } ?? "")"
      )
    } else {
      text.field("Resolved", "open")
    }
    for change in alert.levelHistory {
      text.field(
        "Level",
        "\(change.level.rawValue) \(change.level.label) at \(DisplayZone.utc.dateTime(change.at)) by \(change.by)\(change.reason.map { " — \($0)" } ?? "")"
      )
    }
    text.heading("Provenance")
    text.paragraph(alert.provenance.summary, role: .muted)
    return text
  }

  /// Everything about a meeting.
  func meeting(_ meeting: Meeting, width: Int) -> RichText {
    let c = context
    var text = RichText(width: width)
    let status = meeting.status(at: c.now)
    text.labelWidth = RichText.labelColumn(
      ["ID", "Venue", "Starts", "Ends", "Countdown", "Reason", "Protocol", "Agreed"], width: width)
    text.add(RichLine([(meeting.kind.label + "  ", .title), (status.label, .meeting(status))]))
    text.field("ID", meeting.id.rawValue)
    if let venue = meeting.venue {
      text.field("Venue", venue.bothScripts + (meeting.host.map { " (hosted by \($0.label))" } ?? ""))
    }
    text.field("Starts", MeetingText.when(meeting.start))
    text.field("Ends", MeetingText.when(meeting.end))
    text.field("Countdown", TimeText.countdown(meeting, now: c.now))
    if let reason = meeting.statusReason { text.field("Reason", reason) }
    if !meeting.agenda.isEmpty {
      text.heading("Agenda")
      for id in meeting.agenda {
        guard let segment = c.situation.segment(id) else { continue }
        text.add(
          RichLine([
            ("\(id) ", .title), ("\(c.glyphs.status(segment.status)) ", .status(segment.status)),
            ("\(segment.name.latin) · \(TimeText.km(segment.lengthKm)) km", .text),
          ]))
      }
    }
    if let outcome = meeting.outcome {
      text.heading("Outcome")
      if let number = outcome.protocolNumber { text.field("Protocol", "No. \(number)") }
      if let km = outcome.kmAgreed { text.field("Agreed", "\(TimeText.km(km)) km") }
      if let summary = outcome.summary { text.paragraph(summary) }
    }
    if let note = meeting.note {
      text.heading("Note")
      text.paragraph(note)
    }
    text.heading("Provenance")
    text.paragraph(meeting.provenance.summary, role: .muted)
    return text
  }

  private func district(_ district: District) -> String {
    var text = district.name.bothScripts
    if let region = district.region { text += ", \(region.latin)" }
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
  static func when(_ time: Timestamp) -> String {
    "\(DisplayZone.utc.dateTime(time)) UTC · \(DisplayZone.bishkek.clock(time)) Bishkek · \(DisplayZone.dushanbe.clock(time)) Dushanbe"
  }
}

/// The detail pane beside the table: the selected segment.
struct DetailPaneView {
  let context: ViewContext

  func draw(into grid: inout Grid, _ rect: Rect) {
    let c = context
    let selected = c.state.selectedSegment.flatMap { c.situation.segment($0) }
    drawPane(&grid, rect, title: selected.map { "Detail · \($0.id)" } ?? "Detail", focused: false, context: c)
    let inner = Rect(
      row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2)
    guard let segment = selected, !inner.isEmpty else { return }
    DetailContent(context: c).segment(segment, width: inner.width, full: false).draw(
      into: &grid, inner, context: c)
  }
}
