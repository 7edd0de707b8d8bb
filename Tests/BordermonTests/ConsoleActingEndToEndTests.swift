import BorderModel
import BorderStore
import Foundation
import TerminalTestSupport
import Testing

/// Acting from the built console in a pseudo-terminal, as an operator would.
@Suite("Acting from the console in a pseudo-terminal", .serialized)
struct ConsoleActingEndToEndTests {
  /// The journal's lines.
  static func journalLines(_ data: String) throws -> [Substring] {
    try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
  }

  @Test("acknowledged by someone else between a and Enter: the form says so, Enter is refused, text kept")
  func acknowledgedMeanwhile() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let app = try ConsoleEndToEndTests.console(data)
    try app.waitFor("the first frame") { $0.contains("3 unacknowledged") }
    try app.send(.backTab)
    try app.send(.text("a"))
    try app.waitFor("the acknowledgement form") { $0.contains("Acknowledge AL-NOW-AKSAI") }
    try app.send(.text("calling Batken"))
    try app.waitFor(text: "calling Batken")
    let bob = try CommandRunner.run(
      ["alert", "ack", "AL-NOW-AKSAI", "--data", data], environment: ["BORDERMON_OPERATOR": "bob"])
    #expect(bob.status == 0, "\(bob.stderr)")
    try app.waitFor("the form saying what happened") {
      $0.contains("since this form opened, AL-NOW-AKSAI was acknowledged by bob")
    }
    try app.send(.enter)
    try app.waitFor("the refusal, naming who") { $0.contains("already acknowledged by bob") }
    #expect(app.screen.contains("Acknowledge AL-NOW-AKSAI"), "the form stays open")
    #expect(app.screen.contains("calling Batken"), "with what was typed")
    let acks = try Self.journalLines(data).filter {
      $0.contains(#""alert.ack""#) && $0.contains("AL-NOW-AKSAI")
    }
    #expect(acks.count == 1 && acks.first?.contains(#""by":"bob""#) == true, "one acknowledgement: bob's")
    try app.send(.escape)
    try app.waitFor("the form closed") { !$0.contains("Acknowledge AL-NOW-AKSAI") }
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
    #expect(app.terminalRestored() == [])
  }

  @Test("Ctrl-C in a form cancels the form; the console goes on (ux bug 11)")
  func controlCInForm() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let before = try Self.journalLines(data).count
    let app = try ConsoleEndToEndTests.console(data)
    try app.waitFor("the first frame") { $0.contains("Segments 52") }
    try app.send(.text("i"))
    try app.waitFor(text: "Raise an alert on A-01")
    try app.send(.tab, .tab, .text("draft report"))
    try app.waitFor(text: "draft report")
    try app.send(.control("c"))
    try app.waitFor("the form cancelled") { $0.contains("cancelled: nothing recorded") }
    #expect(!app.screen.contains("Raise an alert"))
    #expect(try Self.journalLines(data).count == before, "nothing recorded")
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0), "the console was still running")
    #expect(app.terminalRestored() == [])
  }

  @Test("while the screen is too small, keys never reach the hidden form (ux bug 11)")
  func hiddenForm() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let before = try Self.journalLines(data).count
    let app = try ConsoleEndToEndTests.console(data)
    try app.waitFor("the first frame") { $0.contains("Segments 52") }
    try app.send(.text("n"))
    try app.waitFor(text: "Note on A-01")
    try app.send(.text("typed before"))
    try app.waitFor(text: "typed before")
    try app.resize(columns: 50, rows: 15)
    try app.waitFor("the too-small message") { $0.contains("terminal too small: 50×15") }
    try app.send(.text("xyz"))
    try app.send(.enter)
    try app.resize(columns: 120, rows: 40)
    try app.waitFor("the form again, as it was") {
      $0.contains("Note on A-01") && $0.contains("typed before")
    }
    #expect(!app.screen.contains("typed beforexyz"))
    #expect(try Self.journalLines(data).count == before, "Enter sent nothing")
    try app.send(.escape)
    try app.waitFor("the form closed") { !$0.contains("Note on A-01") }
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
  }

  @Test("a journal gone under a running console: a note is refused and no journal is created (ux bug 4)")
  func missingJournal() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let journal = data + "/journal.jsonl"
    let app = try ConsoleEndToEndTests.console(data)
    try app.waitFor("the first frame") { $0.contains("4 open") }
    try app.send(.text("n"))
    try app.waitFor(text: "Note on A-01")
    try app.send(.text("seen from the road"))
    try app.waitFor(text: "seen from the road")
    #expect(rename(journal, data + "/journal.moved") == 0)
    try app.waitFor("the header saying so") { $0.contains("JOURNAL UNREADABLE") }
    try app.send(.enter)
    try app.waitFor("the refusal") { $0.contains("refused while the journal cannot be read") }
    #expect(app.screen.contains("seen from the road"), "the typed text is kept")
    try app.send(.escape)
    try app.waitFor("the form closed") { !$0.contains("Note on A-01") }
    try app.send(.text("n"))
    try app.waitFor("n refused too") { $0.contains("refused while the journal cannot be read") }
    #expect(!FileManager.default.fileExists(atPath: journal), "no journal was created")
    #expect(app.screen.contains("4 open"), "what was recorded is still shown")
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
    #expect(!FileManager.default.fileExists(atPath: journal))
  }
}
