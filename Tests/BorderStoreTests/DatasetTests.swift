import BorderModel
import Foundation
import Testing

@testable import BorderStore

@Suite("Bundled and generated data")
struct DatasetTests {
  static let created = Timestamp(year: 2026, month: 11, day: 29, hour: 6)

  @Test("the sample is clean: no problem in reference data or journal")
  func sampleIsClean() throws {
    let dir = TemporaryDirectory()
    let data = dir.dataDirectory()
    try SampleSituation.create(at: data, now: Self.created).get()
    let store = SituationStore(directory: data)
    #expect(store.diagnostics.isEmpty, "\(store.diagnostics.prefix(5))")
    #expect((40...60).contains(store.situation.segments.count))
    #expect(store.situation.checkpoints.count == 5)
    #expect(store.situation.isIllustrativeSample)
  }

  @Test("the sample shows 975 km with about 800 agreed, and the agreed length grows through history")
  func sampleFigures() throws {
    let dir = TemporaryDirectory()
    let data = dir.dataDirectory()
    try SampleSituation.create(at: data, now: Self.created).get()
    let now = SituationStore(directory: data).situation.figures(now: Self.created)
    #expect(abs(now.totalKm - 975) < 0.001)
    #expect(abs(now.agreedKm - 801.5) < 0.01)
    func agreed(_ year: Int, _ month: Int = 12, _ day: Int = 31) -> Double {
      let at = Timestamp(year: year, month: month, day: day, hour: 23, minute: 59)
      return SituationStore(directory: data, asOf: at).situation.figures(now: at).agreedKm
    }
    #expect(agreed(2002) < 1)
    #expect(abs(agreed(2010) - 519.9) < 0.01)
    #expect(abs(agreed(2019) - 519.9) < 0.01)
    #expect(abs(agreed(2022) - 664.0) < 0.01)
    #expect(abs(agreed(2024, 3, 31) - 801.5) < 0.01)
    #expect(agreed(2023, 10, 31) > agreed(2022))
  }

  @Test("every sample record says whether it is factual or illustrative")
  func sampleProvenance() throws {
    let dir = TemporaryDirectory()
    let data = dir.dataDirectory()
    try SampleSituation.create(at: data, now: Self.created).get()
    let situation = SituationStore(directory: data).situation
    #expect(situation.segments.allSatisfy { $0.provenance != .reported })
    #expect(situation.checkpoints.allSatisfy { $0.provenance != .reported })
    #expect(situation.meetings.allSatisfy { $0.provenance != .reported })
    #expect(situation.alerts.allSatisfy { $0.provenance != .reported })
    let journal = dir.read("data/journal.jsonl").split(separator: "\n")
    #expect(journal.allSatisfy { $0.contains(#""source":"#) || $0.contains(#""illustrative":"#) })
  }

  @Test("the sample has something happening now: open alerts and a meeting ahead")
  func sampleIsLive() throws {
    let dir = TemporaryDirectory()
    let data = dir.dataDirectory()
    try SampleSituation.create(at: data, now: Self.created).get()
    let figures = SituationStore(directory: data).situation.figures(now: Self.created)
    #expect(figures.unacknowledgedAlerts >= 2)
    let next = try #require(figures.nextMeeting)
    #expect(next.end > Self.created)
  }

  @Test("init refuses to overwrite an existing data directory")
  func noOverwrite() throws {
    let dir = TemporaryDirectory()
    let data = dir.dataDirectory()
    try SampleSituation.create(at: data, now: Self.created).get()
    dir.append("data/journal.jsonl", MiniReference.line(100_000, #""type":"note","text":"mine""#))
    let before = dir.read("data/journal.jsonl")
    guard case .failure(.alreadyExists) = SampleSituation.create(at: data, now: Self.created) else {
      Issue.record("overwrote an existing directory")
      return
    }
    #expect(dir.read("data/journal.jsonl") == before)
  }

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
    #expect(kinds.count == EventType.allCases.count, "a realistic mix uses every type: \(kinds.sorted())")
  }
}
