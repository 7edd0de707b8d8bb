import BorderModel
import BorderStore
import Foundation
import TerminalTestSupport
import Testing

/// The built console in a pseudo-terminal, driven like an operator would.
@Suite("The console in a pseudo-terminal", .serialized)
struct ConsoleEndToEndTests {
  static var bordermon: String {
    PseudoTerminalProcess.builtProduct(named: "bordermon") ?? CommandRunner.executable
  }

  /// A sample data directory and its path.
  static func sample(_ scratch: ScratchDirectory) throws -> String {
    let data = scratch.path + "/data"
    let created = try CommandRunner.run(["init", "--data", data])
    #expect(created.status == 0, "\(created.stderr)")
    return data
  }

  static func console(
    _ data: String, _ extra: [String] = [], term: String = "xterm-256color", lang: String = "C.UTF-8",
    columns: Int = 120, rows: Int = 40
  ) throws -> PseudoTerminalProcess {
    var environment = PseudoTerminalProcess.defaultEnvironment(term: term)
    environment["LANG"] = lang
    environment["BORDERMON_OPERATOR"] = "e2e"
    return try PseudoTerminalProcess(
      executable: bordermon, arguments: ["console", "--data", data] + extra, environment: environment,
      columns: columns, rows: rows)
  }

  @Test("opens on the sample, moves the selection, shows an appended event, resizes and quits cleanly")
  func liveConsole() throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    let app = try Self.console(data)
    try app.waitFor("the first frame") {
      $0.contains("Segments 52") && $0.contains("Alerts") && $0.contains("Detail · A-01")
    }
    #expect(app.screen.contains("[sample: article]"))
    #expect(app.screen.contains("Agreed 812.0 of 975.0 km"))

    try app.send(.down, .down)
    try app.waitFor("the selection on A-03") { $0.contains("Detail · A-03") }

    let append = try CommandRunner.run(
      ["append", "--data", data],
      stdin:
        #"{"type":"alert.raised","alert":"E2E-1","segment":"A-03","level":3,"kind":"blockade","text":"Road blocked at the reservoir"}"#
        + "\n")
    #expect(append.status == 0, "\(append.stderr)")
    // At 120 columns the feed's row has room for the start of the text (beside who acknowledged).
    try app.waitFor("the appended alert in the feed") { $0.contains("A-03     now            Road blocked") }
    #expect(app.screen.contains("5 open"))

    try app.resize(columns: 80, rows: 24)
    try app.waitFor("the 80×24 layout") {
      $0.line(23).contains("q quit") && $0.contains("[sample: article]") && $0.size.columns == 80
    }
    try app.resize(columns: 50, rows: 15)
    try app.waitFor("the too-small message") { $0.contains("terminal too small: 50×15, needs 64×20") }
    try app.resize(columns: 120, rows: 40)
    try app.waitFor("recovery at 120×40") { $0.contains("Segments 52") && !$0.contains("too small") }

    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
    #expect(app.terminalRestored() == [])
  }

  @Test(
    "every exit path restores the terminal",
    arguments: [
      (SIGTERM, Int32(143)), (SIGHUP, Int32(129)), (SIGINT, Int32(130)),
    ])
  func exitPaths(signal: Int32, status: Int32) throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    let app = try Self.console(data)
    try app.waitFor("the first frame") { $0.contains("Segments 52") }
    #expect(app.terminate(signal) == .exited(status))
    #expect(app.terminalRestored() == [])
  }

  @Test("Ctrl-C typed at the console quits and restores the terminal")
  func controlC() throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    let app = try Self.console(data)
    try app.waitFor("the first frame") { $0.contains("Segments 52") }
    try app.send(.control("c"))
    let status = try app.waitForExit()
    #expect(status == .exited(130) || status == .exited(0))
    #expect(app.terminalRestored() == [])
  }

  @Test(
    "under TERM=vt100 and TERM=xterm with LANG=C the screen is complete and readable",
    arguments: ["vt100", "xterm"])
  func plainTerminals(term: String) throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    let app = try Self.console(data, term: term, lang: "C", columns: 80, rows: 24)
    try app.waitFor("a complete screen") { screen in
      ["Segments 52", "Detail", "Meetings", "Alerts", "Agreed 812.0"].allSatisfy { screen.contains($0) }
    }
    // Cyrillic reaches the screen (a UTF-8 locale is used when the machine has one) and stays aligned.
    #expect(app.screen.contains("Баткенский") || app.screen.contains("Batkenskiy"))
    try app.send(.down)
    try app.waitFor("the selection moved") { $0.contains("Detail · A-02") || $0.contains("Detail * A-02") }
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
    #expect(app.terminalRestored() == [])
  }

  @Test("--ascii draws plain ASCII only")
  func asciiOnly() throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    let app = try Self.console(data, ["--ascii"], columns: 80, rows: 24)
    try app.waitFor("a complete screen") { $0.contains("Segments 52") && $0.contains("Alerts") }
    #expect(app.screen.text.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(app.screen.contains("Batkenskiy"), "Cyrillic falls back to Latin, never to mojibake")
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
  }

  @Test("an unknown TERM gets a clear message, not a crash")
  func unknownTerminal() throws {
    let scratch = ScratchDirectory()
    let data = try Self.sample(scratch)
    let app = try Self.console(data, term: "no-such-terminal")
    let status = try app.waitForExit()
    #expect(status == .exited(1))
    #expect(app.screen.contains("unknown terminal type 'no-such-terminal'"))
    #expect(app.terminalRestored() == [])
  }
}

/// Several operators on one journal: what one does, the others see.
@Suite("Several consoles on one journal", .serialized)
struct SharedJournalTests {
  @Test("an acknowledgement made in one console shows in the other, with who made it")
  func acknowledgementSpreads() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    var aliceEnvironment = PseudoTerminalProcess.defaultEnvironment()
    aliceEnvironment["BORDERMON_OPERATOR"] = "alice"
    let alice = try PseudoTerminalProcess(
      executable: ConsoleEndToEndTests.bordermon, arguments: ["console", "--data", data],
      environment: aliceEnvironment, columns: 120, rows: 40)
    let bob = try ConsoleEndToEndTests.console(data)
    for app in [alice, bob] {
      try app.waitFor("the first frame") { $0.contains("3 unacknowledged") }
    }
    // Alice goes to the alert feed and acknowledges the newest alert with a note.
    try alice.send(.tab, .tab)
    try alice.send(.text("a"))
    try alice.waitFor("the acknowledgement form") { $0.contains("Acknowledge AL-NOW-AKSAI") }
    try alice.send(.text("calling Batken"))
    try alice.send(.enter)
    try alice.waitFor("alice's own console updated") { $0.contains("2 unacknowledged") }
    try bob.waitFor("bob's console updated") { $0.contains("2 unacknowledged") }
    // A writer from outside (a feed) is seen by both.
    let feed = try CommandRunner.run(["alert", "resolve", "AL-NOW-AKSAI", "--note", "calm", "--data", data])
    #expect(feed.status == 0, "\(feed.stderr)")
    for app in [alice, bob] {
      try app.waitFor("the resolution") { $0.contains("3 open") }
    }
    // Bob opens the alert's detail and reads who acknowledged it.
    try bob.send(.tab, .tab)
    try bob.waitFor("the feed focused") { _ in true }
    let store = SituationStore(directory: DataDirectory(path: data))
    #expect(store.situation.alert("AL-NOW-AKSAI")?.acknowledgement?.by == "alice")
    #expect(store.situation.alert("AL-NOW-AKSAI")?.acknowledgement?.note == "calling Batken")
    for app in [alice, bob] {
      try app.send(.text("q"))
      #expect(try app.waitForExit() == .exited(0))
      #expect(app.terminalRestored() == [])
    }
  }

  @Test("a read-only console refuses every action and never writes the journal")
  func readOnly() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let journal = data + "/journal.jsonl"
    let before = try Data(contentsOf: URL(fileURLWithPath: journal))
    let app = try ConsoleEndToEndTests.console(data, ["--read-only"])
    try app.waitFor("the first frame") { $0.contains("Segments 52") }
    for key in ["a", "x", "l", "i", "n"] {
      try app.send(.text(key))
      try app.waitFor("the refusal for \(key)") { $0.contains("read-only console: actions are disabled") }
      try app.send(.escape)
    }
    try app.send(.tab, .tab, .text("a"))
    try app.waitFor("the refusal in the feed") { $0.contains("read-only console") }
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
    #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before, "the journal is untouched")
  }

  @Test("a journal replaced under running consoles is noticed, read again and said so")
  func rotation() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let app = try ConsoleEndToEndTests.console(data)
    try app.waitFor("the first frame") { $0.contains("4 open") }
    let journal = data + "/journal.jsonl"
    let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
    // Rotate: the new file keeps the history up to 2024 only.
    let kept = lines.filter { !$0.contains("AL-NOW") && !$0.contains("\"illustrative\":\"placed") }
    try (kept.joined(separator: "\n") + "\n").write(
      toFile: journal + ".new", atomically: false, encoding: .utf8)
    #expect(rename(journal + ".new", journal) == 0)
    try app.waitFor("the reload") { $0.contains("the journal was replaced") }
    try app.waitFor("the new situation") { !$0.contains("4 open") }
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
  }
}
