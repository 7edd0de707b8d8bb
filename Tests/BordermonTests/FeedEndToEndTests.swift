import BorderModel
import BorderStore
import Foundation
import TerminalTestSupport
import Testing

/// The alert feed in the built console, in a pseudo-terminal: `u`, following, the feed's views.
@Suite("The alert feed in a pseudo-terminal", .serialized)
struct FeedEndToEndTests {
  /// Raises an alert from the command line, as a feed would.
  static func raise(_ data: String, segment: String, text: String) throws {
    let raised = try CommandRunner.run(
      [
        "alert", "raise", "--data", data, "--segment", segment, "--level", "3", "--type", "other", "--text",
        text,
      ])
    #expect(raised.status == 0, "\(raised.stderr)")
  }

  @Test("u lands on an unacknowledged alert, the most severe then the oldest; v narrows the feed")
  func nextUnacknowledged() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let app = try ConsoleEndToEndTests.console(data)
    try app.waitFor("the first frame") { $0.contains("Alerts · all (10)") }
    try app.send(.text("u"))
    try app.waitFor("the level-4 alert") { $0.contains("unacknowledged 1 of 3: AL-NOW-AKSAI on A-05") }
    try app.send(.text("u"))
    try app.waitFor("the older level-3 alert selected") {
      $0.contains("▶● ▲ 3  C-02") && $0.contains("unacknowledged 2 of 3: AL-NOW-KULUNDU")
    }
    try app.send(.text("v"), .text("v"))
    try app.waitFor("the unacknowledged view") { $0.contains("Alerts · unacknowledged (3)") }
    #expect(!app.screen.contains("A-06   2d00h"), "a resolved alert is not in the view")
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
  }

  @Test("the feed follows the newest alert again after { then L; not following, it says N newer ↑")
  func followsAfterHistory() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let app = try ConsoleEndToEndTests.console(data)
    try app.waitFor("the first frame") { $0.contains("Alerts · all (10)") }
    // An older alert chosen: the feed stays on it and counts what arrives above.
    try app.send(.text("3"), .text("j"), .text("j"))
    try app.waitFor("C-02 selected") { $0.contains("▶● ▲ 3  C-02") }
    try Self.raise(data, segment: "B-01", text: "first while away")
    try app.waitFor("the newer marker") { $0.contains("1 newer ↑") && $0.contains("▶● ▲ 3  C-02") }
    // Into the past and back: the feed follows the newest alert again.
    try app.send(.text("{"))
    try app.waitFor("history") { $0.contains("HISTORY") }
    try app.send(.text("L"))
    try app.waitFor("live again, on the newest") {
      !$0.contains("HISTORY") && $0.contains("▶● ▲ 3  B-01") && !$0.contains("newer ↑")
    }
    try Self.raise(data, segment: "B-02", text: "second after coming back")
    try app.waitFor("the new alert selected") { $0.contains("▶● ▲ 3  B-02") && !$0.contains("newer ↑") }
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
  }
}
