import BorderConsole
import BorderModel
import Testing

/// Keys pressed in order; the effects they asked for.
private func press(_ state: inout ConsoleState, _ keys: Key...) -> [ConsoleEffect] {
  keys.flatMap { state.handle(.key($0)) }
}

private func type(_ state: inout ConsoleState, _ text: String) -> [ConsoleEffect] {
  text.flatMap { state.handle(.key(.character($0))) }
}

/// The journal bringing one event made by someone else.
private func arrive(
  _ state: inout ConsoleState, _ payload: EventPayload, by: String = "bob", seq: UInt64 = 800
)
  -> [ConsoleEffect]
{
  var live = state.live
  let event = JournalEvent(seq: seq, at: state.now, by: by, payload: payload)
  #expect(live.apply(event).isSuccess, "the test's event applies")
  return state.handle(.journal(JournalNews(situation: live, events: [event], touches: [])))
}

private func raise(_ id: String, on segment: SegmentID = "F-01", level: AlertLevel = .relativelyStable)
  -> EventPayload
{
  .alertRaised(AlertReport(id: AlertID(id), segment: segment, level: level, type: .other, text: id))
}

extension Result {
  fileprivate var isSuccess: Bool {
    if case .success = self { return true }
    return false
  }
}

@Suite("An action lands on the record on screen")
struct ActionTargetTests {
  @Test("j/k/PgDn in an alert's detail scroll it and never move the selection behind it (ux bug 1)")
  func overlayKeepsSelection() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .backTab, .character("g"), .enter)
    #expect(state.overlay == .alertDetail("AL-NOW-AKSAI"))
    _ = press(&state, .character("j"), .character("j"), .pageDown)
    #expect(state.alertSelection.selected == "AL-NOW-AKSAI", "the selection behind the detail stays")
    _ = press(&state, .character("a"))
    #expect(state.form?.purpose == .acknowledge("AL-NOW-AKSAI"), "the form is for the alert on screen")
  }

  @Test("a long detail scrolls with j/PgDn/G/g and says there is more; it stops at its end")
  func overlayScrolls() throws {
    var state = try SampleConsole.state(columns: 64, rows: 20)
    _ = press(&state, .down, .down, .down, .down, .enter)
    #expect(state.overlay == .segmentDetail("A-05"))
    let top = ConsoleView.render(state).text
    #expect(top.contains("↓ more · 1–"))
    _ = press(&state, .character("j"))
    #expect(state.overlayScroll == 1)
    _ = press(&state, .character("G"))
    let limit = state.overlayScroll
    #expect(limit > 1)
    _ = press(&state, .character("j"), .pageDown)
    #expect(state.overlayScroll == limit, "it stops at its end")
    let bottom = ConsoleView.render(state).text
    #expect(bottom.contains("end · ") && bottom.contains("Provenance"))
    _ = press(&state, .character("g"))
    #expect(state.overlayScroll == 0)
    #expect(state.segmentSelection.selected == "A-05", "the selection never moved")
  }

  @Test(": with a detail open closes it and shows the segment jumped to")
  func jumpClosesDetail() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .enter, .character(":"))
    for c in "b-02" { _ = state.handle(.key(.character(c))) }
    _ = press(&state, .enter)
    #expect(state.overlay == nil && state.segmentSelection.selected == "B-02")
    _ = press(&state, .character("n"))
    #expect(state.form?.purpose == .addNote(target: "B-02"))
  }

  @Test("a new alert arriving while a detail is open does not move the selection; a acts on the detail")
  func newAlertBehindOverlay() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .backTab, .enter)
    #expect(state.overlay == .alertDetail("AL-NOW-AKSAI"))
    _ = arrive(&state, raise("NEW-F01"))
    #expect(state.alertSelection.selected == "AL-NOW-AKSAI")
    _ = press(&state, .character("a"))
    #expect(state.form?.purpose == .acknowledge("AL-NOW-AKSAI"))
    #expect(state.form?.title == "Acknowledge AL-NOW-AKSAI")
  }

  @Test("a new alert arriving while a form is open leaves the selection; closing catches the feed up")
  func newAlertBehindForm() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .backTab, .character("a"))
    #expect(state.form != nil)
    _ = arrive(&state, raise("NEW-F01"))
    #expect(state.alertSelection.selected == "AL-NOW-AKSAI")
    #expect(state.form?.purpose == .acknowledge("AL-NOW-AKSAI"))
    _ = press(&state, .escape)
    #expect(
      state.alertSelection.selected == "NEW-F01", "the feed follows the newest again once nothing is open")
  }

  @Test("n in a segment's detail notes that segment, whatever j pressed meanwhile")
  func segmentOverlayNote() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .enter, .character("j"), .character("j"), .character("n"))
    #expect(state.segmentSelection.selected == "A-01")
    #expect(state.form?.purpose == .addNote(target: "A-01"))
    #expect(state.form?.title == "Note on A-01 Isfara valley, western approach")
  }

  @Test("alert keys in the meetings pane say to select an alert, and act on nothing (ux bug 6)")
  func meetingsPaneRefuses() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .down, .down, .down, .down)  // A-05, which has an open alert
    _ = press(&state, .tab)
    #expect(state.focus == .meetings)
    for key in ["a", "x", "l"] {
      #expect(press(&state, .character(Character(key))).isEmpty)
      #expect(state.form == nil, "\(key) opens no form")
      #expect(state.message?.text.hasPrefix("select an alert first") == true)
    }
    _ = press(&state, .character("i"))
    #expect(state.form == nil)
    #expect(state.message?.text.hasPrefix("select a segment or an alert first") == true)
    _ = press(&state, .character("n"))
    guard case .addNote(let target)? = state.form?.purpose else {
      Issue.record("n notes the meeting on screen")
      return
    }
    #expect(target == state.meetingSelection.selected?.rawValue)
  }

  @Test("acknowledging from the segments table asks for an alert instead of picking one")
  func segmentsPaneAsksForAlert() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .down, .down, .down, .down, .character("a"))
    #expect(state.form == nil)
    #expect(state.message?.text.hasPrefix("select an alert first") == true)
  }
}

@Suite("The feed follows the newest alert again after a trip (ux bug 2)")
struct FeedFollowingTests {
  @Test("after history ({ then L) the feed's selection is the newest alert, not the past's newest")
  func afterHistory() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("{"), .character("{"))
    #expect(state.historyCursor != nil)
    _ = press(&state, .character("L"))
    #expect(state.isLive)
    #expect(state.alertSelection.selected == state.live.alerts.last?.id)
  }

  @Test("after a freeze during which alerts arrived, resuming selects the newest")
  func afterFreeze() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("f"))
    _ = arrive(&state, raise("NEW-F01"))
    #expect(state.alertSelection.selected == "AL-NOW-AKSAI", "frozen: the picture holds still")
    _ = press(&state, .character("f"))
    #expect(state.alertSelection.selected == "NEW-F01")
  }
}

@Suite("The form shows its target, and what became of it")
struct FormTargetTests {
  @Test("an acknowledgement form shows the alert in full")
  func showsTarget() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .backTab, .character("a"))
    let screen = ConsoleView.render(state).text
    for expected in [
      "AL-NOW-AKSAI", "A-05 Ak-Sai", "◆ 4 armed incident", "12m ago by feed-border-svc",
      "Kyrgyz side reports mortar fire", "not acknowledged",
    ] {
      #expect(screen.contains(expected), "the form shows \(expected)")
    }
  }

  @Test("a raise form shows the segment's ID, name, status and level")
  func showsSegment() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .down, .character("i"))
    let screen = ConsoleView.render(state).text
    #expect(screen.contains("A-02 Golovnoy water point"))
    #expect(screen.contains("▓ under negotiation"))
    #expect(screen.contains("3 tense"))
  }

  @Test("acknowledged by someone else before Enter: the form says so, Enter is refused, typed text kept")
  func targetChanged() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .backTab, .character("a"))
    _ = type(&state, "calling Batken")
    _ = arrive(&state, .alertAcknowledged(alert: "AL-NOW-AKSAI", note: nil))
    #expect(state.form?.notice?.contains("acknowledged by bob") == true)
    #expect(ConsoleView.render(state).text.contains("acknowledged by bob"), "said at once, on screen")
    let effects = press(&state, .enter)
    #expect(effects.isEmpty, "nothing is sent")
    let form = try #require(state.form, "the form stays open")
    #expect(form.value("Note") == "calling Batken")
    #expect(form.error?.contains("already acknowledged by bob") == true)
  }

  @Test("a failed append keeps the form open with what was typed and says why")
  func failedAppend() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("n"))
    _ = type(&state, "road open again")
    guard case .append? = press(&state, .enter).first else {
      Issue.record("Enter sends")
      return
    }
    _ = state.handle(.appended(.failure(AppendFailure("journal.jsonl: No space left on device"))))
    let form = try #require(state.form)
    #expect(form.value("Text") == "road open again")
    #expect(form.error == "not recorded: journal.jsonl: No space left on device")
    #expect(!form.isSending)
    _ = state.handle(.appended(.success(161)))
    #expect(
      state.form?.value("Text") == "road open again", "a late success does not close a form not sending")
  }

  @Test("acting works while frozen, validated against the live situation")
  func actWhileFrozen() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("f"), .backTab)
    #expect(state.frozen != nil)
    _ = press(&state, .character("a"))
    #expect(state.form?.purpose == .acknowledge("AL-NOW-AKSAI"), "frozen, the form opens")
    _ = arrive(&state, .alertResolved(alert: "AL-NOW-AKSAI", note: nil), by: "carol")
    #expect(state.frozen != nil, "still frozen")
    #expect(state.form?.notice?.contains("resolved by carol") == true)
    #expect(press(&state, .enter).isEmpty)
    #expect(state.form?.error?.contains("resolved by carol") == true)
  }
}

@Suite("Forms and prompts: Ctrl-C, a too-small screen, text editing")
struct FormKeysTests {
  @Test("Ctrl-C in a form cancels it and keeps the console; in the main view it quits (ux bug 11)")
  func controlC() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("i"))
    _ = press(&state, .tab, .tab)
    _ = type(&state, "report")
    #expect(press(&state, .control("c")).isEmpty, "no quit")
    #expect(state.form == nil)
    #expect(state.message?.text == "cancelled: nothing recorded")
    _ = press(&state, .character(":"))
    #expect(press(&state, .control("c")).isEmpty)
    #expect(state.prompt == nil, "Ctrl-C cancels the jump prompt")
    #expect(press(&state, .control("c")) == [.quit])
  }

  @Test("while the screen is too small, keys never reach the hidden form (ux bug 11)")
  func tooSmall() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("n"))
    _ = type(&state, "typed before")
    _ = state.handle(.resize(ScreenSize(columns: 50, rows: 15)))
    #expect(type(&state, " after").isEmpty)
    #expect(press(&state, .enter).isEmpty, "Enter sends nothing")
    #expect(press(&state, .escape).isEmpty)
    _ = state.handle(.resize(ScreenSize(columns: 120, rows: 40)))
    #expect(state.form?.value("Text") == "typed before")
    _ = state.handle(.resize(ScreenSize(columns: 50, rows: 15)))
    #expect(press(&state, .character("q")) == [.quit], "q quits, as the too-small screen says")
  }

  @Test("a text field edits with ←/→, Home/End, Ctrl-W and Ctrl-U (ux bug 9)")
  func editing() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("n"))
    _ = type(&state, "shots near Vorukh")
    _ = press(&state, .left, .left, .left, .left, .left, .left)
    _ = type(&state, "the ")
    #expect(state.form?.value("Text") == "shots near the Vorukh")
    _ = press(&state, .home)
    _ = type(&state, "two ")
    #expect(state.form?.value("Text") == "two shots near the Vorukh")
    _ = press(&state, .end, .control("w"))
    #expect(state.form?.value("Text") == "two shots near the ")
    _ = press(&state, .control("w"), .control("w"))
    #expect(state.form?.value("Text") == "two shots ")
    _ = press(&state, .control("w"))
    #expect(state.form?.value("Text") == "two ")
    _ = press(&state, .left, .delete)
    #expect(state.form?.value("Text") == "two")
    _ = type(&state, "x")
    _ = press(&state, .control("u"))
    #expect(state.form?.value("Text") == "")
  }

  @Test("a long text shows its end and the cursor, with a count against the journal's limit in bytes")
  func longText() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("n"))
    let text = String(repeating: "villagers report gunfire near Кара-Мык ", count: 6) + "END"
    _ = type(&state, text)
    let screen = ConsoleView.render(state).text
    #expect(screen.contains("END▏"), "the end of the text and the cursor are in view")
    #expect(screen.contains("\(text.utf8.count)/4000"), "bytes against the journal's limit")
    // The journal's limit in bytes: 1,999 Cyrillic letters and one more byte fit; another letter does not.
    let full = String(repeating: "ж", count: 1_999) + "xy"
    _ = press(&state, .control("u"))
    _ = type(&state, full + "ж")
    #expect(state.form?.value("Text") == full)
    #expect(
      state.form?.error == "text: 4002 bytes, longer than the 4000 allowed",
      "the limit is said, in the command line's words")
  }
}

@Suite("A missing or unreadable journal refuses actions")
struct UnreadableJournalTests {
  @Test("while the journal cannot be read, n is refused with the reason and nothing is sent (ux bug 4)")
  func refused() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("n"))
    _ = type(&state, "seen from the road")
    _ = state.handle(
      .journal(JournalNews(situation: state.live, readError: "journal.jsonl: No such file or directory")))
    #expect(press(&state, .enter).isEmpty, "nothing is sent")
    #expect(state.form?.error?.contains("the journal cannot be read") == true)
    #expect(state.form?.value("Text") == "seen from the road")
    _ = press(&state, .escape, .character("n"))
    #expect(state.form == nil)
    #expect(state.message?.text.contains("No such file or directory") == true)
    #expect(ConsoleView.render(state).text.contains("JOURNAL UNREADABLE"))
  }
}

@Suite("History further back than memory loads off the loop")
struct HistoryLoadingTests {
  @Test("{ asks for a fold and says loading; keys go on; a fold no longer wanted is dropped")
  func loading() throws {
    let sample = try SampleConsole.state()
    // A console whose memory holds no past events: every step back is folded from the file.
    var state = ConsoleState(
      situation: sample.live, history: HistoryWindow(base: sample.live), now: SampleConsole.now,
      size: sample.size)
    guard case .loadHistory(let asOf)? = press(&state, .character("{")).first else {
      Issue.record("stepping back beyond memory asks for a fold")
      return
    }
    #expect(asOf == SampleConsole.now.adding(seconds: -30 * 86_400))
    #expect(state.message?.text.hasPrefix("loading history") == true)
    _ = press(&state, .down)
    #expect(state.segmentSelection.selected == "A-02", "keys still work while it loads")
    _ = state.handle(.historyLoaded(asOf: asOf, situation: state.live))
    #expect(state.historyCursor?.asOf == asOf)
    #expect(state.message == nil)
    // Asked again, then back to live before it arrives: the late fold is dropped.
    _ = press(&state, .character("{"))
    _ = press(&state, .character("L"))
    #expect(state.isLive)
    _ = state.handle(.historyLoaded(asOf: asOf.adding(seconds: -30 * 86_400), situation: state.live))
    #expect(state.isLive, "a fold that arrives after L is dropped")
  }
}

@Suite("Messages: none hidden by another said at the same moment (ux bug 15)")
struct MessageTests {
  @Test("one's own confirmation and an urgent alert that arrived with it are both shown")
  func confirmationAndAlert() throws {
    var state = try SampleConsole.state()
    _ = arrive(&state, raise("AL-URGENT", on: "B-01", level: .escalation), by: "feed")
    _ = state.handle(.appended(.success(801)))
    let text = try #require(state.message?.text)
    #expect(text.contains("recorded as event #801") && text.contains("ESCALATION on B-01"))
  }

  @Test("re-announcement names every urgent alert still waiting, the most urgent first")
  func reannounceNamesAll() throws {
    var state = try SampleConsole.state()
    state.reannounceSeconds = 60
    _ = arrive(&state, raise("AL-FIVE", on: "B-01", level: .escalation), by: "feed", seq: 801)
    _ = arrive(&state, raise("AL-FOUR", on: "B-02", level: .armedIncident), by: "feed", seq: 802)
    #expect(state.handle(.tick(SampleConsole.now.adding(seconds: 61))) == [.bell])
    let text = try #require(state.message?.text)
    #expect(text.hasPrefix("AL-FIVE (5 escalation) still unacknowledged"))
    #expect(text.contains("AL-FOUR") && text.contains("AL-NOW-AKSAI"))
  }
}
