import Foundation
import TerminalTestSupport
import Testing

/// Honest freshness and the full raise form, in the built console in a pseudo-terminal (issue 10).
@Suite("Freshness and the raise form in a pseudo-terminal", .serialized)
struct ConsoleFreshnessEndToEndTests {
  static func journalLines(_ data: String) throws -> [Substring] {
    try String(contentsOfFile: data + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
  }

  @Test("a note by an operator does not clear STALE; a feed.heartbeat does")
  func operatorNoteKeepsStale() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    // The sample's last feed report is 12 minutes old (11 or 12 by the clock): stale after 5.
    let app = try ConsoleEndToEndTests.console(data, ["--stale-after", "5"])
    try app.waitFor("the first frame, stale") { $0.line(0).contains("STALE") }
    try app.send(.text("n"))
    try app.waitFor(text: "Note on A-01")
    try app.send(.text("patrol on the road, all quiet"), .enter)
    try app.waitFor("the note recorded") { $0.contains("recorded as event #") }
    let note = try #require(try Self.journalLines(data).last)
    #expect(note.contains(#""type":"note""#) && note.contains(#""via":"console""#), "\(note)")
    #expect(app.screen.line(0).contains("STALE"), "an operator's note is not news from a feed")
    #expect(!app.screen.line(0).contains("live"))
    let beat = try CommandRunner.run(["feed", "heartbeat", "--source", "cap-bridge", "--data", data])
    #expect(beat.status == 0, "\(beat.stderr)")
    try app.waitFor("the header live again") { $0.line(0).contains("live") && !$0.line(0).contains("STALE") }
    #expect(!app.screen.contains("cap-bridge"), "a heartbeat adds nothing to the alert feed")
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
  }

  @Test("raising with every field from the console writes them all in the journal line")
  func raiseWithEveryField() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let app = try ConsoleEndToEndTests.console(data)
    try app.waitFor("the first frame") { $0.contains("Segments 52") }
    try app.send(.text("i"))
    try app.waitFor(text: "Raise an alert on A-01")
    // Level 3 → 5, type armed clash, the text, Tajik side, confirmed, when, the source.
    try app.send(.right, .right, .tab, .text("a"), .tab, .text("clash at the canal"))
    try app.send(.tab, .text("t"), .tab, .text("c"), .tab, .text("2026-11-29T10:40:00+05:00"))
    try app.send(.tab, .text("Asia-Plus"))
    try app.waitFor(text: "Asia-Plus")
    #expect(app.screen.contains("Tajikistan") && app.screen.contains("confirmed"))
    try app.send(.enter)
    try app.waitFor("the alert recorded") { $0.contains("recorded as event #") }
    let line = try #require(try Self.journalLines(data).last)
    for part in [
      #""by":"e2e""#, #""type":"alert.raised""#, #""segment":"A-01","level":5,"kind":"armed-clash""#,
      #""text":"clash at the canal","side":"TJ","occurred":"2026-11-29T05:40:00Z","confidence":"confirmed""#,
      #""via":"console","source":"Asia-Plus""#,
    ] {
      #expect(line.contains(part), "\(part) in \(line)")
    }
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
  }
}
