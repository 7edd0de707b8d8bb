import BorderConsole
import BorderModel
import Testing

@Suite("Keys, ticks and journal news through the reducer")
struct ConsoleReducerTests {
  func press(_ state: inout ConsoleState, _ keys: Key...) -> [ConsoleEffect] {
    keys.flatMap { state.handle(.key($0)) }
  }

  func type(_ state: inout ConsoleState, _ text: String) {
    for c in text { _ = state.handle(.key(.character(c))) }
  }

  @Test("j/k and arrows move the selection; g/G and Home/End go to the ends; it stays in view")
  func navigation() throws {
    var state = try SampleConsole.state()
    #expect(state.segmentSelection.selected == "A-01")
    _ = press(&state, .character("j"), .down, .down)
    #expect(state.segmentSelection.selected == "A-04")
    _ = press(&state, .character("k"))
    #expect(state.segmentSelection.selected == "A-03")
    _ = press(&state, .character("G"))
    #expect(state.segmentSelection.selected == state.live.segments.last?.id)
    #expect(state.selectedRow == state.rows.count - 1)
    let visible = state.layout.segmentRows
    #expect(state.segmentSelection.offset == state.rows.count - visible, "the last row is in view")
    _ = press(&state, .home)
    #expect(state.selectedRow == 0 && state.segmentSelection.offset == 0)
    _ = press(&state, .pageDown)
    #expect(state.selectedRow == visible)
    _ = press(&state, .control("u"))
    #expect(state.selectedRow == visible - visible / 2)
    _ = press(&state, .up, .up, .up, .up, .up, .up, .up, .up, .up, .up, .up, .up)
    #expect(state.selectedRow == 0, "moving up stops at the first row")
  }

  @Test("Tab and Shift-Tab move the focus between panes; Enter opens the focused pane's detail")
  func focus() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .tab)
    #expect(state.focus == .meetings)
    _ = press(&state, .tab)
    #expect(state.focus == .alerts)
    _ = press(&state, .enter)
    #expect(state.overlay == .alertDetail("AL-NOW-AKSAI"), "the newest alert is selected first")
    _ = press(&state, .escape)
    #expect(state.overlay == nil)
    _ = press(&state, .tab)
    #expect(state.focus == .segments)
    _ = press(&state, .backTab)
    #expect(state.focus == .alerts)
    _ = press(&state, .character("j"))
    #expect(state.alertSelection.selected == "AL-NOW-GOLOVNOY")
  }

  @Test("/ filters as you type, in Latin or Cyrillic; Esc clears")
  func filter() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("/"))
    #expect(state.isEditingFilter)
    type(&state, "головной")
    #expect(state.rows.map { state.live.segments[$0].id } == ["A-02"])
    #expect(state.segmentSelection.selected == "A-02", "the selection follows the only match")
    for _ in 0..<8 { _ = press(&state, .backspace) }
    type(&state, "Kok-Tash")
    let ids = state.rows.map { state.live.segments[$0].id.rawValue }
    #expect(ids.contains("A-02") && ids.contains("A-04"), "settlement names match: \(ids)")
    _ = press(&state, .enter)
    #expect(!state.isEditingFilter && state.filter == "Kok-Tash")
    _ = press(&state, .escape)
    #expect(state.filter.isEmpty && state.rows.count == state.live.segments.count)
  }

  @Test("s cycles the sort column, r reverses it, and the table shows its top")
  func sort() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character(":"))
    type(&state, "C-02")
    _ = press(&state, .enter)
    _ = press(&state, .character("s"))
    #expect(state.sort == .level)
    let first = state.live.segments[state.rows[0]]
    #expect(first.id == "A-05", "the armed incident first, got \(first.id)")
    #expect(state.segmentSelection.selected == "A-05" && state.segmentSelection.offset == 0)
    _ = press(&state, .character("r"))
    #expect(state.live.segments[state.rows.last!].id == "A-05")
    #expect(state.selectedRow == 0 && state.segmentSelection.offset == 0)
    for _ in 0..<(SegmentSort.allCases.count - 1) { _ = press(&state, .character("s")) }
    #expect(state.sort == .position)
  }

  @Test(": jumps to a segment ID in any case; an unknown one says so")
  func jump() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character(":"))
    type(&state, "f-03")
    _ = press(&state, .enter)
    #expect(state.segmentSelection.selected == "F-03" && state.prompt == nil)
    _ = press(&state, .character(":"))
    type(&state, "Z-9")
    _ = press(&state, .enter)
    #expect(state.segmentSelection.selected == "F-03")
    #expect(state.message?.text == "no segment Z-9" && state.message?.isError == true)
  }

  @Test("f freezes the display: events still arrive and are counted; f again shows them")
  func freeze() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("f"))
    #expect(state.frozen != nil && !state.isLive)
    var live = state.live
    let event = JournalEvent(
      seq: 9_999, at: SampleConsole.now, by: "op",
      payload: .segmentStatusChanged(segment: "A-05", status: .described, note: nil))
    live.apply(event)
    _ = state.handle(.journal(JournalNews(situation: live, events: [event], touches: [.segment("A-05")])))
    #expect(state.frozen?.eventsArrived == 1)
    #expect(state.displayed.segment("A-05")?.status == .disputed, "the frozen display holds still")
    _ = press(&state, .down)
    #expect(state.segmentSelection.selected == "A-02", "navigation still works while frozen")
    _ = press(&state, .character("f"))
    #expect(state.isLive && state.displayed.segment("A-05")?.status == .described)
  }

  @Test("[ and ] step through the journal's history; L goes back to live")
  func history() throws {
    var state = try SampleConsole.state()
    let total = state.history.totalCount
    _ = press(&state, .character("["))
    #expect(state.historyCursor?.eventCount == total - 1)
    #expect(
      state.displayed.alert("AL-NOW-AKSAI")?.level == .armedIncident,
      "the last event was the segment level, the alert is older")
    _ = press(&state, .character("["), .character("["))
    #expect(state.historyCursor?.eventCount == total - 3)
    #expect(
      state.displayed.alert("AL-NOW-AKSAI") == nil, "three events back the shelling was not yet reported")
    _ = press(&state, .character("]"))
    #expect(state.historyCursor?.eventCount == total - 2)
    _ = press(&state, .character("L"))
    #expect(state.isLive && state.historyCursor == nil)
    _ = press(&state, .character("["), .character("]"))
    #expect(state.isLive, "stepping forward past the last event is live again")
  }

  @Test("stepping back by month shows the agreed length of the past")
  func historyByMonth() throws {
    var state = try SampleConsole.state()
    for _ in 0..<(12 * 13) { _ = press(&state, .character("{")) }
    let agreed = state.displayed.figures(now: state.historyCursor!.asOf).agreedKm
    #expect(abs(agreed - 519.9) < 0.01, "about 13 years back (2013): \(agreed)")
    _ = press(&state, .escape)
    #expect(state.isLive)
  }

  @Test("q and Ctrl-C ask to quit; q first closes an open overlay")
  func quit() throws {
    var state = try SampleConsole.state()
    #expect(press(&state, .character("q")) == [.quit])
    _ = press(&state, .enter)
    #expect(press(&state, .character("q")) == [])
    #expect(state.overlay == nil)
    _ = press(&state, .character("/"))
    #expect(press(&state, .control("c")) == [], "Ctrl-C cancels the filter being typed")
    #expect(!state.isEditingFilter)
    #expect(press(&state, .control("c")) == [.quit], "Ctrl-C in the main view quits")
  }

  @Test("a changed row stands out for a few seconds, then the tick clears it")
  func flash() throws {
    var state = try SampleConsole.state()
    var live = state.live
    let event = JournalEvent(
      seq: 9_999, at: SampleConsole.now, by: "op",
      payload: .segmentLevelSet(segment: "D-01", level: .tense, reason: "patrol"))
    live.apply(event)
    _ = state.handle(.journal(JournalNews(situation: live, events: [event], touches: [.segment("D-01")])))
    #expect(state.flashes["D-01"] != nil)
    _ = state.handle(.tick(SampleConsole.now.adding(seconds: 1)))
    #expect(state.flashes["D-01"] != nil)
    _ = state.handle(.tick(SampleConsole.now.adding(seconds: ConsoleState.flashSeconds + 1)))
    #expect(state.flashes["D-01"] == nil)
  }

  @Test("a journal that cannot be read is shown, and recovery clears it")
  func journalError() throws {
    var state = try SampleConsole.state()
    _ = state.handle(
      .journal(JournalNews(situation: state.live, readError: "cannot read the journal: Permission denied")))
    #expect(state.journal.readError != nil)
    #expect(ConsoleView.render(state).text.contains("JOURNAL UNREADABLE"))
    _ = state.handle(.journal(JournalNews(situation: state.live)))
    #expect(state.journal.readError == nil)
  }

  @Test("a resize re-lays out at once and keeps the selection in view")
  func resize() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("G"))
    _ = state.handle(.resize(ScreenSize(columns: 80, rows: 24)))
    let visible = state.layout.segmentRows
    #expect(
      state.selectedRow! >= state.segmentSelection.offset
        && state.selectedRow! < state.segmentSelection.offset + visible)
    #expect(ConsoleView.render(state).width == 80)
  }
}
