import BorderConsole
import BorderModel
import BorderSample
import BorderStore
import Foundation
import Testing

/// The bundled sample, created at a fixed moment, as a console would open it.
enum SampleConsole {
  /// The moment the sample directory is created and the console looks at it.
  static let now = Timestamp(year: 2026, month: 11, day: 29, hour: 6)

  /// A store over a fresh sample directory.
  static func store() throws -> (SituationStore, String) {
    let path = NSTemporaryDirectory() + "bordermon-console-\(UUID().uuidString.prefix(8))"
    let directory = DataDirectory(path: path)
    try SampleSituation.create(at: directory, now: now).get()
    return (SituationStore(directory: directory, historyLimit: 20_000), path)
  }

  /// A console state over the sample at a size.
  static func state(columns: Int = 120, rows: Int = 40) throws -> ConsoleState {
    let (store, path) = try store()
    defer { try? FileManager.default.removeItem(atPath: path) }
    return ConsoleState(
      situation: store.situation, history: store.historyWindow, now: now,
      size: ScreenSize(columns: columns, rows: rows))
  }
}

/// Compares rendered text with a file under `Snapshots/`; `BORDERMON_RECORD=1` rewrites it.
func expectSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
  let file = folder.appendingPathComponent(name + ".txt")
  if ProcessInfo.processInfo.environment["BORDERMON_RECORD"] == "1" {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? text.write(to: file, atomically: true, encoding: .utf8)
    return
  }
  guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
    Issue.record(
      "no snapshot \(name).txt; run with BORDERMON_RECORD=1 to record it", sourceLocation: sourceLocation)
    return
  }
  if expected != text {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for index in 0..<max(expectedLines.count, actualLines.count) {
      let e = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
      let a = index < actualLines.count ? String(actualLines[index]) : "<none>"
      if e != a { diff.append("line \(index + 1):\n  expected: \(e)\n  actual:   \(a)") }
    }
    let report = diff.prefix(8).joined(separator: "\n")
    Issue.record("snapshot \(name) differs:\n\(report)", sourceLocation: sourceLocation)
  }
}
