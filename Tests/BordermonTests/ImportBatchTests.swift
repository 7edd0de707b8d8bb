import Foundation
import Testing

/// An import appends its events under one lock with one sync, not one sync an event (issue 10).
@Suite("Imports append in one locked, synced batch")
struct ImportBatchTests {
  static let now = ["BORDERMON_NOW": "2026-11-30T12:00:00Z", "BORDERMON_OPERATOR": "importer"]

  /// `strace`, where it is installed (CI installs it: `.ci/run`).
  static var strace: String? {
    ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  @Test("import cap of every alert into an empty journal: every event appended, one fsync of the journal")
  func oneSyncForTheImport() throws {
    guard let strace = Self.strace else {
      if ProcessInfo.processInfo.environment["CI"] != nil {
        Issue.record("strace is not installed (.ci/run installs it)")
      } else {
        print("skipped: strace is not installed, so the syncs of an import cannot be counted")
      }
      return
    }
    let scratch = ScratchDirectory()
    let source = scratch.path + "/source"
    let copy = scratch.path + "/copy"
    for data in [source, copy] {
      let made = try CommandRunner.run(["init", "--data", data], environment: Self.now)
      #expect(made.status == 0, "\(made.stderr)")
    }
    let export = try CommandRunner.run(
      ["export", "--format", "cap", "--data", source], environment: Self.now)
    #expect(export.status == 0, "\(export.stderr)")
    try Data(export.stdout.utf8).write(to: URL(fileURLWithPath: scratch.path + "/alerts.xml"))
    // The same reference data, an empty journal.
    try Data().write(to: URL(fileURLWithPath: copy + "/journal.jsonl"))
    try? FileManager.default.removeItem(atPath: copy + "/.cache")
    let trace = scratch.path + "/fsync.txt"
    let imported = try CommandRunner.runProgram(
      strace,
      [
        "-f", "-y", "-e", "trace=fsync,fdatasync", "-o", trace, CommandRunner.executable, "import", "cap",
        scratch.path + "/alerts.xml", "--data", copy,
      ], environment: Self.now)
    #expect(imported.status == 0, "\(imported.stderr)")
    let lines = try String(contentsOfFile: copy + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
    #expect(lines.count > 10, "the sample's alerts, raised, re-levelled and resolved: \(lines.count) events")
    let syncs = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").filter {
      $0.contains("journal.jsonl>")
    }
    #expect(syncs.count == 1, "one fsync of the journal for \(lines.count) events, not one each: \(syncs)")
    // And every event reads back: check is clean, a second import adds nothing.
    let check = try CommandRunner.run(["check", "--data", copy], environment: Self.now)
    #expect(check.status == 0, "\(check.stdout)")
    let again = try CommandRunner.run(
      ["import", "cap", scratch.path + "/alerts.xml", "--data", copy], environment: Self.now)
    #expect(again.status == 0 && again.stderr.contains("0 imported"), "\(again.stderr)")
  }
}
