import Testing

@testable import BorderModel

/// Whether the feeds are alive: operators' actions are not news, a feed's heartbeat is (issue 10).
@Suite("Feed freshness")
struct FreshnessTests {
  static let t0 = Fixtures.t0

  static func situation() -> Situation { Situation(reference: Fixtures.reference) }

  /// An event drafted by `action` at `minutes` after t0, through the one builder every writer uses.
  static func event(
    _ action: OperatorAction, seq: UInt64, minutes: Int64, by: String = "alice", via: OperatorChannel?
  ) -> JournalEvent {
    var event = action.draft(by: by, at: t0.adding(seconds: minutes * 60), via: via).event
    event.seq = seq
    return event
  }

  @Test("operators' actions from a console or a command leave the feed age alone; a feed's events set it")
  func operatorsAreNotFeeds() throws {
    var s = Self.situation()
    let raised = Self.event(
      .raise(AlertRequest(segment: "A-01", level: .tense, type: .shelling, text: "fire", id: "AL-1")), seq: 1,
      minutes: 0, by: "feed-border-svc", via: nil)
    #expect(try s.apply(raised).get() == .alert("AL-1", segment: "A-01"))
    #expect(s.latestFeedEventAt(notAfter: Self.t0.adding(seconds: 86_400)) == Self.t0)
    let ack = Self.event(.acknowledge("AL-1", note: "seen"), seq: 2, minutes: 90, via: .console)
    let note = Self.event(.note(target: "A-01", text: "patrol quiet"), seq: 3, minutes: 120, via: .command)
    _ = try s.apply(ack).get()
    _ = try s.apply(note).get()
    let horizon = Self.t0.adding(seconds: 86_400)
    #expect(s.lastEventAt == Self.t0.adding(seconds: 120 * 60), "the journal did move")
    #expect(s.latestFeedEventAt(notAfter: horizon) == Self.t0, "but the feed is still 2 hours silent")
    #expect(s.lastFeedEventAt == Self.t0)
    let beat = Self.event(.heartbeat(feed: "cap-bridge", note: "polled"), seq: 4, minutes: 150, via: nil)
    #expect(try s.apply(beat).get() == .heartbeat(feed: "cap-bridge"))
    #expect(s.latestFeedEventAt(notAfter: horizon) == Self.t0.adding(seconds: 150 * 60))
  }

  @Test("a heartbeat adds no alert, no note and touches no record")
  func heartbeatsDoNotFlood() throws {
    var s = Self.situation()
    for minute in 0..<50 {
      let beat = Self.event(
        .heartbeat(feed: "cap-bridge", note: nil), seq: UInt64(minute + 1), minutes: Int64(minute), via: nil)
      _ = try s.apply(beat).get()
    }
    #expect(s.alerts.isEmpty && s.notes.isEmpty)
    #expect(s.segments[0].lastEvent == nil, "a segment's Last column is not moved by a heartbeat")
    #expect(s.appliedEventCount == 50)
  }

  @Test("no feed event ever: no feed age at all, however busy the operators")
  func neverAFeed() throws {
    var s = Self.situation()
    _ = try s.apply(Self.event(.note(target: nil, text: "handover"), seq: 1, minutes: 0, via: .console)).get()
    #expect(s.lastEventAt == Self.t0)
    #expect(s.latestFeedEventAt(notAfter: Self.t0.adding(seconds: 60)) == nil)
  }

  @Test("the heartbeat draft trims its name and drops an empty note; via is written and read back")
  func draftAndCodec() throws {
    let draft = OperatorAction.heartbeat(feed: "  cap-bridge ", note: "  ").draft(by: "bridge")
    #expect(draft.event.payload == .feedHeartbeat(feed: "cap-bridge", note: nil))
    #expect(draft.event.via == nil && draft.event.isFromFeed)
    var event = OperatorAction.acknowledge("AL-1", note: nil).draft(by: "alice", via: .console).event
    event.at = Self.t0
    let line = EventCodec.encodeText(event)
    #expect(line.contains(#""via":"console""#), "\(line)")
    #expect(try EventCodec.decode(line).get().via == .console)
  }
}
