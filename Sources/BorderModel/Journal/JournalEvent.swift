/// One line of the journal: something that happened, when, and who recorded it.
public struct JournalEvent: Sendable, Hashable {
  /// Position in the journal: unique and increasing; 0 in a draft not yet appended.
  public var seq: UInt64
  /// When it happened, UTC.
  public var at: Timestamp
  /// The operator login or tool name that recorded it: claimed (from the environment or the input), not checked.
  public var by: String
  /// The user ID of the process that appended the line, set by the writer from the process
  /// itself (never from the environment or the input): the identity that is checked. Nil in
  /// drafts and in lines written before it was recorded.
  public var uid: UInt32?
  /// Where its facts come from.
  public var provenance: Provenance
  /// The operator's tool that wrote it (a console or a command), or nil when a feed wrote it.
  public var via: OperatorChannel?
  public var payload: EventPayload

  public init(
    seq: UInt64 = 0, at: Timestamp, by: String, provenance: Provenance = .reported,
    payload: EventPayload
  ) {
    self.seq = seq
    self.at = at
    self.by = by
    self.provenance = provenance
    self.payload = payload
  }

  /// The event's type as written in the journal, e.g. `alert.raised`.
  public var type: String { payload.typeName }
}

/// What an event says happened.
public enum EventPayload: Sendable, Hashable {
  // The large payloads are stored out of line, so every event stays small (about 120 bytes).
  indirect case alertRaised(AlertReport)
  case alertLevelChanged(alert: AlertID, level: AlertLevel, reason: String?)
  case alertAcknowledged(alert: AlertID, note: String?)
  case alertResolved(alert: AlertID, note: String?)
  case segmentStatusChanged(segment: SegmentID, status: DemarcationStatus, note: String?)
  case segmentLevelSet(segment: SegmentID, level: AlertLevel, reason: String?)
  indirect case meetingScheduled(Meeting)
  case meetingRescheduled(meeting: MeetingID, start: Timestamp, end: Timestamp, reason: String?)
  case meetingStarted(meeting: MeetingID)
  indirect case meetingHeld(meeting: MeetingID, outcome: MeetingOutcome)
  case meetingPostponed(meeting: MeetingID, reason: String?)
  case meetingCancelled(meeting: MeetingID, reason: String?)
  case checkpointStatusChanged(checkpoint: CheckpointID, status: CheckpointStatus, note: String?)
  case noteAdded(target: String?, text: String)
  /// The first event of a rotated journal: the situation folded from the journal it continues.
  indirect case journalRotated(CarriedSituation)
  /// A feed saying it is alive though it has nothing to report: it changes no record.
  case feedHeartbeat(feed: String, note: String?)
  /// A type this version does not know: kept in the journal, reported, otherwise ignored.
  case unknown(type: String)

  /// Every event type this version knows, as written in the journal.
  public static let knownTypes: [String] = EventType.allCases.map(\.rawValue)

  /// The type name written in the journal.
  public var typeName: String {
    switch self {
    case .unknown(let type): return type
    default: return eventType?.rawValue ?? ""
    }
  }

  /// The known type of this payload, or nil for an unknown one.
  public var eventType: EventType? {
    switch self {
    case .alertRaised: return .alertRaised
    case .alertLevelChanged: return .alertLevelChanged
    case .alertAcknowledged: return .alertAcknowledged
    case .alertResolved: return .alertResolved
    case .segmentStatusChanged: return .segmentStatusChanged
    case .segmentLevelSet: return .segmentLevelSet
    case .meetingScheduled: return .meetingScheduled
    case .meetingRescheduled: return .meetingRescheduled
    case .meetingStarted: return .meetingStarted
    case .meetingHeld: return .meetingHeld
    case .meetingPostponed: return .meetingPostponed
    case .meetingCancelled: return .meetingCancelled
    case .checkpointStatusChanged: return .checkpointStatusChanged
    case .noteAdded: return .noteAdded
    case .journalRotated: return .journalRotated
    case .feedHeartbeat: return .feedHeartbeat
    case .unknown: return nil
    }
  }
}

/// The event types of the journal format, by their written names.
public enum EventType: String, Sendable, CaseIterable {
  case alertRaised = "alert.raised"
  case alertLevelChanged = "alert.level"
  case alertAcknowledged = "alert.ack"
  case alertResolved = "alert.resolved"
  case segmentStatusChanged = "segment.status"
  case segmentLevelSet = "segment.level"
  case meetingScheduled = "meeting.scheduled"
  case meetingRescheduled = "meeting.rescheduled"
  case meetingStarted = "meeting.started"
  case meetingHeld = "meeting.held"
  case meetingPostponed = "meeting.postponed"
  case meetingCancelled = "meeting.cancelled"
  case checkpointStatusChanged = "checkpoint.status"
  case noteAdded = "note"
  case journalRotated = "journal.rotated"
  case feedHeartbeat = "feed.heartbeat"
}

/// The operator's tool that wrote an event: what tells an operator's action from a feed's report.
public enum OperatorChannel: String, Sendable, Hashable, CaseIterable {
  /// An action from a running console.
  case console
  /// An operator's command (`bordermon alert ack`, `note`, …).
  case command
}

extension JournalEvent {
  /// Whether a feed wrote this event (anything but an operator's action): what makes the situation look live.
  public var isFromFeed: Bool { via == nil }
}

extension EventType {
  private static let spellings: [(EventType, [UInt8])] = allCases.map { ($0, Array($0.rawValue.utf8)) }

  /// The type spelled by these bytes, without making a string.
  static func match(_ bytes: UnsafeBufferPointer<UInt8>) -> EventType? {
    for (type, spelling) in spellings where spelling.count == bytes.count {
      if spelling.withUnsafeBufferPointer({ memcmpEqual($0, bytes) }) { return type }
    }
    return nil
  }
}

/// Whether two byte buffers of the same length hold the same bytes.
func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
  guard a.count == b.count else { return false }
  for index in 0..<a.count where a[index] != b[index] { return false }
  return true
}
