import BorderConsole
import BorderModel
import Testing

/// The feed's pane of a rendered screen, as text (trailing spaces kept, one line per row).
func alertPane(_ state: ConsoleState, glyphs: GlyphSet = .unicode) -> String {
  let grid = ConsoleView.render(state, glyphs: glyphs)
  let rect = state.layout.alerts
  var lines: [String] = []
  for row in rect.row..<rect.bottom {
    var line = ""
    for column in rect.column..<rect.right { line += grid.cells[row * grid.width + column].text }
    lines.append(line)
  }
  return lines.joined(separator: "\n") + "\n"
}

@Suite("The alert feed: views, filter, u, following, who acknowledged, o, seen marks")
struct AlertFeedTests {
  func press(_ state: inout ConsoleState, _ keys: Key...) -> [ConsoleEffect] {
    keys.flatMap { state.handle(.key($0)) }
  }

  func type(_ state: inout ConsoleState, _ text: String) {
    for c in text { _ = state.handle(.key(.character(c))) }
  }

  /// The feed's rows, newest first, by alert ID.
  func feedIDs(_ state: ConsoleState) -> [String] {
    (0..<state.feedCount).compactMap { state.feedAlert(atRow: $0)?.id.rawValue }
  }

  /// Journal news with one event applied to the live situation.
  func news(_ state: ConsoleState, _ event: JournalEvent, touch: EventTouch) -> ConsoleInput {
    var live = state.live
    live.apply(event)
    return .journal(JournalNews(situation: live, events: [event], touches: [touch]))
  }

  func raised(
    _ id: AlertID, on segment: SegmentID, level: AlertLevel = .tense, seq: UInt64, by: String = "feed"
  )
    -> JournalEvent
  {
    JournalEvent(
      seq: seq, at: SampleConsole.now, by: by,
      payload: .alertRaised(
        AlertReport(id: id, segment: segment, level: level, type: .other, text: "new \(id)")))
  }

  @Test("v cycles the feed's views: all, open, unacknowledged, level ≥ the bell level; the title says which")
  func views() throws {
    var state = try SampleConsole.state()
    #expect(state.feedCount == 10)
    #expect(alertPane(state).contains("Alerts · all (10) · 4 open · 3 unacknowledged"))
    _ = press(&state, .character("v"))
    #expect(state.feed.view == .open && state.focus == .alerts, "v brings the feed to the focus")
    #expect(feedIDs(state) == ["AL-NOW-AKSAI", "AL-NOW-GOLOVNOY", "AL-NOW-KULUNDU", "AL-NOW-KARAMYK"])
    #expect(alertPane(state).contains("Alerts · open (4) · 3 unacknowledged"))
    _ = press(&state, .character("v"))
    #expect(state.feed.view == .unacknowledged)
    #expect(feedIDs(state) == ["AL-NOW-AKSAI", "AL-NOW-GOLOVNOY", "AL-NOW-KULUNDU"])
    #expect(alertPane(state).contains("Alerts · unacknowledged (3) · 4 open"))
    _ = press(&state, .character("v"))
    #expect(state.feed.view == .atLeast(.armedIncident), "the bell level, 4 by default")
    #expect(feedIDs(state) == ["AL-NOW-AKSAI"])
    #expect(alertPane(state).contains("Alerts · level ≥ 4 (1) · 4 open · 3 unacknowledged"))
    _ = press(&state, .character("v"))
    #expect(state.feed.view == .all && state.feedCount == 10)
  }

  @Test(
    "the feed in each view, and N newer ↑, at 64×20, 80×24, 120×40 and 250×60",
    arguments: [(64, 20), (80, 24), (120, 40), (250, 60)])
  func viewsAtEverySize(columns: Int, rows: Int) throws {
    var state = try SampleConsole.state(columns: columns, rows: rows)
    let size = "\(columns)x\(rows)"
    for name in ["all", "open", "unacknowledged", "level4"] {
      expectSnapshot(alertPane(state), named: "feed-\(name)-\(size)")
      _ = press(&state, .character("v"))
    }
    #expect(state.feed.view == .all)
    // Not following: two alerts arrive above the selection.
    _ = press(&state, .character("j"), .character("j"))
    _ = state.handle(
      news(state, raised("N-1", on: "B-01", seq: 9_001), touch: .alert("N-1", segment: "B-01")))
    _ = state.handle(
      news(state, raised("N-2", on: "B-02", seq: 9_002), touch: .alert("N-2", segment: "B-02")))
    let pane = alertPane(state)
    #expect(pane.contains(" 2 newer ↑ "), "\(pane)")
    expectSnapshot(pane, named: "feed-newer-\(size)")
  }

  @Test("the ≥ N view uses the console's bell level; an empty view says how to see more")
  func levelView() throws {
    var state = try SampleConsole.state()
    state.announceLevel = .escalation
    _ = press(&state, .character("v"), .character("v"), .character("v"))
    #expect(state.feed.view == .atLeast(.escalation))
    #expect(state.feedCount == 0 && state.alertSelection.selected == nil, "nothing hidden stays selected")
    #expect(alertPane(state).contains("no open alerts at level 5 or above — v: next view"))
    _ = press(&state, .character("a"))
    #expect(state.form == nil, "no action on an alert the feed does not show")
  }

  @Test("+ and - move the level view's N up and down, from the bell level, within 1…5")
  func levelSteps() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("+"))
    #expect(state.feed.view == .atLeast(.armedIncident) && state.focus == .alerts, "the bell level first")
    _ = press(&state, .character("-"))
    #expect(state.feed.view == .atLeast(.tense))
    #expect(
      feedIDs(state) == ["AL-NOW-AKSAI", "AL-NOW-GOLOVNOY", "AL-NOW-KULUNDU"], "open alerts at 3 or above")
    #expect(state.message?.text == "alerts: level ≥ 3 (3)")
    #expect(alertPane(state).contains("Alerts · level ≥ 3 (3)"))
    _ = press(&state, .character("-"), .character("-"), .character("-"))
    #expect(state.feed.view == .atLeast(.stable) && state.feedCount == 4, "never below 1")
    for _ in 0..<6 { _ = press(&state, .character("+")) }
    #expect(state.feed.view == .atLeast(.escalation) && state.feedCount == 0, "never above 5")
    state.l10n = .russian
    _ = press(&state, .character("-"))
    #expect(state.message?.text == "оповещения: уровень ≥ 4 (1)")
  }

  @Test("/ in the feed filters it by segment, ID, text or reporter; Esc clears; the segments stay")
  func feedFilter() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("3"), .character("/"))
    #expect(state.isEditingFilter && state.focus == .alerts)
    type(&state, "mortar")
    #expect(feedIDs(state) == ["AL-NOW-AKSAI", "AL-2022-01-TORTKOCHO", "AL-2014-01-AKSAI"])
    #expect(state.filter.isEmpty && state.rows.count == 52, "the segments table is not filtered")
    #expect(ConsoleView.render(state).text.contains("/mortar▏"), "the hint bar shows what is typed")
    _ = press(&state, .control("u"))
    type(&state, "c-02")
    #expect(feedIDs(state) == ["AL-NOW-KULUNDU"], "by segment")
    _ = press(&state, .control("u"))
    type(&state, "golovnoy")
    #expect(feedIDs(state).contains("AL-NOW-GOLOVNOY"), "by ID or text")
    _ = press(&state, .control("u"))
    type(&state, "FEED-BORDER")
    #expect(feedIDs(state).count == 5, "by who reported, in any case: \(feedIDs(state))")
    _ = press(&state, .enter)
    #expect(!state.isEditingFilter && state.feed.text == "FEED-BORDER")
    #expect(alertPane(state).contains("Alerts · all (5) · \"FEED-BORDER\" · Esc clears"))
    #expect(state.alertSelection.selected == "AL-NOW-AKSAI", "a filter follows the newest it lists")
    _ = press(&state, .escape)
    #expect(state.feed.text.isEmpty && state.feedCount == 10)
  }

  @Test("u goes to the next unacknowledged alert, most severe then oldest first, from any pane")
  func nextUnacknowledged() throws {
    var state = try SampleConsole.state()
    #expect(state.focus == .segments)
    _ = press(&state, .character("u"))
    #expect(state.focus == .alerts && state.alertSelection.selected == "AL-NOW-AKSAI", "level 4 first")
    _ = press(&state, .character("u"))
    #expect(state.alertSelection.selected == "AL-NOW-KULUNDU", "then level 3, the oldest (5h) before 40m")
    #expect(!state.followsNewestAlert, "an older alert chosen: the feed stays on it")
    _ = press(&state, .character("u"))
    #expect(state.alertSelection.selected == "AL-NOW-GOLOVNOY")
    _ = press(&state, .character("u"))
    #expect(state.alertSelection.selected == "AL-NOW-AKSAI", "round again")
    // From a view that hides it, the feed shows it (and says which view).
    _ = press(&state, .character("1"), .character("v"), .character("v"), .character("v"))
    #expect(state.feed.view == .atLeast(.armedIncident))
    _ = press(&state, .character("1"), .character("u"), .character("u"))
    #expect(state.alertSelection.selected == "AL-NOW-KULUNDU" && state.feed.view == .unacknowledged)
    // An open detail closes: the selection never moves behind it.
    _ = press(&state, .enter)
    #expect(state.overlay == .alertDetail("AL-NOW-KULUNDU"))
    _ = press(&state, .character("u"))
    #expect(state.overlay == nil && state.alertSelection.selected == "AL-NOW-GOLOVNOY")
  }

  @Test("u with nothing unacknowledged says so")
  func noneUnacknowledged() throws {
    var state = try SampleConsole.state()
    var live = state.live
    for (seq, id) in zip(UInt64(9_000)..., ["AL-NOW-AKSAI", "AL-NOW-GOLOVNOY", "AL-NOW-KULUNDU"]) {
      live.apply(
        JournalEvent(
          seq: seq, at: SampleConsole.now, by: "bob",
          payload: .alertAcknowledged(alert: AlertID(id), note: nil)))
    }
    _ = state.handle(.journal(JournalNews(situation: live)))
    _ = press(&state, .character("u"))
    #expect(state.message?.text == "no unacknowledged alerts" && state.focus == .segments)
  }

  @Test("not following, newer alerts show as N newer ↑ until the operator moves up to them")
  func newerAbove() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("3"), .character("j"), .character("j"))
    #expect(state.alertSelection.selected == "AL-NOW-KULUNDU" && !state.followsNewestAlert)
    #expect(state.newerAboveSelection == 0 && !alertPane(state).contains("newer"))
    _ = state.handle(
      news(state, raised("N-1", on: "B-01", seq: 9_001), touch: .alert("N-1", segment: "B-01")))
    _ = state.handle(
      news(state, raised("N-2", on: "B-02", seq: 9_002), touch: .alert("N-2", segment: "B-02")))
    #expect(state.alertSelection.selected == "AL-NOW-KULUNDU", "the operator's choice is kept")
    #expect(state.newerAboveSelection == 2)
    #expect(alertPane(state).contains(" 2 newer ↑ "))
    _ = press(&state, .character("k"), .character("k"), .character("k"))
    #expect(state.alertSelection.selected == "N-2" || state.newerAboveSelection == 1)
    _ = press(&state, .character("g"))
    #expect(state.alertSelection.selected == "N-2" && state.followsNewestAlert)
    #expect(state.newerAboveSelection == 0 && !alertPane(state).contains("newer"))
    _ = state.handle(
      news(state, raised("N-3", on: "B-03", seq: 9_003), touch: .alert("N-3", segment: "B-03")))
    #expect(state.alertSelection.selected == "N-3", "following again")
  }

  @Test("after freeze the feed follows the newest alert again (ux bug 2)")
  func followsAfterFreeze() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("3"), .character("G"))
    #expect(!state.followsNewestAlert)
    _ = press(&state, .character("f"))
    _ = state.handle(
      news(state, raised("N-1", on: "B-01", seq: 9_001), touch: .alert("N-1", segment: "B-01")))
    _ = press(&state, .character("f"))
    #expect(state.isLive && state.followsNewestAlert && state.alertSelection.selected == "N-1")
    #expect(state.alertSelection.offset == 0, "the newest row is in view")
  }

  @Test("after history ({ then L) the feed follows the newest alert again (ux bug 2)")
  func followsAfterHistory() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("3"), .character("j"), .character("j"))
    _ = press(&state, .character("{"), .character("L"))
    #expect(state.isLive && state.followsNewestAlert && state.alertSelection.selected == "AL-NOW-AKSAI")
    _ = state.handle(
      news(state, raised("N-1", on: "B-01", seq: 9_001), touch: .alert("N-1", segment: "B-01")))
    #expect(state.alertSelection.selected == "N-1" && state.newerAboveSelection == 0)
  }

  @Test("rows say who acknowledged or resolved and how long ago; wide panes show the time of day")
  func whoAndWhen() throws {
    var state = try SampleConsole.state()
    var live = state.live
    live.apply(
      JournalEvent(
        seq: 9_001, at: SampleConsole.now.adding(seconds: -180), by: "alice@10.0.0.5",
        payload: .alertAcknowledged(alert: "AL-NOW-GOLOVNOY", note: nil)))
    _ = state.handle(.journal(JournalNews(situation: live)))
    let pane = alertPane(state)
    let row = try #require(pane.split(separator: "\n").first { $0.contains("A-02") && $0.contains("40m") })
    #expect(row.contains("✓ ▲ 3  A-02     40m alice 3m"), "acknowledged by alice 3 minutes ago: \(row)")
    #expect(pane.contains("× ▲ 3  A-06   2d00h kg-bat… 1d"), "resolved, and by whom")
    #expect(!pane.contains("BIS/DUS"), "no time of day at 120 columns")
    // The segment's full detail says it too ((b) 6).
    _ = press(&state, .character(":"))
    type(&state, "A-02")
    _ = press(&state, .enter, .enter)
    #expect(state.overlay == .segmentDetail("A-02"))
    let detailText = ConsoleView.render(state).text
    #expect(detailText.contains("✓ ▲3 "), "the acknowledged mark: \(detailText)")
    #expect(detailText.contains("· alice 3m"), "who and how long ago: \(detailText)")
    _ = press(&state, .escape)
    // At 250 columns the pane has room for the day and time in both capitals.
    _ = state.handle(.resize(ScreenSize(columns: 250, rows: 60)))
    let wide = alertPane(state)
    #expect(wide.contains("times BIS/DUS"))
    // AL-NOW-AKSAI was raised 12 minutes before 06:00 UTC: 11:48 in Bishkek, 10:48 in Dushanbe.
    #expect(wide.contains("Nov 29 11:48/10:48 Kyrgyz side reports mortar fire"))
    expectSnapshot(wide, named: "feed-acknowledged-250x60")
    _ = state.handle(.resize(ScreenSize(columns: 80, rows: 24)))
    expectSnapshot(alertPane(state), named: "feed-acknowledged-80x24")
    expectSnapshot(alertPane(state, glyphs: .ascii), named: "feed-acknowledged-80x24-ascii")
  }

  @Test("o goes from an alert to its segment and Backspace back; from a segment o shows its alerts")
  func alertAndSegment() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("3"), .character("j"))
    #expect(state.alertSelection.selected == "AL-NOW-GOLOVNOY")
    _ = press(&state, .character("o"))
    #expect(state.focus == .segments && state.segmentSelection.selected == "A-02")
    _ = press(&state, .backspace)
    #expect(state.focus == .alerts && state.alertSelection.selected == "AL-NOW-GOLOVNOY")
    // From a segment: its alerts only, the newest first, and a visible way back.
    _ = press(&state, .character(":"))
    type(&state, "A-06")
    _ = press(&state, .enter, .character("o"))
    #expect(state.focus == .alerts && state.feed.segment == "A-06")
    #expect(
      feedIDs(state) == ["AL-NOW-TORTKOCHO", state.feedAlert(atRow: 1)!.id.rawValue] && state.feedCount == 2)
    #expect(state.alertSelection.selected == "AL-NOW-TORTKOCHO")
    #expect(alertPane(state).contains("Alerts on A-06 · all (2) · Esc: every segment"))
    expectSnapshot(alertPane(state), named: "feed-segment-120x40")
    _ = press(&state, .backspace)
    #expect(
      state.focus == .segments && state.segmentSelection.selected == "A-06" && state.feed.segment == nil)
    _ = press(&state, .character("o"), .escape)
    #expect(state.feed.segment == nil && state.feedCount == 10 && state.focus == .alerts)
    // From an open alert detail, o opens its segment's place in the table.
    _ = press(&state, .character("g"), .enter, .character("o"))
    #expect(state.overlay == nil && state.focus == .segments && state.segmentSelection.selected == "A-05")
    // o on a meeting says what it does.
    _ = press(&state, .character("2"), .character("o"))
    #expect(state.message?.isError == true && state.focus == .meetings)
  }

  @Test("o from an alert whose segment the filter hides clears the filter so the segment shows")
  func counterpartThroughFilter() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("/"))
    type(&state, "B-0")
    _ = press(&state, .enter, .character("3"), .character("o"))
    #expect(state.segmentSelection.selected == "A-05" && state.selectedRow != nil && state.filter.isEmpty)
  }

  @Test("a changed row stays marked * until the operator moves onto it, opens it, or marks all seen")
  func unseenMarks() throws {
    var state = try SampleConsole.state()
    _ = state.handle(
      news(state, raised("N-1", on: "B-01", seq: 9_001), touch: .alert("N-1", segment: "B-01")))
    _ = state.handle(
      news(
        state,
        JournalEvent(
          seq: 9_002, at: SampleConsole.now, by: "feed",
          payload: .segmentLevelSet(segment: "D-01", level: .tense, reason: "patrol")),
        touch: .segment("D-01")))
    // Long after the three-second flash.
    _ = state.handle(.tick(SampleConsole.now.adding(seconds: 3600)))
    #expect(state.flashes.isEmpty)
    #expect(state.unseen == ["N-1", "B-01", "D-01"])
    let screen = ConsoleView.render(state).text
    #expect(screen.contains("│* B-01"), "the segment still marked")
    // The following feed selected N-1 on its own: that is not the operator looking at it.
    #expect(state.alertSelection.selected == "N-1" && state.unseen.contains("N-1"))
    _ = press(&state, .character("3"), .character("j"), .character("k"))
    #expect(!state.unseen.contains("N-1"), "moved onto it")
    _ = press(&state, .character(":"))
    type(&state, "B-01")
    _ = press(&state, .enter)
    #expect(!state.unseen.contains("B-01"), "jumped to it")
    _ = press(&state, .character("m"))
    #expect(state.unseen.isEmpty && state.message?.text == "marked 1 change as seen")
    #expect(!ConsoleView.render(state).text.contains("│* D-01"))
  }

  @Test("a change made from this console is not new to its operator")
  func ownChangesSeen() throws {
    var state = try SampleConsole.state()
    state.operatorName = "alice"
    let event = JournalEvent(
      seq: 9_001, at: SampleConsole.now, by: "alice",
      payload: .alertAcknowledged(alert: "AL-NOW-AKSAI", note: nil))
    _ = state.handle(news(state, event, touch: .alert("AL-NOW-AKSAI", segment: "A-05")))
    #expect(state.unseen.isEmpty)
  }

  @Test("an unseen alert in a feed scrolled off to the side is marked when its row shows")
  func unseenAlertRow() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("3"), .character("j"))
    _ = state.handle(
      news(state, raised("N-1", on: "B-01", seq: 9_001), touch: .alert("N-1", segment: "B-01")))
    _ = state.handle(.tick(SampleConsole.now.adding(seconds: 60)))
    #expect(alertPane(state).contains("│*● ▲ 3  B-01"), "\(alertPane(state))")
  }

  @Test("1, 2 and 3 focus the segments, meetings and alerts panes; an open detail closes")
  func paneKeys() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("3"))
    #expect(state.focus == .alerts)
    _ = press(&state, .character("2"))
    #expect(state.focus == .meetings)
    _ = press(&state, .enter, .character("1"))
    #expect(state.focus == .segments && state.overlay == nil)
  }

  @Test("the acknowledged alert leaves the unacknowledged view and the selection stays on its row")
  func workingDownTheList() throws {
    var state = try SampleConsole.state()
    _ = press(&state, .character("v"), .character("v"), .character("j"))
    #expect(state.alertSelection.selected == "AL-NOW-GOLOVNOY")
    var live = state.live
    live.apply(
      JournalEvent(
        seq: 9_001, at: SampleConsole.now, by: "bob",
        payload: .alertAcknowledged(alert: "AL-NOW-GOLOVNOY", note: nil)))
    _ = state.handle(.journal(JournalNews(situation: live)))
    #expect(feedIDs(state) == ["AL-NOW-AKSAI", "AL-NOW-KULUNDU"])
    #expect(state.alertSelection.selected == "AL-NOW-KULUNDU", "the next one down, not the top")
  }

  @Test("every new key is in the key map (so help lists it) and none clashes")
  func keyMap() {
    let map = KeyMap.standard
    let wanted: [(Key, Command)] = [
      (.character("v"), .cycleFeedView), (.character("u"), .nextUnacknowledged),
      (.character("o"), .openCounterpart), (.backspace, .goBack), (.character("m"), .markAllSeen),
      (.character("1"), .focusPane(.segments)), (.character("2"), .focusPane(.meetings)),
      (.character("3"), .focusPane(.alerts)),
    ]
    for (key, command) in wanted { #expect(map.command(for: key) == command, "\(key.label)") }
    // A key may mean different things in different contexts (help, a form), never two in one.
    for (key, context, _, _) in map.clashes {
      Issue.record("\(key.label) is bound twice in \(context)")
    }
  }
}
