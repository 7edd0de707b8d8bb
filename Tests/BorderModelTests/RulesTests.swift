import BorderModel
import Testing

/// The situation's rules, held once in the model for every writer (console, commands, append, demo).
@Suite("One set of rules, in the model")
struct RulesTests {
  /// A situation with alert AL-1 raised by carol, acknowledged by alice and resolved by bob.
  func resolvedAlert() -> Situation {
    var situation = Situation(reference: Fixtures.reference)
    situation.apply(Fixtures.event(1, minutes: 0, Fixtures.raise("AL-1"), by: "carol"))
    situation.apply(Fixtures.event(2, minutes: 5, .alertAcknowledged(alert: "AL-1", note: nil), by: "alice"))
    situation.apply(Fixtures.event(3, minutes: 9, .alertResolved(alert: "AL-1", note: nil), by: "bob"))
    return situation
  }

  @Test(
    "a resolved alert cannot be acknowledged, re-levelled or resolved again; the refusal names who and when")
  func resolvedIsFinal() {
    let situation = resolvedAlert()
    let ack = Fixtures.event(4, minutes: 10, .alertAcknowledged(alert: "AL-1", note: nil))
    #expect(
      situation.validate(ack)?.description
        == "alert: AL-1 was resolved by bob at 2024-01-10T04:09:00Z; it cannot be acknowledged")
    let level = Fixtures.event(
      4, minutes: 10, .alertLevelChanged(alert: "AL-1", level: .escalation, reason: nil))
    #expect(situation.validate(level)?.reason.description.hasPrefix("AL-1 was resolved by bob at") == true)
    let again = Fixtures.event(4, minutes: 10, .alertResolved(alert: "AL-1", note: nil))
    #expect(
      situation.validate(again)?.reason.description
        == "AL-1 was already resolved by bob at 2024-01-10T04:09:00Z")
  }

  @Test("a second acknowledgement is refused with who made the first")
  func secondAcknowledgement() {
    var situation = Situation(reference: Fixtures.reference)
    situation.apply(Fixtures.event(1, minutes: 0, Fixtures.raise("AL-1")))
    situation.apply(Fixtures.event(2, minutes: 5, .alertAcknowledged(alert: "AL-1", note: nil), by: "alice"))
    let second = Fixtures.event(3, minutes: 6, .alertAcknowledged(alert: "AL-1", note: nil), by: "bob")
    #expect(
      situation.validate(second)?.reason.description
        == "AL-1 was already acknowledged by alice at 2024-01-10T04:05:00Z")
    #expect(situation.apply(second) == .failure(situation.validate(second)!))
    #expect(situation.alert("AL-1")?.acknowledgement?.by == "alice", "a refused event changes nothing")
  }

  @Test("re-levelling an alert to the level it has is refused, naming who set it")
  func sameLevel() {
    var situation = Situation(reference: Fixtures.reference)
    situation.apply(Fixtures.event(1, minutes: 0, Fixtures.raise("AL-1", level: .tense), by: "carol"))
    let same = Fixtures.event(2, minutes: 1, .alertLevelChanged(alert: "AL-1", level: .tense, reason: nil))
    #expect(
      situation.validate(same)?.description
        == "level: AL-1 is already at level 3 tense (set by carol at 2024-01-10T04:00:00Z)")
    let higher = Fixtures.event(
      2, minutes: 1, .alertLevelChanged(alert: "AL-1", level: .armedIncident, reason: nil))
    #expect(situation.validate(higher) == nil)
  }

  @Test(
    "no event for an unknown record, whatever its type",
    arguments: [
      EventPayload.alertLevelChanged(alert: "AL-X", level: .tense, reason: nil),
      .alertAcknowledged(alert: "AL-X", note: nil),
      .alertResolved(alert: "AL-X", note: nil),
      .alertRaised(AlertReport(id: "AL-2", segment: "Z-99", level: .tense, type: .other, text: "t")),
      .segmentStatusChanged(segment: "Z-99", status: .described, note: nil),
      .segmentLevelSet(segment: "Z-99", level: .tense, reason: nil),
      .meetingScheduled(
        Meeting(
          id: "M-2", kind: .governors, start: Fixtures.t0, end: Fixtures.t0, agenda: ["Z-99"],
          provenance: .reported)),
      .meetingRescheduled(meeting: "M-X", start: Fixtures.t0, end: Fixtures.t0, reason: nil),
      .meetingStarted(meeting: "M-X"),
      .meetingHeld(meeting: "M-X", outcome: MeetingOutcome()),
      .meetingPostponed(meeting: "M-X", reason: nil),
      .meetingCancelled(meeting: "M-X", reason: nil),
      .checkpointStatusChanged(checkpoint: "nowhere", status: .closed, note: nil),
      .noteAdded(target: "Z-99", text: "where?"),
    ])
  func unknownRecords(payload: EventPayload) {
    let situation = Situation(reference: Fixtures.reference)
    let rejection = situation.validate(Fixtures.event(1, minutes: 0, payload))
    #expect(
      rejection?.reason.description.hasPrefix("no ") == true, "\(payload): \(String(describing: rejection))")
  }

  @Test("validating does not change the situation")
  func validateIsPure() {
    let situation = resolvedAlert()
    let before = situation.alerts
    _ = situation.validate(Fixtures.event(4, minutes: 10, Fixtures.raise("AL-2")))
    #expect(situation.alerts == before && situation.lastSeq == 3)
  }
}

/// Operator actions become draft events in one place; the journal numbers, times and names them.
@Suite("Operator actions and drafts")
struct OperatorActionTests {
  @Test("a new alert's ID comes from its seq when appended, never from the clock's second")
  func alertIDFromSeq() {
    let situation = Situation(reference: Fixtures.reference)
    let draft = OperatorAction.raise(
      AlertRequest(segment: "A-01", level: .tense, type: .shelling, text: " shots ")
    )
    .draft(by: "alice")
    #expect(draft.assignsAlertID && draft.timedAtAppend)
    let now = Fixtures.t0.adding(seconds: 7)
    let first = draft.finished(seq: 41, now: now, in: situation)
    let second = draft.finished(seq: 42, now: now, in: situation)
    guard case .alertRaised(let a) = first.payload, case .alertRaised(let b) = second.payload else {
      Issue.record("expected raised alerts")
      return
    }
    #expect(a.id == "AL-A-01-41" && b.id == "AL-A-01-42", "same second, different IDs")
    #expect(a.text == "shots", "text trimmed")
    #expect(first.at == now && first.seq == 41, "timed when appended")
  }

  @Test("an assigned ID steps aside from one chosen by hand")
  func assignedIDAvoidsTaken() {
    var situation = Situation(reference: Fixtures.reference)
    situation.apply(Fixtures.event(1, minutes: 0, Fixtures.raise("AL-A-01-2")))
    let draft = OperatorAction.raise(AlertRequest(segment: "A-01", level: .tense, type: .other, text: "t"))
      .draft(by: "op")
    let event = draft.finished(seq: 2, now: Fixtures.t0, in: situation)
    guard case .alertRaised(let report) = event.payload else { return }
    #expect(report.id == "AL-A-01-2-2")
    #expect(situation.validate(event) == nil)
  }

  @Test("a backfill keeps its own time; empty optional notes are left out")
  func backfill() {
    let old = Fixtures.t0.adding(seconds: -86_400)
    let draft = OperatorAction.acknowledge("AL-1", note: "  ").draft(by: "op", at: old)
    #expect(!draft.timedAtAppend)
    let event = draft.finished(seq: 5, now: Fixtures.t0, in: Situation(reference: Fixtures.reference))
    #expect(event.at == old)
    #expect(event.payload == .alertAcknowledged(alert: "AL-1", note: nil))
  }

  @Test(
    "the draft's rejection is the model's: an acknowledgement of a resolved alert is refused before sending")
  func draftRejection() {
    let situation = RulesTests().resolvedAlert()
    let draft = OperatorAction.acknowledge("AL-1", note: nil).draft(by: "dave")
    #expect(
      draft.rejection(now: Fixtures.t0, in: situation)?.reason.description.contains("was resolved by bob")
        == true)
  }

  @Test("the vocabulary is read once: file spellings and the console's labels, any case")
  func vocabulary() {
    #expect(DemarcationStatus(spelling: "under negotiation") == .underNegotiation)
    #expect(DemarcationStatus(spelling: "Negotiating") == .underNegotiation)
    #expect(DemarcationStatus(spelling: "demarcation-in-progress") == .demarcationInProgress)
    #expect(AlertType(spelling: "blockade/protest") == .blockade)
    #expect(AlertType(spelling: "ARMED CLASH") == .armedClash)
    #expect(Side(spelling: "kg") == .kyrgyzstan && Side(spelling: "Tajikistan") == .tajikistan)
    #expect(AlertLevel(spelling: "4 armed incident") == .armedIncident)
    #expect(AlertLevel(spelling: "tense") == .tense && AlertLevel(spelling: "5") == .escalation)
    #expect(AlertLevel(spelling: "6") == nil && AlertType(spelling: "drone") == nil)
  }
}

/// A time stamped far ahead (bad data, a wrong clock) never makes the feed look live.
@Suite("Times far in the future")
struct FutureTimeTests {
  @Test("the latest event time ignores one beyond the clock (F13)")
  func farFutureIgnored() {
    var situation = Situation(reference: Fixtures.reference)
    situation.apply(Fixtures.event(1, minutes: 0, .noteAdded(target: nil, text: "real")))
    let far = JournalEvent(
      seq: 2, at: Timestamp(year: 9999, month: 12, day: 31), by: "x",
      payload: .noteAdded(target: nil, text: "far"))
    situation.apply(far)
    let now = Fixtures.t0.adding(seconds: 5 * 86_400)
    #expect(situation.latestEventAt(notAfter: now) == Fixtures.t0)
    #expect(far.futureProblem(now: now)?.field == "at")
    #expect(
      Fixtures.event(3, minutes: 9, .noteAdded(target: nil, text: "ok")).futureProblem(now: Fixtures.t0)
        == nil)
  }
}
