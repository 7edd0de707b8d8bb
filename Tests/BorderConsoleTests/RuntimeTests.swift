import BorderConsole
import BorderModel
import Testing

/// A terminal in memory: keys to hand out, turn by turn; frames and bells counted.
struct FakeTerminal: TerminalPort {
  var pending: [[TerminalEvent]] = []
  var frames: [Grid] = []
  var headerRedraws = 0
  var bells = 0

  mutating func readInputs() -> [TerminalEvent] { pending.isEmpty ? [] : pending.removeFirst() }
  mutating func draw(_ grid: Grid) { frames.append(grid) }
  mutating func redrawHeader(_ body: (inout Grid) -> Void) {
    headerRedraws += 1
    if var last = frames.last {
      body(&last)
      frames.append(last)
    }
  }
  mutating func bell() { bells += 1 }
}

/// A journal in memory: appends apply to its situation; others' events can be queued to land
/// right after ours, as another writer would under the lock.
struct FakeJournal: JournalPort {
  var situation: Situation
  var seq: UInt64 = 1000
  /// Events written by others, appended just after the next append of ours.
  var othersAfterNextAppend: [EventPayload] = []
  var unread: [JournalEvent] = []
  var appended: [JournalEvent] = []
  var historyAsked: [Timestamp] = []
  var historyDone: [(asOf: Timestamp, situation: Situation)] = []
  var failure: AppendFailure?

  private mutating func write(_ event: JournalEvent) -> Result<UInt64, AppendFailure> {
    var event = event
    seq += 1
    event.seq = seq
    guard case .success = situation.apply(event) else {
      seq -= 1
      return .failure(
        situation.validate(event).map { AppendFailure(rejected: $0) } ?? AppendFailure("refused"))
    }
    unread.append(event)
    return .success(seq)
  }

  mutating func refresh() -> JournalNews {
    defer { unread = [] }
    return JournalNews(situation: situation, events: unread, touches: [])
  }

  mutating func append(_ draft: EventDraft) -> Result<UInt64, AppendFailure> {
    if let failure { return .failure(failure) }
    // Timed by the fake's clock, as the journal times events made now under its lock.
    let event = draft.finished(seq: seq + 1, now: SampleConsole.now, in: situation)
    let result = write(event)
    if case .success = result { appended.append(event) }
    for payload in othersAfterNextAppend {
      _ = write(JournalEvent(at: event.at, by: "feed", payload: payload))
    }
    othersAfterNextAppend = []
    return result
  }

  mutating func startLoadingHistory(asOf: Timestamp) { historyAsked.append(asOf) }
  mutating func takeLoadedHistory() -> [(asOf: Timestamp, situation: Situation)] {
    defer { historyDone = [] }
    return historyDone
  }
}

/// Wake-ups handed out in order; after them, the timeout passes.
struct FakeWake: WakeSource {
  var script: [Wakeup] = []
  var waits: [Int] = []
  var longestWaitMilliseconds: Int? { nil }
  mutating func wait(timeoutMilliseconds: Int) -> Wakeup {
    waits.append(timeoutMilliseconds)
    return script.isEmpty ? Wakeup() : script.removeFirst()
  }
}

/// One theme, never changing.
struct FakeThemes: ThemePort {
  var theme: Theme = .defaultDark
  var cycled = 0
  mutating func reload() -> ThemeChange? { nil }
  mutating func cycle() -> ThemeChange {
    cycled += 1
    return ThemeChange(name: "light", problem: nil)
  }
}

typealias FakeRuntime = ConsoleRuntime<FakeTerminal, FakeJournal, FakeWake, FakeThemes>

/// A runtime over the sample with fakes for every port.
func fakeRuntime() throws -> FakeRuntime {
  let state = try SampleConsole.state()
  return ConsoleRuntime(
    state: state, terminal: FakeTerminal(), journal: FakeJournal(situation: state.live), wake: FakeWake(),
    themes: FakeThemes(), clock: FixedWallClock(SampleConsole.now), glyphs: .unicode)
}

private func keys(_ text: String) -> [TerminalEvent] { text.map { .key(.character($0)) } }

@Suite("The console's loop, driven with fakes")
struct RuntimeTests {
  @Test("an urgent alert read right after one's own append rings the bell (code.md problem 2)")
  func bellAfterOwnAppend() throws {
    var runtime = try fakeRuntime()
    runtime.start()
    runtime.journal.othersAfterNextAppend = [
      .alertRaised(
        AlertReport(id: "AL-URGENT", segment: "B-01", level: .escalation, type: .armedClash, text: "clash"))
    ]
    runtime.terminal.pending = [[.key(.character("n"))] + keys("road open") + [.key(.enter)]]
    #expect(runtime.turn() == nil)
    #expect(runtime.journal.appended.count == 1, "the note was written")
    #expect(runtime.terminal.bells == 1, "the level-5 alert that came with it rang")
    #expect(runtime.state.live.alert("AL-URGENT") != nil)
    #expect(runtime.state.form == nil)
    let message = try #require(runtime.state.message?.text)
    #expect(message.contains("recorded as event #1001"), "our confirmation is on screen")
    #expect(message.contains("ESCALATION on B-01"), "and so is the alert that came with it")
    #expect(runtime.terminal.frames.count == 2, "the first frame, then one after the keys")
  }

  @Test("keys and journal news in one wake-up: the keys act on the live situation, not a released one")
  func keysWithNews() throws {
    var runtime = try fakeRuntime()
    runtime.terminal.pending = [[.key(.character("n"))] + keys("road open") + [.key(.enter)]]
    runtime.wake.script = [Wakeup(journalChanged: true)]
    #expect(runtime.turn() == nil)
    #expect(runtime.state.form?.error == nil)
    #expect(runtime.journal.appended.count == 1, "the note was written")
  }

  @Test("a refused append keeps the form, with what was typed and the journal's reason")
  func refusedAppend() throws {
    var runtime = try fakeRuntime()
    runtime.journal.failure = AppendFailure("journal.jsonl: Permission denied")
    runtime.terminal.pending = [[.key(.character("n"))] + keys("road open") + [.key(.enter)]]
    #expect(runtime.turn() == nil)
    #expect(runtime.state.form?.value("Text") == "road open")
    #expect(runtime.state.form?.error == "not recorded: journal.jsonl: Permission denied")
    let screen = try #require(runtime.terminal.frames.last).text
    #expect(screen.contains("Permission denied") && screen.contains("road open"))
  }

  @Test("a fold of the past runs off the loop: keys are handled while it loads, then it shows")
  func historyOffTheLoop() throws {
    var runtime = try fakeRuntime()
    let live = runtime.state.live
    runtime.state.history = HistoryWindow(base: live)
    runtime.terminal.pending = [[.key(.character("{"))], [.key(.down)]]
    #expect(runtime.turn() == nil)
    let asOf = try #require(runtime.journal.historyAsked.first, "the fold was started")
    #expect(runtime.terminal.frames.last?.text.contains("loading history") == true, "the screen says so")
    #expect(runtime.turn() == nil)
    #expect(runtime.state.segmentSelection.selected == "A-02", "a key was handled while the fold ran")
    runtime.journal.historyDone = [(asOf, live)]
    runtime.wake.script = [Wakeup(historyReady: true)]
    #expect(runtime.turn() == nil)
    #expect(runtime.state.historyCursor?.asOf == asOf)
    #expect(runtime.terminal.frames.last?.text.contains("HISTORY") == true)
  }

  @Test("q quits with 0; a signal with 128 + it; a hang-up with 129")
  func exits() throws {
    var runtime = try fakeRuntime()
    runtime.terminal.pending = [keys("q")]
    #expect(runtime.turn() == 0)
    var signalled = try fakeRuntime()
    signalled.wake.script = [Wakeup(signal: 15)]
    #expect(signalled.turn() == 143)
    var hungUp = try fakeRuntime()
    hungUp.wake.script = [Wakeup(hungUp: true)]
    #expect(hungUp.turn() == 129)
  }

  @Test("SIGINT (Ctrl-C from the terminal) cancels an open form; with none open it exits 130")
  func interrupt() throws {
    var runtime = try fakeRuntime()
    runtime.terminal.pending = [[.key(.character("n"))] + keys("draft")]
    #expect(runtime.turn() == nil)
    #expect(runtime.state.form != nil)
    runtime.wake.script = [Wakeup(signal: 2), Wakeup(signal: 2)]
    #expect(runtime.turn() == nil, "the console goes on")
    #expect(runtime.state.form == nil)
    #expect(runtime.state.message?.text == "cancelled: nothing recorded")
    #expect(runtime.journal.appended.isEmpty)
    #expect(runtime.turn() == 130)
  }

  @Test("journal news wakes the loop and is drawn; t cycles the theme through the queue")
  func newsAndTheme() throws {
    var runtime = try fakeRuntime()
    runtime.start()
    _ = runtime.journal.append(
      EventDraft(
        JournalEvent(at: SampleConsole.now, by: "feed", payload: .noteAdded(target: "A-01", text: "hello"))))
    runtime.wake.script = [Wakeup(journalChanged: true)]
    #expect(runtime.turn() == nil)
    #expect(runtime.state.live.notes.last?.text == "hello")
    #expect(runtime.terminal.frames.count == 2)
    runtime.terminal.pending = [keys("t")]
    #expect(runtime.turn() == nil)
    #expect(runtime.themes.cycled == 1 && runtime.state.themeName == "light")
  }
}
