/// The bounds every journal event keeps: what writers refuse and readers skip, in one place.
///
/// Lengths are counted in bytes of UTF-8 (a Cyrillic letter takes two).
public enum JournalLimits {
  /// The longest record ID (alerts, segments, meetings, checkpoints, note targets).
  public static let idBytes = 64
  /// The longest operator or tool name in `by`.
  public static let authorBytes = 128
  /// The longest short text: venues, sources, protocol numbers, event type names.
  public static let nameBytes = 200
  /// The longest free text: an alert's report, a note, a reason.
  public static let textBytes = 4_000
  /// The most kilometres a figure may claim (the whole border is about 975 km).
  public static let maxKm = 10_000.0
  /// The largest casualty or evacuation figure a claim may give.
  public static let maxClaimedFigure = 10_000_000
  /// The longest carried state of a `journal.rotated` event, in bytes before base64.
  public static let carriedStateBytes = 768 << 20
  /// The largest sequence number: 2⁵³ − 1, so every JSON reader holds it exactly.
  public static let maxSeq: UInt64 = (1 << 53) - 1
  /// How far ahead of the writer's clock an event's time may be, in seconds.
  public static let futureSkewSeconds: Int64 = 600
  /// The earliest time an event may carry (1900-01-01T00:00:00Z).
  public static let earliest = Timestamp(epochSeconds: -2_208_988_800)
  /// The latest time an event may carry at all (2200-01-01T00:00:00Z).
  public static let latest = Timestamp(epochSeconds: 7_258_118_400)

  /// Why `value` cannot be the event's `field` because it is longer than `max` bytes, if it cannot:
  /// the words every writer (console form or command line) refuses it with.
  public static func lengthProblem(_ value: String, field: String, max: Int) -> EventRejection? {
    Shape.optional(value, field, max: max)
  }

  /// The latest time a writer accepts when its clock reads `now`.
  public static func horizon(now: Timestamp) -> Timestamp {
    now.adding(seconds: futureSkewSeconds)
  }
}

extension JournalEvent {
  /// What makes this event unfit for the journal whatever the situation: an empty or over-long
  /// field, a number out of bounds, a time out of range. Readers skip such lines; writers refuse them.
  public var shapeProblem: EventRejection? {
    if seq > JournalLimits.maxSeq {
      return EventRejection(field: "seq", reason: .seqTooLarge(seq, limit: JournalLimits.maxSeq))
    }
    if let problem = Shape.time(at, "at") ?? Shape.text(by, "by", max: JournalLimits.authorBytes) {
      return problem
    }
    if let source = provenance.source,
      let problem = Shape.optional(source.outlet, "source", max: JournalLimits.nameBytes)
        ?? Shape.optional(source.title, "source.title", max: JournalLimits.nameBytes)
        ?? Shape.optional(source.url, "source.url", max: JournalLimits.textBytes)
        ?? Shape.optional(source.date, "source.date", max: JournalLimits.nameBytes)
    {
      return problem
    }
    if let problem = Shape.optional(provenance.note, "illustrative", max: JournalLimits.textBytes) {
      return problem
    }
    return payload.shapeProblem
  }

  /// A time too far after `now` (beyond the documented skew): `at`, or an alert's `occurred`.
  public func futureProblem(now: Timestamp) -> EventRejection? {
    let horizon = JournalLimits.horizon(now: now)
    if at > horizon {
      return EventRejection(
        field: "at", reason: .aheadOfNow(at, now: now, minutes: JournalLimits.futureSkewSeconds / 60))
    }
    if case .alertRaised(let report) = payload, let occurred = report.occurredAt, occurred > horizon {
      return EventRejection(
        field: "occurred",
        reason: .aheadOfNow(occurred, now: now, minutes: JournalLimits.futureSkewSeconds / 60))
    }
    return nil
  }
}

extension EventPayload {
  /// The payload's own bounds (see `JournalEvent.shapeProblem`).
  var shapeProblem: EventRejection? {
    switch self {
    case .alertRaised(let report):
      return Shape.id(report.id.rawValue, "alert") ?? Shape.id(report.segment.rawValue, "segment")
        ?? Shape.optional(report.text, "text", max: JournalLimits.textBytes)
        ?? report.occurredAt.flatMap { Shape.time($0, "occurred") } ?? Shape.claims(report.claims)
    case .alertLevelChanged(let alert, _, let reason):
      return Shape.id(alert.rawValue, "alert")
        ?? Shape.optional(reason, "reason", max: JournalLimits.textBytes)
    case .alertAcknowledged(let alert, let note), .alertResolved(let alert, let note):
      return Shape.id(alert.rawValue, "alert") ?? Shape.optional(note, "note", max: JournalLimits.textBytes)
    case .segmentStatusChanged(let segment, _, let note):
      return Shape.id(segment.rawValue, "segment")
        ?? Shape.optional(note, "note", max: JournalLimits.textBytes)
    case .segmentLevelSet(let segment, _, let reason):
      return Shape.id(segment.rawValue, "segment")
        ?? Shape.optional(reason, "reason", max: JournalLimits.textBytes)
    case .meetingScheduled(let meeting):
      if let problem = Shape.id(meeting.id.rawValue, "meeting") ?? Shape.time(meeting.start, "start")
        ?? Shape.time(meeting.end, "end")
        ?? Shape.optional(meeting.venue?.latin, "venue", max: JournalLimits.nameBytes)
        ?? Shape.optional(meeting.venue?.cyrillic, "venue_cyrillic", max: JournalLimits.nameBytes)
        ?? Shape.optional(meeting.note, "note", max: JournalLimits.textBytes)
      {
        return problem
      }
      if meeting.end < meeting.start { return EventRejection(field: "end", reason: .endBeforeStart) }
      if meeting.agenda.count > 1_000 {
        return EventRejection(field: "agenda", reason: .agendaTooLong(limit: 1_000))
      }
      for segment in meeting.agenda {
        if let problem = Shape.id(segment.rawValue, "agenda") { return problem }
      }
      return nil
    case .meetingRescheduled(let meeting, let start, let end, let reason):
      if let problem = Shape.id(meeting.rawValue, "meeting") ?? Shape.time(start, "start")
        ?? Shape.time(end, "end") ?? Shape.optional(reason, "reason", max: JournalLimits.textBytes)
      {
        return problem
      }
      return end < start ? EventRejection(field: "end", reason: .endBeforeStart) : nil
    case .meetingStarted(let meeting):
      return Shape.id(meeting.rawValue, "meeting")
    case .meetingHeld(let meeting, let outcome):
      if let problem = Shape.id(meeting.rawValue, "meeting")
        ?? Shape.optional(outcome.protocolNumber, "protocol", max: JournalLimits.nameBytes)
        ?? Shape.optional(outcome.summary, "text", max: JournalLimits.textBytes)
      {
        return problem
      }
      if let km = outcome.kmAgreed, !(km.isFinite && km >= 0 && km <= JournalLimits.maxKm) {
        return EventRejection(field: "km", reason: .kmOutOfRange(limit: Int(JournalLimits.maxKm)))
      }
      return nil
    case .meetingPostponed(let meeting, let reason), .meetingCancelled(let meeting, let reason):
      return Shape.id(meeting.rawValue, "meeting")
        ?? Shape.optional(reason, "reason", max: JournalLimits.textBytes)
    case .checkpointStatusChanged(let checkpoint, _, let note):
      return Shape.id(checkpoint.rawValue, "checkpoint")
        ?? Shape.optional(note, "note", max: JournalLimits.textBytes)
    case .noteAdded(let target, let text):
      if let target, let problem = Shape.id(target, "target") { return problem }
      return Shape.text(text, "text", max: JournalLimits.textBytes)
    case .journalRotated(let carried):
      if carried.state.count > JournalLimits.carriedStateBytes {
        return EventRejection(
          field: "state", reason: .tooLong(bytes: carried.state.count, limit: JournalLimits.carriedStateBytes)
        )
      }
      return Shape.text(carried.previous.archive, "previous.archive", max: JournalLimits.nameBytes)
        ?? CarriedSituation.shapeProblem(carried.situation)
    case .feedHeartbeat(let feed, let note):
      return Shape.text(feed, "feed", max: JournalLimits.nameBytes)
        ?? Shape.optional(note, "note", max: JournalLimits.textBytes)
    case .unknown(let type):
      return Shape.text(type, "type", max: JournalLimits.nameBytes)
    }
  }
}

/// The checks behind `shapeProblem`, each naming its field.
enum Shape {
  /// A required ID: not empty, not over `JournalLimits.idBytes`.
  static func id(_ value: String, _ field: String) -> EventRejection? {
    text(value, field, max: JournalLimits.idBytes)
  }

  /// A required text: not empty, not over `max` bytes.
  static func text(_ value: String, _ field: String, max: Int) -> EventRejection? {
    if value.isEmpty { return EventRejection(field: field, reason: .empty) }
    return optional(value, field, max: max)
  }

  /// An optional text: not over `max` bytes.
  static func optional(_ value: String?, _ field: String, max: Int) -> EventRejection? {
    guard let count = value?.utf8.count, count > max else { return nil }
    return EventRejection(field: field, reason: .tooLong(bytes: count, limit: max))
  }

  /// A time within the journal's range of years.
  static func time(_ value: Timestamp, _ field: String) -> EventRejection? {
    guard value < JournalLimits.earliest || value > JournalLimits.latest else { return nil }
    return EventRejection(field: field, reason: .outsideYears(value))
  }

  /// Claimed figures within bounds, ranges the right way round.
  static func claims(_ claims: [Side: CasualtyClaim]) -> EventRejection? {
    for (side, claim) in claims {
      for (name, figure) in [
        ("killed", claim.killed), ("injured", claim.injured), ("evacuated", claim.evacuated),
      ] {
        guard let figure else { continue }
        guard figure.low >= 0, figure.high <= JournalLimits.maxClaimedFigure, figure.low <= figure.high else {
          return EventRejection(
            field: "claims.\(side.rawValue).\(name)",
            reason: .claimOutOfRange(limit: JournalLimits.maxClaimedFigure))
        }
      }
    }
    return nil
  }
}
