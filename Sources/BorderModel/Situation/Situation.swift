/// The whole picture at one point of the journal: the reference data with events folded over it.
public struct Situation: Sendable {
  public private(set) var title: String
  public private(set) var isIllustrativeSample: Bool
  public private(set) var description: String?
  /// The sample scenario the data set was created from (`article`, `treaty`), if any.
  public private(set) var scenario: String?
  /// Segments, west to east, as the reference data orders them.
  public private(set) var segments: [Segment]
  /// Meetings in the order they became known.
  public private(set) var meetings: [Meeting]
  /// Alerts in the order they were raised.
  public private(set) var alerts: [Alert]
  public private(set) var checkpoints: [Checkpoint]
  /// Recent notes, oldest first: at least the last `noteLimit`, at most twice as many.
  public private(set) var notes: [Note]
  /// The sequence number of the last event applied, 0 before any.
  public private(set) var lastSeq: UInt64 = 0
  /// The latest event time applied.
  public private(set) var lastEventAt: Timestamp?
  /// How many events were applied.
  public private(set) var appliedEventCount = 0
  /// Events of types this version does not know, counted by type.
  public private(set) var unknownEventTypes: [String: Int] = [:]

  private var segmentIndex: [SegmentID: Int] = [:]
  private var meetingIndex: [MeetingID: Int] = [:]
  private var alertIndex: [AlertID: Int] = [:]
  /// The position of each alert's segment, in the order alerts were raised (saves a lookup per event).
  private var alertSegmentPositions: [Int] = []
  private var checkpointIndex: [CheckpointID: Int] = [:]

  /// How many notes the situation keeps.
  public static let noteLimit = 500

  /// Starts a situation from reference data, before any journal event.
  public init(reference: ReferenceData) {
    title = reference.title
    isIllustrativeSample = reference.isIllustrativeSample
    description = reference.description
    scenario = reference.scenario
    segments = reference.segments
    meetings = reference.meetings
    checkpoints = reference.checkpoints
    alerts = []
    notes = []
    for index in segments.indices { segmentIndex[segments[index].id] = index }
    for (index, meeting) in meetings.enumerated() { meetingIndex[meeting.id] = index }
    for (index, checkpoint) in checkpoints.enumerated() { checkpointIndex[checkpoint.id] = index }
  }

  /// An empty situation, cheap to make: a stand-in while the real one is being changed elsewhere.
  public static let placeholder = Situation(reference: ReferenceData(title: "", segments: []))

  /// Rebuilds a situation from its parts, as a checkpoint saved them; the indexes are rebuilt.
  public init(
    title: String, isIllustrativeSample: Bool, description: String?, segments: [Segment],
    meetings: [Meeting], alerts: [Alert], checkpoints: [Checkpoint], notes: [Note], lastSeq: UInt64,
    lastEventAt: Timestamp?, appliedEventCount: Int, unknownEventTypes: [String: Int],
    scenario: String? = nil
  ) {
    self.init(
      reference: ReferenceData(
        title: title, isIllustrativeSample: isIllustrativeSample, description: description,
        segments: segments, checkpoints: checkpoints, meetings: meetings, scenario: scenario))
    self.alerts = alerts
    self.notes = notes
    self.lastSeq = lastSeq
    self.lastEventAt = lastEventAt
    self.appliedEventCount = appliedEventCount
    self.unknownEventTypes = unknownEventTypes
    alertIndex.reserveCapacity(alerts.count)
    alertSegmentPositions.reserveCapacity(alerts.count)
    for index in alerts.indices {
      alertIndex[alerts[index].id] = index
      alertSegmentPositions.append(segmentIndex[alerts[index].report.segment] ?? 0)
    }
  }

  /// The segment with an ID, if any.
  public func segment(_ id: SegmentID) -> Segment? {
    segmentIndex[id].map { segments[$0] }
  }

  /// The position of a segment west to east.
  public func segmentPosition(_ id: SegmentID) -> Int? { segmentIndex[id] }

  /// The meeting with an ID, if any.
  public func meeting(_ id: MeetingID) -> Meeting? {
    meetingIndex[id].map { meetings[$0] }
  }

  /// The alert with an ID, if any.
  public func alert(_ id: AlertID) -> Alert? {
    alertIndex[id].map { alerts[$0] }
  }

  /// The position of an alert in the order alerts were raised.
  public func alertPosition(_ id: AlertID) -> Int? { alertIndex[id] }

  /// The checkpoint with an ID, if any.
  public func checkpoint(_ id: CheckpointID) -> Checkpoint? {
    checkpointIndex[id].map { checkpoints[$0] }
  }

  /// Whether some record has this ID (for notes).
  public func hasRecord(_ id: String) -> Bool {
    segmentIndex[SegmentID(id)] != nil || alertIndex[AlertID(id)] != nil
      || meetingIndex[MeetingID(id)] != nil || checkpointIndex[CheckpointID(id)] != nil
  }
}

/// What an applied event touched, so a console can highlight it.
public enum EventTouch: Sendable, Hashable {
  case segment(SegmentID)
  case alert(AlertID, segment: SegmentID)
  case meeting(MeetingID)
  case checkpoint(CheckpointID)
  case note(target: String?)
  /// An event of a type this version does not know.
  case unknown(type: String)
}

/// Why an event cannot be applied to the situation: the field at fault and the reason.
public struct EventRejection: Error, Sendable, Equatable, CustomStringConvertible {
  public var field: String
  public var reason: String
  public init(field: String, reason: String) {
    self.field = field
    self.reason = reason
  }
  public var description: String { "\(field): \(reason)" }
}

extension Situation {
  /// Checks an event against the situation without changing it.
  public func validate(_ event: JournalEvent) -> EventRejection? {
    var copy = self
    if case .failure(let rejection) = copy.apply(event) { return rejection }
    return nil
  }

  /// Folds one event into the situation; a rejected event changes nothing.
  @discardableResult
  public mutating func apply(_ event: JournalEvent) -> Result<EventTouch, EventRejection> {
    let result = reduce(event)
    if case .success(let touch) = result {
      appliedEventCount += 1
      lastSeq = max(lastSeq, event.seq)
      if lastEventAt.map({ event.at > $0 }) ?? true { lastEventAt = event.at }
      if case .unknown(let type) = touch { unknownEventTypes[type, default: 0] += 1 }
    }
    return result
  }

  private func reject(_ field: String, _ reason: String) -> Result<EventTouch, EventRejection> {
    .failure(EventRejection(field: field, reason: reason))
  }

  private mutating func reduce(_ event: JournalEvent) -> Result<EventTouch, EventRejection> {
    let stamp = EventStamp(seq: event.seq, at: event.at)
    switch event.payload {
    case .alertRaised(let report):
      guard alertIndex[report.id] == nil else {
        return reject("alert", "\(report.id) was already raised")
      }
      guard let segmentAt = segmentIndex[report.segment] else {
        return reject("segment", "no segment \(report.segment)")
      }
      alertIndex[report.id] = alerts.count
      alertSegmentPositions.append(segmentAt)
      alerts.append(
        Alert(
          report: report, raisedAt: event.at, raisedBy: event.by, provenance: event.provenance,
          stamp: stamp))
      alerts[alerts.count - 1].raisedByUID = event.uid
      segments[segmentAt].lastEvent = stamp
      return .success(.alert(report.id, segment: report.segment))

    case .alertLevelChanged(let id, let level, let reason):
      guard let index = alertIndex[id] else { return reject("alert", "no alert \(id)") }
      guard alerts[index].isOpen else { return reject("alert", "\(id) is resolved") }
      alerts[index].level = level
      alerts[index].levelHistory.append(
        LevelChange(level: level, at: event.at, by: event.by, reason: reason))
      if alerts[index].levelHistory.count >= 2 * Segment.historyLimit {
        alerts[index].levelHistory.removeFirst(Segment.historyLimit)
      }
      alerts[index].lastEvent = stamp
      segments[alertSegmentPositions[index]].lastEvent = stamp
      return .success(.alert(id, segment: alerts[index].segment))

    case .alertAcknowledged(let id, let note):
      guard let index = alertIndex[id] else { return reject("alert", "no alert \(id)") }
      if let mark = alerts[index].acknowledgement {
        return reject("alert", "\(id) was already acknowledged by \(mark.by) at \(mark.at)")
      }
      alerts[index].acknowledgement = OperatorMark(by: event.by, at: event.at, note: note)
      alerts[index].acknowledgement?.uid = event.uid
      alerts[index].lastEvent = stamp
      segments[alertSegmentPositions[index]].lastEvent = stamp
      return .success(.alert(id, segment: alerts[index].segment))

    case .alertResolved(let id, let note):
      guard let index = alertIndex[id] else { return reject("alert", "no alert \(id)") }
      if let mark = alerts[index].resolution {
        return reject("alert", "\(id) was already resolved by \(mark.by) at \(mark.at)")
      }
      alerts[index].resolution = OperatorMark(by: event.by, at: event.at, note: note)
      alerts[index].resolution?.uid = event.uid
      alerts[index].lastEvent = stamp
      segments[alertSegmentPositions[index]].lastEvent = stamp
      return .success(.alert(id, segment: alerts[index].segment))

    case .segmentStatusChanged(let id, let status, let note):
      guard let index = segmentIndex[id] else { return reject("segment", "no segment \(id)") }
      segments[index].status = status
      segments[index].statusHistory.append(
        StatusChange(status: status, at: event.at, note: note, provenance: event.provenance))
      if segments[index].statusHistory.count >= 2 * Segment.historyLimit {
        segments[index].statusHistory.removeFirst(Segment.historyLimit)
      }
      segments[index].lastEvent = stamp
      return .success(.segment(id))

    case .segmentLevelSet(let id, let level, let reason):
      guard let index = segmentIndex[id] else { return reject("segment", "no segment \(id)") }
      segments[index].alertLevel = level
      segments[index].alertReason = reason ?? ""
      segments[index].alertLevelSince = event.at
      segments[index].lastEvent = stamp
      return .success(.segment(id))

    case .meetingScheduled(var meeting):
      guard meetingIndex[meeting.id] == nil else {
        return reject("meeting", "\(meeting.id) is already scheduled")
      }
      if let unknown = meeting.agenda.first(where: { segmentIndex[$0] == nil }) {
        return reject("agenda", "no segment \(unknown)")
      }
      meeting.provenance = event.provenance
      meeting.lastEvent = stamp
      meetingIndex[meeting.id] = meetings.count
      meetings.append(meeting)
      return .success(.meeting(meeting.id))

    case .meetingRescheduled(let id, let start, let end, let reason):
      guard let index = meetingIndex[id] else { return reject("meeting", "no meeting \(id)") }
      guard !meetings[index].status.isClosed else {
        return reject("meeting", "\(id) is already \(meetings[index].status.label)")
      }
      meetings[index].start = start
      meetings[index].end = end
      meetings[index].status = .scheduled
      meetings[index].statusReason = reason
      meetings[index].lastEvent = stamp
      return .success(.meeting(id))

    case .meetingStarted(let id):
      guard let index = meetingIndex[id] else { return reject("meeting", "no meeting \(id)") }
      guard meetings[index].status == .scheduled || meetings[index].status == .postponed else {
        return reject("meeting", "\(id) is \(meetings[index].status.label), not scheduled")
      }
      meetings[index].status = .inSession
      meetings[index].lastEvent = stamp
      return .success(.meeting(id))

    case .meetingHeld(let id, let outcome):
      guard let index = meetingIndex[id] else { return reject("meeting", "no meeting \(id)") }
      guard !meetings[index].status.isClosed else {
        return reject("meeting", "\(id) is already \(meetings[index].status.label)")
      }
      meetings[index].status = .held
      meetings[index].outcome = outcome
      meetings[index].lastEvent = stamp
      return .success(.meeting(id))

    case .meetingPostponed(let id, let reason):
      guard let index = meetingIndex[id] else { return reject("meeting", "no meeting \(id)") }
      guard !meetings[index].status.isClosed else {
        return reject("meeting", "\(id) is already \(meetings[index].status.label)")
      }
      meetings[index].status = .postponed
      meetings[index].statusReason = reason
      meetings[index].lastEvent = stamp
      return .success(.meeting(id))

    case .meetingCancelled(let id, let reason):
      guard let index = meetingIndex[id] else { return reject("meeting", "no meeting \(id)") }
      guard !meetings[index].status.isClosed else {
        return reject("meeting", "\(id) is already \(meetings[index].status.label)")
      }
      meetings[index].status = .cancelled
      meetings[index].statusReason = reason
      meetings[index].lastEvent = stamp
      return .success(.meeting(id))

    case .checkpointStatusChanged(let id, let status, let note):
      guard let index = checkpointIndex[id] else {
        return reject("checkpoint", "no checkpoint \(id)")
      }
      checkpoints[index].status = status
      checkpoints[index].since = event.at
      checkpoints[index].note = note
      checkpoints[index].lastEvent = stamp
      return .success(.checkpoint(id))

    case .noteAdded(let target, let text):
      // Notes are most often on segments: look there first, once.
      let segmentTarget = target.flatMap { segmentIndex[SegmentID($0)] }
      if let target, segmentTarget == nil, !hasRecord(target) {
        return reject("target", "no segment, alert, meeting or checkpoint \(target)")
      }
      notes.append(
        Note(
          seq: event.seq, at: event.at, by: event.by, target: target, text: text,
          provenance: event.provenance))
      // Trim in batches so a long journal does not shift the array on every note.
      if notes.count >= 2 * Situation.noteLimit { notes.removeFirst(notes.count - Situation.noteLimit) }
      if let index = segmentTarget { segments[index].lastEvent = stamp }
      return .success(.note(target: target))

    case .unknown(let type):
      return .success(.unknown(type: type))
    }
  }

  /// Makes room for about this many more alerts, so a long journal does not regrow the tables.
  public mutating func reserveAlerts(_ count: Int) {
    guard count > alerts.count else { return }
    alerts.reserveCapacity(count)
    alertSegmentPositions.reserveCapacity(count)
    alertIndex.reserveCapacity(count)
  }
}
