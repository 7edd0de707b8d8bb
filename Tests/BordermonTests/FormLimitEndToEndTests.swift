import BorderModel
import Foundation
import TerminalTestSupport
import Testing

/// The console's forms and the command line keep one limit for a text: the journal's, from the model.
@Suite("A note's length: the model's limit at the console and at the command line", .serialized)
struct FormLimitEndToEndTests {
  @Test(
    "a note past the old form's 200/300 characters but within 4,000 bytes is recorded by both; one byte more is refused by both in the same words"
  )
  func sameLimit() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let words = "note: 4001 bytes, longer than the 4000 allowed"
    // The command line: 1,000 Cyrillic letters (2,000 bytes) recorded, 4,001 bytes refused.
    let cliNote = String(repeating: "ж", count: 1_000)
    let noted = try CommandRunner.run(["note", "A-01", cliNote, "--data", data])
    #expect(noted.status == 0, "\(noted.stderr)")
    let refused = try CommandRunner.run(
      ["alert", "ack", "AL-NOW-AKSAI", "--note", String(repeating: "x", count: 4_001), "--data", data])
    #expect(refused.status == 1)
    #expect(refused.stderr == "bordermon alert ack: \(words)\n")

    // The console: the same 2,000 bytes in a note form are taken whole and recorded.
    let app = try ConsoleEndToEndTests.console(data)
    try app.waitFor("the first frame") { $0.contains("3 unacknowledged") }
    let consoleNote = String(repeating: "и", count: 1_000)
    try app.send(.text("n"))
    try app.waitFor(text: "Note on A-01")
    try app.send(.text(consoleNote))
    try app.waitFor("the whole note taken") { $0.contains("2000/4000") }
    try app.send(.enter)
    try app.waitFor("recorded") { $0.contains("recorded as event") }
    let notes = try ConsoleActingEndToEndTests.journalLines(data).filter { $0.contains(#""type":"note""#) }
    #expect(notes.contains { $0.contains(cliNote) }, "the command line's note, whole")
    #expect(notes.contains { $0.contains(consoleNote) }, "the console's note, whole")
    // One byte past the model's limit: refused in the command line's words, nothing recorded.
    try app.send(.backTab)
    try app.send(.text("a"))
    try app.waitFor(text: "Acknowledge AL-NOW-AKSAI")
    try app.send(.text(String(repeating: "x", count: 4_001)))
    let full = try app.waitFor("the model's refusal") { $0.contains(words) }
    #expect(full.contains("4000/4000"), "\(full)")
    try app.send(.escape)
    try app.waitFor("the form closed") { !$0.contains("Acknowledge AL-NOW-AKSAI") }
    let acks = try ConsoleActingEndToEndTests.journalLines(data).filter {
      $0.contains(#""alert.ack""#) && $0.contains("AL-NOW-AKSAI")
    }
    #expect(acks.isEmpty, "nothing recorded by either")
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
  }
}
