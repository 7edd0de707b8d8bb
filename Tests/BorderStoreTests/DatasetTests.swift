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

  @Test("a journal too large for five-minute gaps still ends before the present, not in the future")
  func largeJournalEndsInThePast() {
    // 700,000 events five minutes apart would run to mid-2026; the bench's million to 2029.
    let generator = SyntheticData(segments: 20, events: 700_000, seed: 1)
    var last = SyntheticData.epoch
    var count = 0
    generator.events { event in
      last = event.at
      count += 1
    }
    #expect(count == 700_000)
    #expect(last <= SyntheticData.latestEvent, "the last event is dated \(last)")
    #expect(last > Timestamp(year: 2025, month: 1, day: 1), "the journal still spans the years: ends \(last)")
    #expect(SyntheticData(segments: 20, events: 5000, seed: 1).largestGap == 600, "small journals unchanged")
  }
}
