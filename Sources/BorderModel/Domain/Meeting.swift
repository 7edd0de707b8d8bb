/// What a meeting produced.
public struct MeetingOutcome: Sendable, Hashable {
  /// The protocol's number, e.g. `44`.
  public var protocolNumber: String?
  /// Kilometres of line the meeting agreed.
  public var kmAgreed: Double?
  /// A one-line summary.
  public var summary: String?
  public init(protocolNumber: String? = nil, kmAgreed: Double? = nil, summary: String? = nil) {
    self.protocolNumber = protocolNumber
    self.kmAgreed = kmAgreed
    self.summary = summary
  }
}

/// A meeting of the delegations, a working group, the governors or the border services.
public struct Meeting: Sendable, Hashable, Identifiable {
  public var id: MeetingID
  public var kind: MeetingKind
  public var venue: PlaceName?
  /// The side hosting the round.
  public var host: Side?
  /// First day of the round, UTC.
  public var start: Timestamp
  /// End of the round, UTC.
  public var end: Timestamp
  /// Segments on the agenda.
  public var agenda: [SegmentID]
  public var status: MeetingStatus
  public var outcome: MeetingOutcome?
  /// The reason given for the last postponement, cancellation or rescheduling.
  public var statusReason: String?
  public var note: String?
  public var provenance: Provenance
  public var lastEvent: EventStamp?

  public init(
    id: MeetingID, kind: MeetingKind, venue: PlaceName? = nil, host: Side? = nil,
    start: Timestamp, end: Timestamp, agenda: [SegmentID] = [], status: MeetingStatus = .scheduled,
    outcome: MeetingOutcome? = nil, statusReason: String? = nil, note: String? = nil,
    provenance: Provenance, lastEvent: EventStamp? = nil
  ) {
    self.id = id
    self.kind = kind
    self.venue = venue
    self.host = host
    self.start = start
    self.end = end
    self.agenda = agenda
    self.status = status
    self.outcome = outcome
    self.statusReason = statusReason
    self.note = note
    self.provenance = provenance
    self.lastEvent = lastEvent
  }

  /// The status an operator should see at `now`: a scheduled round whose days have come reads as in session.
  public func status(at now: Timestamp) -> MeetingStatus {
    if status == .scheduled, start <= now, now < end { return .inSession }
    return status
  }

  /// Whether the meeting is still ahead of or around `now` and not closed.
  public func isUpcoming(at now: Timestamp) -> Bool {
    !status.isClosed && end > now
  }
}
