import BorderConsole
import BorderModel
import Testing

@Suite("Operators act: forms, effects, bells")
struct ActionTests {
  func press(_ state: inout ConsoleState, _ keys: Key...) -> [ConsoleEffect] {
    keys.flatMap { state.handle(.key($0)) }
  }

  @Test("a on the alert feed opens an acknowledgement; Enter sends one event with the operator's name")
  func acknowledge() throws {
    var state = try SampleConsole.state()
    state.operatorName = "alice@10.0.0.5"
    _ = press(&state, .tab, .tab)
    _ = press(&state, .character("a"))
    let form = try #require(state.form)
    #expect(form.purpose == .acknowledge("AL-NOW-AKSAI"))
    #expect(ConsoleView.render(state).text.contains("cannot be undone"))
    for c in "calling Batken" { _ = state.handle(.key(.character(c))) }
    let effects = press(&state, .enter)
    #expect(state.form?.isSending == true, "the form stays until the journal answers")
    guard case .append(let draft)? = effects.first else {
      Issue.record("expected an append, got \(effects)")
      return
    }
    #expect(draft.event.by == "alice@10.0.0.5" && draft.timedAtAppend, "timed when the journal appends it")
    #expect(draft.event.payload == .alertAcknowledged(alert: "AL-NOW-AKSAI", note: "calling Batken"))
    _ = state.handle(.appended(.success(160)))
    #expect(state.form == nil)
    #expect(state.message?.text == "recorded as event #160")
  }

  @Test("Esc cancels a form and records nothing")
  func cancel() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .tab, .tab, .character("x"))
    #expect(state.form != nil)
    #expect(press(&state, .escape).isEmpty)
    #expect(state.form == nil && state.message?.text.hasPrefix("cancelled") == true)
  }

  @Test("i raises a new alert on the selected segment: level and type are chosen, text is required")
  func raise() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .down, .down, .character("i"))
    #expect(state.form?.purpose == .raiseAlert("A-03"))
    _ = press(&state, .right)
    #expect(state.form?.value("Level") == "4 armed incident")
    _ = press(&state, .tab, .character("s"))
    #expect(state.form?.value("Type") == "shelling")
    #expect(press(&state, .enter).isEmpty, "text is required")
    #expect(state.form?.error == "Text is required")
    _ = press(&state, .tab)
    for c in "mortar fire" { _ = state.handle(.key(.character(c))) }
    let effects = press(&state, .enter)
    guard case .append(let draft)? = effects.first, case .alertRaised(let report) = draft.event.payload else {
      Issue.record("expected a raised alert, got \(effects)")
      return
    }
    #expect(report.segment == "A-03" && report.level == .armedIncident && report.type == .shelling)
    #expect(report.text == "mortar fire")
    #expect(draft.assignsAlertID, "the journal names the alert when it appends it")
    #expect(
      draft.rejection(now: SampleConsole.now, in: state.live) == nil,
      "the event is valid against the situation")
  }

  @Test("a read-only console refuses every action with a message")
  func readOnly() throws {
    var state = try SampleConsole.state()
    state.readOnly = true
    for key in ["a", "x", "l", "i", "n"] {
      #expect(press(&state, .character(Character(key))).isEmpty)
      #expect(state.form == nil)
      #expect(state.message?.text.hasPrefix("read-only console") == true)
    }
  }

  @Test("an already acknowledged alert says who did it instead of opening a form")
  func alreadyAcknowledged() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .tab, .tab, .down, .down, .down)
    #expect(state.alertSelection.selected == "AL-NOW-KARAMYK")
    _ = press(&state, .character("a"))
    #expect(state.form == nil)
    #expect(state.message?.text.contains("was already acknowledged by") == true)
  }

  @Test("a new alert at level 4 or 5 rings the bell once; unacknowledged, it rings again later")
  func bells() throws {
    var state = try SampleConsole.state()
    state.reannounceSeconds = 600
    #expect(
      state.lastAnnounced.keys.contains("AL-NOW-AKSAI"),
      "an urgent alert already waiting is tracked from the start")
    state.lastAnnounced = [:]
    var live = state.live
    let raise = JournalEvent(
      seq: 500, at: SampleConsole.now, by: "feed",
      payload: .alertRaised(
        AlertReport(id: "NEW-5", segment: "B-01", level: .escalation, type: .armedClash, text: "clash")))
    let calm = JournalEvent(
      seq: 501, at: SampleConsole.now, by: "feed",
      payload: .alertRaised(
        AlertReport(id: "NEW-2", segment: "B-02", level: .relativelyStable, type: .other, text: "calm")))
    live.apply(raise)
    live.apply(calm)
    let effects = state.handle(.journal(JournalNews(situation: live, events: [raise, calm], touches: [])))
    #expect(effects == [.bell])
    #expect(state.handle(.tick(SampleConsole.now.adding(seconds: 300))).isEmpty)
    #expect(state.handle(.tick(SampleConsole.now.adding(seconds: 601))) == [.bell])
    #expect(state.message?.text.contains("NEW-5 (5 escalation) still unacknowledged") == true)
    let ack = JournalEvent(
      seq: 502, at: SampleConsole.now, by: "bob", payload: .alertAcknowledged(alert: "NEW-5", note: nil))
    live.apply(ack)
    _ = state.handle(.journal(JournalNews(situation: live, events: [ack], touches: [])))
    #expect(
      state.handle(.tick(SampleConsole.now.adding(seconds: 1300))).isEmpty, "acknowledged: no more bells")
  }
}

@Suite("Announcements are for news, not history")
struct AnnouncementTests {
  @Test("a journal read again from its start, or an old backfilled event, rings no bell")
  func historyIsQuiet() throws {
    var state = try SampleConsole.state()
    let old = JournalEvent(
      seq: 900, at: SampleConsole.now.adding(seconds: -86_400 * 30), by: "backfill",
      payload: .alertRaised(
        AlertReport(id: "OLD-5", segment: "B-01", level: .escalation, type: .armedClash, text: "old")))
    var live = state.live
    live.apply(old)
    #expect(state.handle(.journal(JournalNews(situation: live, events: [old], touches: []))).isEmpty)
    let restarted = JournalNews(
      situation: live, events: [old], touches: [], restartReason: "the journal was replaced", baseline: live)
    #expect(state.handle(.journal(restarted)).isEmpty)
    #expect(state.message?.text.hasPrefix("the journal was replaced") == true)
  }

  @Test("the feed follows the newest alert unless the operator chose an older one")
  func feedFollowsNewest() throws {
    var state = try SampleConsole.state()
    #expect(state.alertSelection.selected == "AL-NOW-AKSAI")
    func raise(_ id: String, _ seq: UInt64) -> JournalEvent {
      JournalEvent(
        seq: seq, at: SampleConsole.now, by: "feed",
        payload: .alertRaised(
          AlertReport(id: AlertID(id), segment: "A-01", level: .stable, type: .other, text: id)))
    }
    var live = state.live
    let first = raise("N-1", 901)
    live.apply(first)
    _ = state.handle(.journal(JournalNews(situation: live, events: [first], touches: [])))
    #expect(state.alertSelection.selected == "N-1")
    _ = state.handle(.key(.tab))
    _ = state.handle(.key(.tab))
    _ = state.handle(.key(.down))
    #expect(state.alertSelection.selected == "AL-NOW-AKSAI")
    let second = raise("N-2", 902)
    live.apply(second)
    _ = state.handle(.journal(JournalNews(situation: live, events: [second], touches: [])))
    #expect(state.alertSelection.selected == "AL-NOW-AKSAI", "an operator's choice is kept")
  }
}
