import BorderModel
import BorderStore
import Foundation
import TerminalTestSupport
import Testing

/// What the console shows and writes about its store, in a pseudo-terminal.
@Suite("The console and its store, in a pseudo-terminal", .serialized)
struct ConsoleStoreTests {
  @Test("an unreadable journal shows JOURNAL UNREADABLE on the console's first frame (F2)")
  func unreadableOnFirstFrame() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let journal = data + "/journal.jsonl"
    try FileManager.default.removeItem(atPath: journal)
    try FileManager.default.createDirectory(atPath: journal, withIntermediateDirectories: false)
    let app = try ConsoleEndToEndTests.console(data)
    try app.waitFor("the first frame") { $0.contains("Segments ") }
    #expect(app.screen.line(0).contains("JOURNAL UNREADABLE"), "\(app.screen.line(0))")
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
  }

  @Test("a --read-only console never writes the snapshot cache; a writing one does (F18)")
  func readOnlyWritesNoCache() throws {
    let scratch = ScratchDirectory()
    let data = scratch.path + "/data"
    let events = SituationStore.snapshotThreshold + 500
    let generated = try CommandRunner.run(
      ["generate", "--segments", "20", "--events", "\(events)", "--data", data])
    #expect(generated.status == 0, "\(generated.stderr)")
    let cache = data + "/.cache"
    let viewer = try ConsoleEndToEndTests.console(data, ["--read-only"])
    try viewer.waitFor("the viewer's first frame", timeout: .seconds(120)) { $0.contains("Segments 20") }
    try viewer.send(.text("q"))
    #expect(try viewer.waitForExit() == .exited(0))
    #expect(!FileManager.default.fileExists(atPath: cache), "a viewer writes nothing in the data directory")
    let desk = try ConsoleEndToEndTests.console(data)
    try desk.waitFor("the desk's first frame", timeout: .seconds(120)) { $0.contains("Segments 20") }
    try desk.send(.text("q"))
    #expect(try desk.waitForExit() == .exited(0))
    #expect(FileManager.default.fileExists(atPath: cache + "/journal-snapshot.bin"))
  }
}
