import BorderModel
import Foundation
import Testing

@testable import BorderStore

@Suite("Generated data")
struct DatasetTests {
  @Test("generate is deterministic and its data is valid")
  func generated() throws {
    let dir = TemporaryDirectory()
    try SyntheticData(segments: 300, events: 5000, seed: 7).write(to: dir.dataDirectory("one")).get()
    try SyntheticData(segments: 300, events: 5000, seed: 7).write(to: dir.dataDirectory("two")).get()
    try SyntheticData(segments: 300, events: 5000, seed: 8).write(to: dir.dataDirectory("three")).get()
    for file in ["segments.toml", "journal.jsonl"] {
      #expect(dir.read("one/" + file) == dir.read("two/" + file))
    }
    #expect(dir.read("one/journal.jsonl") != dir.read("three/journal.jsonl"))
    let store = SituationStore(directory: dir.dataDirectory("one"))
    #expect(store.diagnostics.isEmpty, "\(store.diagnostics.prefix(3))")
    #expect(store.situation.segments.count == 300)
    #expect(store.situation.appliedEventCount == 5000)
    #expect(abs(store.situation.figures(now: SyntheticData.epoch).totalKm - 975) < 0.01)
    let kinds = Set(
      dir.read("one/journal.jsonl").split(separator: "\n").compactMap { line in
        line.range(of: #""type":"[a-z.]+""#, options: .regularExpression).map { String(line[$0]) }
      })
    // Every type but the rotation, which only `journal rotate` writes, as a journal's first line.
    #expect(
      kinds.count == EventType.allCases.count - 1 && !kinds.contains(#""type":"journal.rotated""#),
      "a realistic mix uses every type: \(kinds.sorted())")
  }
}
