extension EventCodec {
  /// Checks the gathered fields against the event's type and builds the event.
  static func build(_ f: EventFields) -> Result<JournalEvent, EventDecodeError> {
    do {
      let event = try buildEvent(f)
      // The bounds every writer keeps (lengths, numbers, times): a line beyond them is skipped.
      if let problem = event.shapeProblem {
        return .failure(EventDecodeError(field: problem.field, reason: problem.reason.description))
      }
      return .success(event)
    } catch let error as EventDecodeError {
      return .failure(error)
    } catch {
      return .failure(EventDecodeError(field: nil, reason: "\(error)"))
    }
  }

  private static func missing(_ field: String) -> EventDecodeError {
    EventDecodeError(field: field, reason: "missing")
  }

  private static func required<T>(_ value: T?, _ field: String) throws -> T {
    guard let value else { throw missing(field) }
    return value
  }

  private static func nonEmpty(_ value: String?, _ field: String) throws -> String {
    guard let value else { throw missing(field) }
    guard !value.isEmpty else { throw EventDecodeError(field: field, reason: "must not be empty") }
    return value
  }

  private static func term<T: DomainTerm>(_ value: RawText?, _ field: String, _: T.Type) throws -> T {
    guard let value else { throw missing(field) }
    guard !value.isEmpty else { throw EventDecodeError(field: field, reason: "must not be empty") }
    guard let term = value.term(T.self) else {
      throw EventDecodeError(field: field, reason: "'\(value.text)' is not one of \(T.spellings)")
    }
    return term
  }

  /// `via`: the operator's tool, one of the known channels.
  private static func channel(_ value: RawText) throws -> OperatorChannel {
    for channel in OperatorChannel.allCases where value.text == channel.rawValue { return channel }
    let known = OperatorChannel.allCases.map(\.rawValue).joined(separator: ", ")
    throw EventDecodeError(field: "via", reason: "'\(value.text)' is not one of \(known)")
  }

  private static func level(_ value: Int64?) throws -> AlertLevel {
    let number = try required(value, "level")
    guard let level = AlertLevel(number: number) else {
      throw EventDecodeError(field: "level", reason: "\(number) is outside 1–5")
    }
    return level
  }

  private static func buildEvent(_ f: EventFields) throws -> JournalEvent {
    let seq = try required(f.seq, "seq")
    let at = try required(f.at, "at")
    let by = try nonEmpty(f.by, "by")
    let typeName = try f.knownType?.rawValue ?? nonEmpty(f.type, "type")
    let provenance = Provenance(
      source: f.source, isIllustrative: f.illustrative, note: f.illustrativeNote,
      approximate: f.approximate)
    let payload: EventPayload
    switch f.knownType ?? EventType(rawValue: typeName) {
    case nil:
      payload = .unknown(type: typeName)
    case .alertRaised?:
      let report = AlertReport(
        id: AlertID(try nonEmpty(f.alert, "alert")),
        segment: SegmentID(try nonEmpty(f.segment, "segment")),
        level: try level(f.level),
        type: try term(f.kind, "kind", AlertType.self),
        text: f.text ?? "",
        reportingSide: try f.side.map { try term($0, "side", Side.self) },
        occurredAt: f.occurred,
        claims: f.claims,
        confidence: try f.confidence.map { try term($0, "confidence", Confidence.self) }
          ?? .unverified)
      payload = .alertRaised(report)
    case .alertLevelChanged?:
      payload = .alertLevelChanged(
        alert: AlertID(try nonEmpty(f.alert, "alert")), level: try level(f.level), reason: f.reason)
    case .alertAcknowledged?:
      payload = .alertAcknowledged(alert: AlertID(try nonEmpty(f.alert, "alert")), note: f.note)
    case .alertResolved?:
      payload = .alertResolved(alert: AlertID(try nonEmpty(f.alert, "alert")), note: f.note)
    case .segmentStatusChanged?:
      payload = .segmentStatusChanged(
        segment: SegmentID(try nonEmpty(f.segment, "segment")),
        status: try term(f.status, "status", DemarcationStatus.self), note: f.note)
    case .segmentLevelSet?:
      payload = .segmentLevelSet(
        segment: SegmentID(try nonEmpty(f.segment, "segment")), level: try level(f.level),
        reason: f.reason)
    case .meetingScheduled?:
      let start = try required(f.start, "start")
      let end = try required(f.end, "end")
      guard end >= start else {
        throw EventDecodeError(field: "end", reason: "is before start")
      }
      payload = .meetingScheduled(
        Meeting(
          id: MeetingID(try nonEmpty(f.meeting, "meeting")),
          kind: try term(f.kind, "kind", MeetingKind.self),
          venue: f.venue.map { PlaceName($0, cyrillic: f.venueCyrillic) },
          host: try f.host.map { try term($0, "host", Side.self) },
          start: start, end: end, agenda: (f.agenda ?? []).map(SegmentID.init),
          status: .scheduled, note: f.note, provenance: provenance))
    case .meetingRescheduled?:
      let start = try required(f.start, "start")
      let end = try required(f.end, "end")
      guard end >= start else {
        throw EventDecodeError(field: "end", reason: "is before start")
      }
      payload = .meetingRescheduled(
        meeting: MeetingID(try nonEmpty(f.meeting, "meeting")), start: start, end: end,
        reason: f.reason)
    case .meetingStarted?:
      payload = .meetingStarted(meeting: MeetingID(try nonEmpty(f.meeting, "meeting")))
    case .meetingHeld?:
      if let km = f.km, !(km.isFinite && km >= 0) {
        throw EventDecodeError(field: "km", reason: "must be a number ≥ 0")
      }
      payload = .meetingHeld(
        meeting: MeetingID(try nonEmpty(f.meeting, "meeting")),
        outcome: MeetingOutcome(protocolNumber: f.protocolNumber, kmAgreed: f.km, summary: f.text))
    case .meetingPostponed?:
      payload = .meetingPostponed(
        meeting: MeetingID(try nonEmpty(f.meeting, "meeting")), reason: f.reason)
    case .meetingCancelled?:
      payload = .meetingCancelled(
        meeting: MeetingID(try nonEmpty(f.meeting, "meeting")), reason: f.reason)
    case .checkpointStatusChanged?:
      payload = .checkpointStatusChanged(
        checkpoint: CheckpointID(try nonEmpty(f.checkpoint, "checkpoint")),
        status: try term(f.status, "status", CheckpointStatus.self), note: f.note)
    case .noteAdded?:
      payload = .noteAdded(target: f.target, text: try nonEmpty(f.text, "text"))
    case .journalRotated?:
      let state = try required(f.state, "state")
      let format = try required(f.stateFormat, "state_format")
      guard let checksum = f.stateChecksum else { throw missing("state_xxh64") }
      guard Checksum.xxh64(state) == checksum else {
        throw EventDecodeError(field: "state", reason: "does not match its state_xxh64 (damaged)")
      }
      guard let version = UInt8(exactly: format) else {
        throw EventDecodeError(field: "state_format", reason: "\(format) is not a layout this version reads")
      }
      switch CarriedSituation.decode(
        previous: try required(f.previous, "previous"), format: version, state: state)
      {
      case .success(let carried): payload = .journalRotated(carried)
      case .failure(let problem):
        throw EventDecodeError(field: problem.field, reason: problem.reason.description)
      }
    case .feedHeartbeat?:
      payload = .feedHeartbeat(feed: try nonEmpty(f.feed, "feed"), note: f.note)
    }
    var event = JournalEvent(seq: seq, at: at, by: by, provenance: provenance, payload: payload)
    event.uid = f.uid
    event.via = try f.via.map { try channel($0) }
    return event
  }
}
