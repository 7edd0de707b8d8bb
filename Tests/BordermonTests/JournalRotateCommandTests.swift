import BorderModel
import BorderStore
import Foundation
import TerminalTestSupport
import Testing

/// `bordermon journal rotate`, and what consoles and commands do across a rotation.
@Suite("Rotating the journal", .serialized)
struct JournalRotateCommandTests {
  static let now = ["BORDERMON_NOW": "2026-11-30T06:00:00Z"]

  @Test(
    "rotate keeps the old journal compressed; summary, export and check read the same before and after, --at too"
  )
  func commandLine() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let asks: [[String]] = [
      ["summary", "--data", data], ["summary", "--data", data, "--at", "2024-06-01"],
      ["export", "--format", "json", "--data", data],
      ["export", "--format", "json", "--data", data, "--at", "2022-09-30"],
      ["export", "--format", "csv", "--table", "alerts", "--data", data, "--at", "2021-05-01"],
    ]
    func answers() throws -> [String] {
      try asks.map { arguments in
        let run = try CommandRunner.run(arguments, environment: Self.now)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        // The count of journal events is the one line a rotation may change.
        return run.stdout.split(separator: "\n").filter { !$0.contains("journal events") }.joined(
          separator: "\n")
      }
    }
    let before = try answers()
    let rotated = try CommandRunner.run(["journal", "rotate", "--data", data], environment: Self.now)
    #expect(rotated.status == 0, "\(rotated.stderr)")
    #expect(rotated.stdout.contains("kept \(data)/journal-20261130T060000Z.jsonl.gz"))
    #expect(rotated.stdout.contains("starts again at seq"))
    #expect(FileManager.default.fileExists(atPath: data + "/journal-20261130T060000Z.jsonl.gz"))
    let after = try answers()
    for (index, ask) in asks.enumerated() {
      #expect(before[index] == after[index], "\(ask)")
    }
    let check = try CommandRunner.run(["check", "--data", data], environment: Self.now)
    #expect(check.status == 0 && check.stdout.contains("1 journal lines"), "\(check.stdout)\(check.stderr)")
    // A second rotation in the same second takes the next name; --at still reads back through both.
    let again = try CommandRunner.run(["journal", "rotate", "--data", data], environment: Self.now)
    #expect(
      again.status == 0 && again.stdout.contains("journal-20261130T060000Z-2.jsonl.gz"), "\(again.stderr)")
    #expect(try answers() == before)
  }

  @Test("a PostgreSQL store has nothing to rotate: exit 1 saying so, nothing done")
  func postgresStore() throws {
    let run = try CommandRunner.run(
      ["journal", "rotate", "--store", "postgresql://nobody@127.0.0.1:1/nothing"], environment: Self.now)
    #expect(run.status == 1)
    #expect(
      run.stderr.contains("a PostgreSQL store keeps every event") && run.stderr.contains("nothing was done"))
  }

  @Test("a running console carries on across `journal rotate`: same situation, same selection, no notice")
  func consoleCarriesOn() throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let app = try ConsoleEndToEndTests.console(data)
    try app.waitFor("the first frame") { $0.contains("4 open") && $0.contains("Detail · A-01") }
    try app.send(.down, .down)
    try app.waitFor("the selection on A-03") { $0.contains("Detail · A-03") }
    let rotated = try CommandRunner.run(["journal", "rotate", "--data", data])
    #expect(rotated.status == 0, "\(rotated.stderr)")
    // An event after the rotation: once it shows, the console has read past the rotation.
    let append = try CommandRunner.run(
      ["append", "--data", data],
      stdin:
        #"{"type":"alert.raised","alert":"ROT-1","segment":"A-03","level":3,"kind":"blockade","text":"Road blocked after the rotation"}"#
        + "\n")
    #expect(append.status == 0, "\(append.stderr)")
    // At 120 columns the feed's row has room for the start of the text.
    try app.waitFor("the alert appended after the rotation") {
      $0.contains("5 open") && $0.contains("Road blocked")
    }
    let screen = app.screen
    #expect(screen.contains("5 open") && screen.contains("Detail · A-03"), "\(screen.text)")
    #expect(!screen.contains("replaced") && !screen.contains("REPLACED") && !screen.contains("read again"))
    #expect(!screen.contains("STALE") && !screen.contains("UNREADABLE"))
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
  }

  @Test(
    "a journal rotated by an outside tool is a lasting header notice, never calm",
    arguments: ["rename", "copytruncate"])
  func outsideRotation(kind: String) throws {
    let scratch = ScratchDirectory()
    let data = try ConsoleEndToEndTests.sample(scratch)
    let journal = data + "/journal.jsonl"
    let app = try ConsoleEndToEndTests.console(data, columns: 120, rows: 40)
    try app.waitFor("the first frame") { $0.contains("4 open") }
    let last = SituationStore(directory: DataDirectory(path: data)).lastSeqSeen
    let line =
      #"{"seq":\#(last + 1),"at":"2026-11-30T05:00:00Z","by":"feed","type":"note","text":"after logrotate"}"#
      + "\n"
    if kind == "rename" {
      #expect(rename(journal, journal + ".1") == 0)
      FileManager.default.createFile(atPath: journal, contents: Data(line.utf8))
    } else {
      let handle = try #require(FileHandle(forWritingAtPath: journal))
      try handle.truncate(atOffset: 0)
      try handle.write(contentsOf: Data(line.utf8))
      try handle.close()
    }
    let notice = "JOURNAL REPLACED: HISTORY BEFORE SEQ \(last + 1) UNAVAILABLE"
    try app.waitFor("the header notice") { $0.line(0).contains(notice) }
    #expect(!app.screen.line(0).contains("live") && !app.screen.line(0).contains("calm"))
    // It lasts: once the message line's notice has gone (8 s), the header still says it.
    try app.waitFor("the message line's notice gone", timeout: .seconds(30)) { !$0.contains("read again") }
    #expect(app.screen.line(0).contains(notice))
    try app.resize(columns: 80, rows: 24)
    try app.waitFor("the notice at 80×24") {
      $0.size.columns == 80 && $0.line(0).contains("JOURNAL REPLACED")
    }
    try app.send(.text("q"))
    #expect(try app.waitForExit() == .exited(0))
  }
}
