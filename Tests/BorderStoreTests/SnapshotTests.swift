import BorderModel
import BorderSample
import Foundation
import Testing

@testable import BorderStore

/// The parts of two situations an operator could tell apart.
func expectSame(_ a: Situation, _ b: Situation, sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(a.segments == b.segments, sourceLocation: sourceLocation)
  #expect(a.alerts == b.alerts, sourceLocation: sourceLocation)
  #expect(a.meetings == b.meetings, sourceLocation: sourceLocation)
  #expect(a.checkpoints == b.checkpoints, sourceLocation: sourceLocation)
  #expect(a.notes == b.notes, sourceLocation: sourceLocation)
  #expect(
    a.lastSeq == b.lastSeq && a.appliedEventCount == b.appliedEventCount, sourceLocation: sourceLocation)
  #expect(
    a.lastEventAt == b.lastEventAt && a.unknownEventTypes == b.unknownEventTypes,
    sourceLocation: sourceLocation)
  #expect(
    a.figures(now: SyntheticData.epoch) == b.figures(now: SyntheticData.epoch), sourceLocation: sourceLocation
  )
}

@Suite("Snapshots of the folded journal", .serialized)
struct SnapshotTests {
  static let events = SituationStore.snapshotThreshold + 2_000

  func generated() throws -> (TemporaryDirectory, DataDirectory) {
    let dir = TemporaryDirectory()
    let data = dir.dataDirectory()
    try SyntheticData(segments: 120, events: Self.events, seed: 3).write(to: data).get()
    return (dir, data)
  }

  @Test("every part of a situation survives the binary form")
  func roundTrip() throws {
    let dir = TemporaryDirectory()
    let data = dir.dataDirectory()
    try SampleSituation.create(at: data, now: Timestamp(year: 2026, month: 11, day: 29)).get()
    let situation = SituationStore(directory: data).situation
    var writer = BinaryWriter()
    SituationCoding.write(situation, into: &writer)
    let back = try writer.bytes.withUnsafeBufferPointer { buffer in
      var reader = BinaryReader(buffer)
      return try SituationCoding.readSituation(&reader)
    }
    expectSame(back, situation)
    #expect(back.alert("AL-2021-04-GOLOVNOY")?.report.claims[.kyrgyzstan]?.evacuated == ClaimedFigure(40_649))
  }

  @Test("a long journal's second opening starts from the snapshot and reads only what was appended")
  func secondOpening() throws {
    let (dir, data) = try generated()
    let first = SituationStore(directory: data, historyLimit: 1_000, snapshots: true)
    #expect(!first.openedFromSnapshot && first.eventsFoldedAtOpen == Self.events)
    first.saveSnapshotIfDue()
    #expect(FileManager.default.fileExists(atPath: JournalSnapshot.path(for: data)))

    var writer = SituationStore(directory: data)
    let note = JournalEvent(
      at: SyntheticData.epoch, by: "op", payload: .noteAdded(target: "A-01", text: "after the snapshot"))
    _ = try writer.append([note]).get()

    let second = SituationStore(directory: data, historyLimit: 1_000, snapshots: true)
    #expect(second.openedFromSnapshot)
    #expect(second.eventsFoldedAtOpen == 1, "only the appended event is read")
    expectSame(second.situation, SituationStore(directory: data).situation)
    #expect(second.situation.notes.last?.text == "after the snapshot")
    // The console's history survives too: the window restored from the snapshot.
    #expect((second.historyWindow?.events.count ?? 0) >= 1_000)
    #expect(second.linesRead == Self.events + 1)
    _ = dir
  }

  @Test("a snapshot is ignored when the journal was replaced, truncated, or the reference changed")
  func invalidation() throws {
    let (dir, data) = try generated()
    SituationStore(directory: data, snapshots: true).saveSnapshotIfDue()
    #expect(SituationStore(directory: data, snapshots: true).openedFromSnapshot)

    // The reference data changes: a snapshot of the old one must not be used.
    dir.append("data/segments.toml", "\n# edited\n")
    #expect(!SituationStore(directory: data, snapshots: true).openedFromSnapshot)

    // A new snapshot, then the journal is rotated (a new file with other contents).
    SituationStore(directory: data, snapshots: true).saveSnapshotIfDue()
    #expect(SituationStore(directory: data, snapshots: true).openedFromSnapshot)
    let lines = dir.read("data/journal.jsonl").split(separator: "\n").prefix(100)
    dir.write("data/journal.jsonl.new", lines.joined(separator: "\n") + "\n")
    #expect(rename(data.journalFile + ".new", data.journalFile) == 0)
    let rotated = SituationStore(directory: data, snapshots: true)
    #expect(!rotated.openedFromSnapshot)
    #expect(rotated.situation.appliedEventCount == 100)
  }

  @Test("a damaged snapshot is ignored, never trusted")
  func damaged() throws {
    let (dir, data) = try generated()
    SituationStore(directory: data, snapshots: true).saveSnapshotIfDue()
    let path = JournalSnapshot.path(for: data)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
    let store = SituationStore(directory: data, snapshots: true)
    #expect(!store.openedFromSnapshot)
    #expect(store.situation.appliedEventCount == Self.events)
    _ = dir
  }

  @Test("`check` and past situations never use a snapshot")
  func fullFolds() throws {
    let (dir, data) = try generated()
    SituationStore(directory: data, snapshots: true).saveSnapshotIfDue()
    #expect(!SituationStore(directory: data).openedFromSnapshot)
    #expect(
      !SituationStore(directory: data, asOf: SyntheticData.epoch.adding(seconds: 86_400), snapshots: true)
        .openedFromSnapshot)
    _ = dir
  }
}
