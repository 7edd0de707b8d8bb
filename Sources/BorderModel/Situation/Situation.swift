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
  /// The latest time of an event a feed wrote (not an operator's action): what says the feeds are alive.
  public private(set) var lastFeedEventAt: Timestamp?
  /// How many events were applied.
  public private(set) var appliedEventCount = 0
  /// Events of types this version does not know, counted by type.
  public private(set) var unknownEventTypes: [String: Int] = [:]
  /// The latest few event times, newest first (see `latestEventAt(notAfter:)`).
  private var latestTimes: [Timestamp] = []
  /// The latest few times of feeds' events, newest first (see `latestFeedEventAt(notAfter:)`).
  private var latestFeedTimes: [Timestamp] = []
  /// How many of the latest event times are kept.
  static let latestTimesKept = 8

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
    scenario: String? = nil, lastFeedEventAt: Timestamp? = nil
  ) {
    self.init(
      reference: ReferenceData(
        title: title, isIllustrativeSample: isIllustrativeSample, description: description,
        segments: segments, checkpoints: checkpoints, meetings: meetings, scenario: scenario))
    self.alerts = alerts
    self.notes = notes
    self.lastSeq = lastSeq
    self.lastEventAt = lastEventAt
    latestTimes = lastEventAt.map { [$0] } ?? []
    self.lastFeedEventAt = lastFeedEventAt
    latestFeedTimes = lastFeedEventAt.map { [$0] } ?? []
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
  /// A journal rotation: the situation was carried over from the journal that ended at this seq.
  case journalRotated(previousLastSeq: UInt64)
  /// A feed's heartbeat: no record changed.
  case heartbeat(feed: String)
  /// An event of a type this version does not know.
  case unknown(type: String)
}

extension Situation {
  /// Checks an event against the situation without changing it (and without copying it).
  public func validate(_ event: JournalEvent) -> EventRejection? {
    if case .failure(let rejection) = check(event) { return rejection }
    return nil
  }

  /// Folds one event into the situation; a rejected event changes nothing.
  @discardableResult
  public mutating func apply(_ event: JournalEvent) -> Result<EventTouch, EventRejection> {
    let index: Int
    switch check(event) {
    case .failure(let rejection): return .failure(rejection)
    case .success(let found): index = found
    }
    let touch = fold(event, at: index)
    lastSeq = max(lastSeq, event.seq)
    // A rotation is bookkeeping, not news: it is not counted and never makes the feed look live.
    if case .journalRotated = touch { return .success(touch) }
    appliedEventCount += 1
    if lastEventAt.map({ event.at > $0 }) ?? true { lastEventAt = event.at }
    Self.noteLatest(event.at, in: &latestTimes)
    if event.isFromFeed {
      if lastFeedEventAt.map({ event.at > $0 }) ?? true { lastFeedEventAt = event.at }
      Self.noteLatest(event.at, in: &latestFeedTimes)
    }
    if case .unknown(let type) = touch { unknownEventTypes[type, default: 0] += 1 }
    return .success(touch)
  }

  /// The latest event time at or before `limit` among the last few: a time stamped far
  /// ahead of the clock (bad data) never makes the feed look live.
  public func latestEventAt(notAfter limit: Timestamp) -> Timestamp? {
    latestTimes.first { $0 <= limit } ?? lastEventAt.flatMap { $0 <= limit ? $0 : nil }
  }

  /// The latest time at or before `limit` of an event a feed wrote (operators' actions do not
  /// count): nil when no feed has written, or only beyond `limit` (bad data).
  public func latestFeedEventAt(notAfter limit: Timestamp) -> Timestamp? {
    latestFeedTimes.first { $0 <= limit } ?? lastFeedEventAt.flatMap { $0 <= limit ? $0 : nil }
  }

  /// Keeps the few latest event times in `times`, newest first.
  private static func noteLatest(_ time: Timestamp, in times: inout [Timestamp]) {
    if times.count == Self.latestTimesKept, let oldest = times.last, time <= oldest { return }
    if times.contains(time) { return }
    let position = times.firstIndex { $0 < time } ?? times.endIndex
    times.insert(time, at: position)
    if times.count > Self.latestTimesKept { times.removeLast() }
  }

  private func reject(_ field: String, _ reason: RejectionReason) -> Result<Int, EventRejection> {
    .failure(EventRejection(field: field, reason: reason))
  }

  /// The rules of the model, in one place: whether `event` may be folded into the situation as it
  /// stands, and if so the position of the record it changes (0 when it changes none).
  private func check(_ event: JournalEvent) -> Result<Int, EventRejection> {
    switch event.payload {
    case .alertRaised(let report):
      if let existing = alertIndex[report.id] {
        let alert = alerts[existing]
        return reject("alert", .alreadyRaised(report.id, by: alert.raisedBy, at: alert.raisedAt))
      }
      guard let segmentAt = segmentIndex[report.segment] else {
        return reject("segment", .noSegment(report.segment))
      }
      return .success(segmentAt)

    case .alertLevelChanged(let id, let level, _):
      guard let index = alertIndex[id] else { return reject("alert", .noAlert(id)) }
      if let mark = alerts[index].resolution {
        return reject("alert", .resolvedLevelFixed(id, by: mark.by, at: mark.at))
      }
      if alerts[index].level == level {
        let change = alerts[index].levelHistory.last
        let by = change?.by ?? alerts[index].raisedBy
        let at = change?.at ?? alerts[index].raisedAt
        return reject("level", .alreadyAtLevel(id, level, by: by, at: at))
      }
      return .success(index)

    case .alertAcknowledged(let id, _):
      guard let index = alertIndex[id] else { return reject("alert", .noAlert(id)) }
      if let mark = alerts[index].resolution {
        return reject("alert", .resolvedCannotAcknowledge(id, by: mark.by, at: mark.at))
      }
      if let mark = alerts[index].acknowledgement {
        return reject("alert", .alreadyAcknowledged(id, by: mark.by, at: mark.at))
      }
      return .success(index)

    case .alertResolved(let id, _):
      guard let index = alertIndex[id] else { return reject("alert", .noAlert(id)) }
      if let mark = alerts[index].resolution {
        return reject("alert", .alreadyResolved(id, by: mark.by, at: mark.at))
      }
      return .success(index)

    case .segmentStatusChanged(let id, _, _), .segmentLevelSet(let id, _, _):
      guard let index = segmentIndex[id] else { return reject("segment", .noSegment(id)) }
      return .success(index)

    case .meetingScheduled(let meeting):
      guard meetingIndex[meeting.id] == nil else {
        return reject("meeting", .meetingAlreadyScheduled(meeting.id))
      }
      if let unknown = meeting.agenda.first(where: { segmentIndex[$0] == nil }) {
        return reject("agenda", .noSegment(unknown))
      }
      return .success(0)

    case .meetingRescheduled(let id, _, _, _), .meetingHeld(let id, _), .meetingPostponed(let id, _),
      .meetingCancelled(let id, _):
      guard let index = meetingIndex[id] else { return reject("meeting", .noMeeting(id)) }
      guard !meetings[index].status.isClosed else {
        return reject("meeting", .meetingClosed(id, meetings[index].status))
      }
      return .success(index)

    case .meetingStarted(let id):
      guard let index = meetingIndex[id] else { return reject("meeting", .noMeeting(id)) }
      guard meetings[index].status == .scheduled || meetings[index].status == .postponed else {
        return reject("meeting", .meetingNotScheduled(id, meetings[index].status))
      }
      return .success(index)

    case .checkpointStatusChanged(let id, _, _):
      guard let index = checkpointIndex[id] else { return reject("checkpoint", .noCheckpoint(id)) }
      return .success(index)

    case .noteAdded(let target, _):
      // Notes are most often on segments: look there first, once.
      guard let target else { return .success(-1) }
      if let index = segmentIndex[SegmentID(target)] { return .success(index) }
      guard hasRecord(target) else {
        return reject("target", .noRecord(target))
      }
      return .success(-1)

    case .journalRotated:
      guard appliedEventCount == 0, lastSeq == 0 else {
        return reject("type", .rotationNotFirst(eventsBefore: appliedEventCount))
      }
      return .success(0)

    case .feedHeartbeat, .unknown:
      return .success(0)
    }
  }

  /// Passes over the `journal.rotated` event that begins a journal whose predecessor was
  /// folded here already (history read across a rotation, or a reader that followed it):
  /// the situation already holds what it carries, so only its `seq` counts.
  public mutating func continueThrough(_ event: JournalEvent) {
    lastSeq = max(lastSeq, event.seq)
  }

  /// Folds an event `check` accepted; `index` is the position it found.
  private mutating func fold(_ event: JournalEvent, at index: Int) -> EventTouch {
    let stamp = EventStamp(seq: event.seq, at: event.at)
    switch event.payload {
    case .alertRaised(let report):
      alertIndex[report.id] = alerts.count
      alertSegmentPositions.append(index)
      alerts.append(
        Alert(
          report: report, raisedAt: event.at, raisedBy: event.by, provenance: event.provenance,
          stamp: stamp))
      alerts[alerts.count - 1].raisedByUID = event.uid
      segments[index].lastEvent = stamp
      return .alert(report.id, segment: report.segment)

    case .alertLevelChanged(let id, let level, let reason):
      alerts[index].level = level
      alerts[index].levelHistory.append(
        LevelChange(level: level, at: event.at, by: event.by, reason: reason))
      if alerts[index].levelHistory.count >= 2 * Segment.historyLimit {
        alerts[index].levelHistory.removeFirst(Segment.historyLimit)
      }
      alerts[index].lastEvent = stamp
      segments[alertSegmentPositions[index]].lastEvent = stamp
      return .alert(id, segment: alerts[index].segment)

    case .alertAcknowledged(let id, let note):
      alerts[index].acknowledgement = OperatorMark(by: event.by, at: event.at, note: note)
      alerts[index].acknowledgement?.uid = event.uid
      alerts[index].lastEvent = stamp
      segments[alertSegmentPositions[index]].lastEvent = stamp
      return .alert(id, segment: alerts[index].segment)

    case .alertResolved(let id, let note):
      alerts[index].resolution = OperatorMark(by: event.by, at: event.at, note: note)
      alerts[index].resolution?.uid = event.uid
      alerts[index].lastEvent = stamp
      segments[alertSegmentPositions[index]].lastEvent = stamp
      return .alert(id, segment: alerts[index].segment)

    case .segmentStatusChanged(let id, let status, let note):
      segments[index].status = status
      segments[index].statusHistory.append(
        StatusChange(status: status, at: event.at, note: note, provenance: event.provenance))
      if segments[index].statusHistory.count >= 2 * Segment.historyLimit {
        segments[index].statusHistory.removeFirst(Segment.historyLimit)
      }
      segments[index].lastEvent = stamp
      return .segment(id)

    case .segmentLevelSet(let id, let level, let reason):
      segments[index].alertLevel = level
      segments[index].alertReason = reason ?? ""
      segments[index].alertLevelSince = event.at
      segments[index].lastEvent = stamp
      return .segment(id)

    case .meetingScheduled(var meeting):
      meeting.provenance = event.provenance
      meeting.lastEvent = stamp
      meetingIndex[meeting.id] = meetings.count
      meetings.append(meeting)
      return .meeting(meeting.id)

    case .meetingRescheduled(let id, let start, let end, let reason):
      meetings[index].start = start
      meetings[index].end = end
      meetings[index].status = .scheduled
      meetings[index].statusReason = reason
      meetings[index].lastEvent = stamp
      return .meeting(id)

    case .meetingStarted(let id):
      meetings[index].status = .inSession
      meetings[index].lastEvent = stamp
      return .meeting(id)

    case .meetingHeld(let id, let outcome):
      meetings[index].status = .held
      meetings[index].outcome = outcome
      meetings[index].lastEvent = stamp
      return .meeting(id)

    case .meetingPostponed(let id, let reason):
      meetings[index].status = .postponed
      meetings[index].statusReason = reason
      meetings[index].lastEvent = stamp
      return .meeting(id)

    case .meetingCancelled(let id, let reason):
      meetings[index].status = .cancelled
      meetings[index].statusReason = reason
      meetings[index].lastEvent = stamp
      return .meeting(id)

    case .checkpointStatusChanged(let id, let status, let note):
      checkpoints[index].status = status
      checkpoints[index].since = event.at
      checkpoints[index].note = note
      checkpoints[index].lastEvent = stamp
      return .checkpoint(id)

    case .noteAdded(let target, let text):
      notes.append(
        Note(
          seq: event.seq, at: event.at, by: event.by, target: target, text: text,
          provenance: event.provenance))
      // Trim in batches so a long journal does not shift the array on every note.
      if notes.count >= 2 * Situation.noteLimit { notes.removeFirst(notes.count - Situation.noteLimit) }
      if index >= 0 { segments[index].lastEvent = stamp }
      return .note(target: target)

    case .journalRotated(let carried):
      self = carryingOver(carried.situation)
      return .journalRotated(previousLastSeq: carried.previous.lastSeq)
    case .feedHeartbeat(let feed, _):
      return .heartbeat(feed: feed)

    case .unknown(let type):
      return .unknown(type: type)
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
