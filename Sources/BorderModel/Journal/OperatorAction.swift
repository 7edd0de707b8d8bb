/// Something an operator asks to record, from a console, a command or a feed: the one place events are built.
public enum OperatorAction: Sendable, Hashable {
  case acknowledge(AlertID, note: String?)
  case resolve(AlertID, note: String?)
  case changeLevel(AlertID, to: AlertLevel, reason: String?)
  case raise(AlertRequest)
  /// A note on a record, or on the situation as a whole (`target` nil).
  case note(target: String?, text: String)
  case setSegmentStatus(SegmentID, DemarcationStatus, note: String?)
  case setSegmentLevel(SegmentID, AlertLevel, reason: String?)
  case scheduleMeeting(Meeting)
  case rescheduleMeeting(MeetingID, start: Timestamp, end: Timestamp, reason: String?)
  case startMeeting(MeetingID)
  case holdMeeting(MeetingID, MeetingOutcome)
  case postponeMeeting(MeetingID, reason: String?)
  case cancelMeeting(MeetingID, reason: String?)
  case setCheckpointStatus(CheckpointID, CheckpointStatus, note: String?)
  /// A feed saying it is alive (`feed.heartbeat`), with an optional note.
  case heartbeat(feed: String, note: String?)

  /// The draft event for this action by `author`: timed when appended unless `at` is given
  /// (a backfill), and for a new alert without an ID, given one when appended. `via` names the
  /// operator's tool (a console, a command); nil when a feed writes it (a feed keeps the console live).
  public func draft(
    by author: String, provenance: Provenance = .reported, at: Timestamp? = nil, via: OperatorChannel? = nil
  ) -> EventDraft {
    let payload: EventPayload
    var assignsAlertID = false
    switch self {
    case .acknowledge(let id, let note): payload = .alertAcknowledged(alert: id, note: Self.optional(note))
    case .resolve(let id, let note): payload = .alertResolved(alert: id, note: Self.optional(note))
    case .changeLevel(let id, let level, let reason):
      payload = .alertLevelChanged(alert: id, level: level, reason: Self.optional(reason))
    case .raise(let request):
      assignsAlertID = request.id == nil
      payload = .alertRaised(
        AlertReport(
          id: request.id ?? AlertID.pending(on: request.segment), segment: request.segment,
          level: request.level, type: request.type, text: Self.trimmed(request.text),
          reportingSide: request.reportingSide, occurredAt: request.occurredAt, claims: request.claims,
          confidence: request.confidence))
    case .note(let target, let text): payload = .noteAdded(target: target, text: Self.trimmed(text))
    case .setSegmentStatus(let id, let status, let note):
      payload = .segmentStatusChanged(segment: id, status: status, note: Self.optional(note))
    case .setSegmentLevel(let id, let level, let reason):
      payload = .segmentLevelSet(segment: id, level: level, reason: Self.optional(reason))
    case .scheduleMeeting(var meeting):
      meeting.note = Self.optional(meeting.note)
      meeting.provenance = provenance
      payload = .meetingScheduled(meeting)
    case .rescheduleMeeting(let id, let start, let end, let reason):
      payload = .meetingRescheduled(meeting: id, start: start, end: end, reason: Self.optional(reason))
    case .startMeeting(let id): payload = .meetingStarted(meeting: id)
    case .holdMeeting(let id, var outcome):
      outcome.summary = Self.optional(outcome.summary)
      outcome.protocolNumber = Self.optional(outcome.protocolNumber)
      payload = .meetingHeld(meeting: id, outcome: outcome)
    case .postponeMeeting(let id, let reason):
      payload = .meetingPostponed(meeting: id, reason: Self.optional(reason))
    case .cancelMeeting(let id, let reason):
      payload = .meetingCancelled(meeting: id, reason: Self.optional(reason))
    case .setCheckpointStatus(let id, let status, let note):
      payload = .checkpointStatusChanged(checkpoint: id, status: status, note: Self.optional(note))
    case .heartbeat(let feed, let note):
      payload = .feedHeartbeat(feed: Self.trimmed(feed), note: Self.optional(note))
    }
    var event = JournalEvent(
      at: at ?? EventDraft.placeholderTime, by: author, provenance: provenance, payload: payload)
    event.via = via
    return EventDraft(event, timedAtAppend: at == nil, assignsAlertID: assignsAlertID)
  }

  /// Text with spaces and line ends trimmed at both ends.
  static func trimmed(_ text: String) -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = text.firstIndex(where: { !isSpace($0) }),
      let last = text.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(text[first...last])
  }

  /// Optional text trimmed; nil when nothing is left.
  static func optional(_ text: String?) -> String? {
    guard let text else { return nil }
    let trimmed = trimmed(text)
    return trimmed.isEmpty ? nil : trimmed
  }
}

/// A new alert as an operator reports it; its ID is assigned when it is appended unless given.
public struct AlertRequest: Sendable, Hashable {
  public var segment: SegmentID
  public var level: AlertLevel
  public var type: AlertType
  public var text: String
  public var reportingSide: Side?
  public var occurredAt: Timestamp?
  public var claims: [Side: CasualtyClaim]
  public var confidence: Confidence
  /// An ID chosen by the caller (e.g. a bridge keeping another system's ID); nil to have one assigned.
  public var id: AlertID?

  public init(
    segment: SegmentID, level: AlertLevel, type: AlertType, text: String, reportingSide: Side? = nil,
    occurredAt: Timestamp? = nil, claims: [Side: CasualtyClaim] = [:], confidence: Confidence = .unverified,
    id: AlertID? = nil
  ) {
    self.segment = segment
    self.level = level
    self.type = type
    self.text = text
    self.reportingSide = reportingSide
    self.occurredAt = occurredAt
    self.claims = claims
    self.confidence = confidence
    self.id = id
  }
}

extension AlertID {
  /// The ID an alert gets when it is appended: `AL-<segment>-<seq>`, unique because the seq is.
  public static func assigned(segment: SegmentID, seq: UInt64) -> AlertID {
    AlertID("AL-\(segment.rawValue)-\(seq)")
  }

  /// What a draft's alert is called until the journal assigns its ID.
  static func pending(on segment: SegmentID) -> AlertID {
    AlertID("AL-\(segment.rawValue)-(new)")
  }
}

/// An event waiting for the journal: the journal numbers it, and for events made now
/// times it and names a new alert, under its lock.
public struct EventDraft: Sendable, Hashable {
  /// The event as far as it is known (seq 0).
  public var event: JournalEvent
  /// Whether `at` is read from the clock when appended (an event made now), not kept (a backfill).
  public var timedAtAppend: Bool
  /// Whether a new alert gets its ID when appended (`AlertID.assigned`).
  public var assignsAlertID: Bool
  /// Members of the original line this version does not write (raw JSON, `"key":value,…`),
  /// kept byte for byte when a bridge appends a line (`bordermon append`).
  public var extraMembers: [UInt8]

  /// The time a draft timed at append carries until then.
  public static let placeholderTime = Timestamp(epochMilliseconds: 0)

  public init(
    _ event: JournalEvent, timedAtAppend: Bool = false, assignsAlertID: Bool = false,
    extraMembers: [UInt8] = []
  ) {
    self.event = event
    self.timedAtAppend = timedAtAppend
    self.assignsAlertID = assignsAlertID
    self.extraMembers = extraMembers
  }

  /// The event as appended with `seq` at `now` onto `situation`: timed and its alert named if the draft asks.
  public func finished(seq: UInt64, now: Timestamp, in situation: Situation) -> JournalEvent {
    var event = self.event
    event.seq = seq
    if timedAtAppend { event.at = now }
    if assignsAlertID, case .alertRaised(var report) = event.payload {
      var id = AlertID.assigned(segment: report.segment, seq: seq)
      var suffix = 2
      // Someone may have chosen this ID by hand: step aside rather than refuse.
      while situation.alert(id) != nil {
        id = AlertID("AL-\(report.segment.rawValue)-\(seq)-\(suffix)")
        suffix += 1
      }
      report.id = id
      event.payload = .alertRaised(report)
    }
    return event
  }

  /// Why the journal would refuse this draft if appended now onto `situation` (nil: it would be accepted).
  ///
  /// The same checks `append` makes under the lock; a console uses it to warn before sending.
  public func rejection(now: Timestamp, in situation: Situation) -> EventRejection? {
    let event = finished(seq: situation.lastSeq + 1, now: now, in: situation)
    return event.shapeProblem ?? event.futureProblem(now: now) ?? situation.validate(event)
  }
}
