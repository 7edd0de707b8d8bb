import Testing

@testable import BorderModel

@Suite("Folding events into the situation")
struct ReducerTests {
  /// One row of the reducer table: events before, the event under test, and what must hold after.
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var before: [EventPayload] = []
    var event: EventPayload
    var rejectedField: String? = nil
    var check: @Sendable (Situation) -> Bool = { _ in true }
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "alert raised on a known segment", event: Fixtures.raise("X1"),
      check: { $0.alert("X1")?.needsAcknowledgement == true && $0.alerts.count == 1 }),
    Case(
      name: "alert on an unknown segment is rejected", event: Fixtures.raise("X1", on: "Z-99"),
      rejectedField: "segment"),
    Case(
      name: "an alert ID is raised once", before: [Fixtures.raise("X1")], event: Fixtures.raise("X1"),
      rejectedField: "alert"),
    Case(
      name: "acknowledging records who and the note", before: [Fixtures.raise("X1")],
      event: .alertAcknowledged(alert: "X1", note: "on it"),
      check: {
        $0.alert("X1")?.acknowledgement?.note == "on it" && $0.alert("X1")?.acknowledgement?.by == "op"
      }),
    Case(
      name: "a second acknowledgement is rejected",
      before: [Fixtures.raise("X1"), .alertAcknowledged(alert: "X1", note: nil)],
      event: .alertAcknowledged(alert: "X1", note: nil), rejectedField: "alert"),
    Case(
      name: "acknowledging an unknown alert is rejected", event: .alertAcknowledged(alert: "nope", note: nil),
      rejectedField: "alert"),
    Case(
      name: "resolving closes the alert", before: [Fixtures.raise("X1")],
      event: .alertResolved(alert: "X1", note: "calm"),
      check: { $0.alert("X1")?.isOpen == false && $0.figures(now: Fixtures.t0).openAlerts == 0 }),
    Case(
      name: "a resolved alert cannot change level",
      before: [Fixtures.raise("X1"), .alertResolved(alert: "X1", note: nil)],
      event: .alertLevelChanged(alert: "X1", level: .escalation, reason: nil), rejectedField: "alert"),
    Case(
      name: "a level change is kept in the alert's history", before: [Fixtures.raise("X1")],
      event: .alertLevelChanged(alert: "X1", level: .escalation, reason: "spreading"),
      check: { $0.alert("X1")?.level == .escalation && $0.alert("X1")?.levelHistory.count == 1 }),
    Case(
      name: "segment status changes and is kept in history",
      event: .segmentStatusChanged(segment: "A-01", status: .described, note: nil),
      check: { $0.segment("A-01")?.status == .described && $0.segment("A-01")?.statusHistory.count == 1 }),
    Case(
      name: "status of an unknown segment is rejected",
      event: .segmentStatusChanged(segment: "Q-1", status: .described, note: nil), rejectedField: "segment"),
    Case(
      name: "segment alert level is set with its reason",
      event: .segmentLevelSet(segment: "B-01", level: .armedIncident, reason: "exchange of fire"),
      check: {
        $0.segment("B-01")?.alertLevel == .armedIncident
          && $0.segment("B-01")?.alertReason == "exchange of fire"
      }),
    Case(
      name: "a meeting is scheduled once",
      event: .meetingScheduled(
        Meeting(id: "M-1", kind: .coChairs, start: Fixtures.t0, end: Fixtures.t0, provenance: .reported)),
      rejectedField: "meeting"),
    Case(
      name: "a meeting's agenda must name known segments",
      event: .meetingScheduled(
        Meeting(
          id: "M-9", kind: .coChairs, start: Fixtures.t0, end: Fixtures.t0, agenda: ["X-9"],
          provenance: .reported)),
      rejectedField: "agenda"),
    Case(
      name: "a held meeting keeps its outcome",
      event: .meetingHeld(meeting: "M-1", outcome: MeetingOutcome(protocolNumber: "44", kmAgreed: 43.32)),
      check: { $0.meeting("M-1")?.status == .held && $0.meeting("M-1")?.outcome?.kmAgreed == 43.32 }),
    Case(
      name: "a cancelled meeting cannot be held",
      before: [.meetingCancelled(meeting: "M-1", reason: nil)],
      event: .meetingHeld(meeting: "M-1", outcome: MeetingOutcome()), rejectedField: "meeting"),
    Case(
      name: "a postponed meeting can be rescheduled",
      before: [.meetingPostponed(meeting: "M-1", reason: "weather")],
      event: .meetingRescheduled(
        meeting: "M-1", start: Fixtures.t0.adding(seconds: 999_999),
        end: Fixtures.t0.adding(seconds: 1_999_999), reason: nil),
      check: {
        $0.meeting("M-1")?.status == .scheduled
          && $0.meeting("M-1")?.start == Fixtures.t0.adding(seconds: 999_999)
      }),
    Case(
      name: "a held meeting cannot start again",
      before: [.meetingHeld(meeting: "M-1", outcome: MeetingOutcome())],
      event: .meetingStarted(meeting: "M-1"), rejectedField: "meeting"),
    Case(
      name: "checkpoint status changes with its time",
      event: .checkpointStatusChanged(checkpoint: "kyzyl-bel", status: .closed, note: nil),
      check: { $0.checkpoint("kyzyl-bel")?.status == .closed && $0.checkpoint("kyzyl-bel")?.since != nil }),
    Case(
      name: "an unknown checkpoint is rejected",
      event: .checkpointStatusChanged(checkpoint: "nowhere", status: .closed, note: nil),
      rejectedField: "checkpoint"),
    Case(
      name: "a note on a record is kept", event: .noteAdded(target: "B-01", text: "patrol"),
      check: { $0.notes.last?.target == "B-01" }),
    Case(
      name: "a note on an unknown record is rejected", event: .noteAdded(target: "nothing", text: "x"),
      rejectedField: "target"),
    Case(
      name: "an unknown type is counted, not rejected", event: .unknown(type: "drone.sighting"),
      check: { $0.unknownEventTypes["drone.sighting"] == 1 }),
  ]

  @Test("each event does what it says", arguments: cases)
  func table(_ row: Case) {
    var situation = Situation(reference: Fixtures.reference)
    for (index, payload) in row.before.enumerated() {
      let result = situation.apply(Fixtures.event(UInt64(index + 1), minutes: Int64(index), payload))
      guard case .success = result else {
        Issue.record("setup event \(index) was rejected: \(result)")
        return
      }
    }
    let before = situation
    let event = Fixtures.event(UInt64(row.before.count + 1), minutes: 100, row.event)
    switch situation.apply(event) {
    case .success:
      #expect(row.rejectedField == nil, "expected a rejection on \(row.rejectedField ?? "")")
      #expect(row.check(situation))
      #expect(situation.lastSeq == event.seq)
    case .failure(let rejection):
      #expect(rejection.field == row.rejectedField, "\(rejection)")
      #expect(situation.appliedEventCount == before.appliedEventCount, "a rejected event changes nothing")
      #expect(situation.alerts == before.alerts && situation.segments == before.segments)
    }
  }

  @Test("the figures an operator reads: km by status, share agreed, alerts, sectors, next meeting")
  func figures() {
    var situation = Situation(reference: Fixtures.reference)
    let events: [EventPayload] = [
      Fixtures.raise("X1", on: "A-01", level: .armedIncident),
      Fixtures.raise("X2", on: "B-01", level: .tense),
      .alertAcknowledged(alert: "X2", note: nil),
      Fixtures.raise("X3", on: "B-01", level: .escalation),
      .alertResolved(alert: "X3", note: nil),
      .segmentStatusChanged(segment: "B-01", status: .delimited, note: nil),
    ]
    for (index, payload) in events.enumerated() {
      situation.apply(Fixtures.event(UInt64(index + 1), minutes: Int64(index), payload))
    }
    let figures = situation.figures(now: Fixtures.t0)
    #expect(figures.totalKm == 100)
    #expect(figures.agreedKm == 90)
    #expect(figures.agreedShare == 0.9)
    #expect(figures.kmByStatus[.disputed] == 10 && figures.kmByStatus[.delimited] == 20)
    #expect(figures.kmByStatus[.demarcated] == 0)
    #expect(figures.openAlertsByLevel[.armedIncident] == 1 && figures.openAlertsByLevel[.tense] == 1)
    #expect(figures.openAlertsByLevel[.escalation] == 0, "resolved alerts are not open")
    #expect(figures.unacknowledgedAlerts == 1)
    #expect(figures.highestLevelBySector[.isfaraVorukh] == .armedIncident)
    #expect(figures.highestLevelBySector[.batken] == .tense)
    #expect(figures.highestLevelBySector[.chonAlai] == .stable)
    #expect(figures.nextMeeting?.id == "M-1")
    #expect(situation.figures(now: Fixtures.t0.adding(seconds: 86_400 * 10)).nextMeeting == nil)
  }

  @Test("a scheduled round whose days have come reads as in session")
  func meetingInSession() throws {
    let meeting = try #require(Situation(reference: Fixtures.reference).meeting("M-1"))
    #expect(meeting.status(at: Fixtures.t0) == .scheduled)
    #expect(meeting.status(at: meeting.start.adding(seconds: 60)) == .inSession)
    #expect(meeting.status(at: meeting.end.adding(seconds: 60)) == .scheduled)
  }

  @Test("replay is deterministic, and the situation as of a time is the fold of the events up to it")
  func replayAndAsOf() {
    var random = LinearCongruential(seed: 42)
    var events: [JournalEvent] = []
    var situation = Situation(reference: Fixtures.reference)
    var alertNumber = 0
    for seq in 1...400 {
      let segment = ["A-01", "B-01", "E-01"][random.next(3)]
      let payload: EventPayload
      switch random.next(5) {
      case 0:
        alertNumber += 1
        payload = Fixtures.raise(
          "R\(alertNumber)", on: segment, level: AlertLevel(rawValue: 1 + random.next(5))!)
      case 1: payload = .alertAcknowledged(alert: AlertID("R\(max(1, alertNumber))"), note: nil)
      case 2:
        payload = .segmentStatusChanged(
          segment: SegmentID(segment), status: DemarcationStatus.allCases[random.next(6)], note: nil)
      case 3:
        payload = .segmentLevelSet(
          segment: SegmentID(segment), level: AlertLevel(rawValue: 1 + random.next(5))!, reason: nil)
      default: payload = .noteAdded(target: segment, text: "n\(seq)")
      }
      let event = Fixtures.event(UInt64(seq), minutes: Int64(seq), payload)
      if case .success = situation.apply(event) { events.append(event) }
    }
    var again = Situation(reference: Fixtures.reference)
    for event in events { again.apply(event) }
    #expect(again.segments == situation.segments && again.alerts == situation.alerts)
    #expect(again.figures(now: Fixtures.t0) == situation.figures(now: Fixtures.t0))

    let cut = Fixtures.t0.adding(seconds: 200 * 60)
    var asOf = Situation(reference: Fixtures.reference)
    for event in events where event.at <= cut { asOf.apply(event) }
    var prefix = Situation(reference: Fixtures.reference)
    for event in events.prefix(while: { $0.at <= cut }) { prefix.apply(event) }
    #expect(asOf.segments == prefix.segments && asOf.alerts == prefix.alerts)
    #expect(asOf.alerts.count < situation.alerts.count)
  }
}

/// A tiny deterministic generator for test data.
struct LinearCongruential {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }
}
