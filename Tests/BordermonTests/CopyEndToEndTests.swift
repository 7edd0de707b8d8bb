import Foundation
import TerminalTestSupport
import Testing

/// `y` in the built console: OSC 52 where terminfo says the terminal takes it, a message elsewhere.
@Suite("y copies through OSC 52 in a pseudo-terminal", .serialized)
struct CopyEndToEndTests {
  @Test("xterm-256color (terminfo Ms): the OSC 52 sequence with the segment's ID and name is sent")
  func xtermCopies() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let app = try ConsoleEndToEndTests.console(data)
    try app.waitFor("the first frame") { $0.contains("Segments 52") }
    try app.send(.text("y"))
    try app.waitFor(text: "copied A-01 to the clipboard")
    let expected =
      "\u{1B}]52;c;" + Data("A-01 Isfara valley, western approach".utf8).base64EncodedString() + "\u{07}"
    let raw = String(decoding: app.rawOutput, as: UTF8.self)
    #expect(raw.contains(expected), "the OSC 52 sequence was not sent")
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
  }

  @Test("a terminal without Ms (screen-256color): y says it cannot, and sends nothing")
  func screenCannot() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let app = try ConsoleEndToEndTests.console(data, term: "screen-256color")
    try app.waitFor("the first frame") { $0.contains("Segments 52") }
    try app.send(.text("y"))
    try app.waitFor(text: "cannot copy")
    #expect(!String(decoding: app.rawOutput, as: UTF8.self).contains("\u{1B}]52;"))
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
  }
}
