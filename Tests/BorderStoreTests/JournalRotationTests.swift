import BorderModel
import BorderSample
import Foundation
import Testing

@testable import BorderStore

@Suite("Rotating the journal with `journal rotate`")
struct JournalRotationTests {
  static let now = Timestamp(year: 2026, month: 11, day: 30, hour: 6)

  /// A sample data directory with a few more events of every kind an operator makes.
  func sample(_ dir: TemporaryDirectory) throws -> DataDirectory {
    let data = dir.dataDirectory()
    try SampleSituation.create(at: data, now: Timestamp(year: 2026, month: 11, day: 29)).get()
    var store = SituationStore(directory: data)
    let at = Self.now.adding(seconds: -3_600)
    let events: [JournalEvent] = [
      JournalEvent(
        at: at, by: "alice",
        payload: .alertRaised(
          AlertReport(
            id: "AL-ROT-1", segment: "A-05", level: .armedIncident, type: .shelling,
            text: "Mortar fire near Ak-Sai",
            reportingSide: .kyrgyzstan, claims: [.kyrgyzstan: CasualtyClaim(injured: ClaimedFigure(2, 5))]))),
      JournalEvent(
        at: at.adding(seconds: 60), by: "bob", payload: .alertAcknowledged(alert: "AL-ROT-1", note: "on it")),
      JournalEvent(
        at: at.adding(seconds: 120), by: "bob",
        payload: .alertLevelChanged(alert: "AL-ROT-1", level: .escalation, reason: "spreading")),
      JournalEvent(
        at: at.adding(seconds: 180), by: "carol",
        payload: .segmentStatusChanged(segment: "A-02", status: .described, note: "protocol 44")),
      JournalEvent(
        at: at.adding(seconds: 240), by: "carol",
        payload: .segmentLevelSet(segment: "B-01", level: .tense, reason: "crowds")),
      JournalEvent(
        at: at.adding(seconds: 300), by: "dan", payload: .noteAdded(target: "A-05", text: "patrol doubled")),
    ]
    _ = try store.append(events, clock: FixedWallClock(Self.now)).get()
    return data
  }

  func bytes(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }

  func gunzip(_ path: String) throws -> [UInt8] {
    var out: [UInt8] = []
    if let error = GzipFile.read(
      path,
      {
        out += $0; return true
      })
    {
      throw error
    }
    return out
  }

  @Test(
    "the new journal alone folds to what the old and the new journal fold to; seq continues; the old is kept")
  func carriesTheSituation() throws {
    let dir = TemporaryDirectory()
    let data = try sample(dir)
    let before = bytes(data.journalFile)
    var store = SituationStore(directory: data)
    let folded = store.situation
    let report = try store.rotateJournal(by: "ops", clock: FixedWallClock(Self.now)).get()

    // The old journal, byte for byte, in a gzip file named by the time, next to the journal.
    #expect(report.archivePath == data.path + "/journal-20261130T060000Z.jsonl.gz")
    #expect(try gunzip(report.archivePath) == before)
    #expect(report.previous.lastSeq == folded.lastSeq && report.previous.bytes == Int64(before.count))
    #expect(report.previous.checksum == Checksum.xxh64(before))
    let lines = String(decoding: bytes(data.journalFile), as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 1 && lines[0].contains(#""type":"journal.rotated""#))
    #expect(report.event.seq == folded.lastSeq + 1)

    // The same store appends on: the next seq follows the rotation's.
    let next = JournalEvent(
      at: Self.now, by: "erin", payload: .alertResolved(alert: "AL-ROT-1", note: "calm"))
    #expect(try store.append([next], clock: FixedWallClock(Self.now)).get() == [report.event.seq + 1])

    let alone = SituationStore(directory: data)
    #expect(alone.diagnostics.isEmpty)
    // The old journal and the new one as one file.
    let joined = TemporaryDirectory()
    let whole = joined.dataDirectory()
    try FileManager.default.copyItem(atPath: data.path, toPath: whole.path)
    let oldAndNew = try gunzip(report.archivePath) + bytes(data.journalFile)
    FileManager.default.createFile(atPath: whole.journalFile, contents: Data(oldAndNew))
    let concatenated = SituationStore(directory: whole)
    #expect(concatenated.diagnostics.isEmpty)
    expectSame(alone.situation, concatenated.situation)
    expectSame(alone.situation, store.situation)
    let alert = try #require(alone.situation.alert("AL-ROT-1"))
    #expect(
      alert.level == .escalation && alert.acknowledgement?.by == "bob" && alert.resolution?.note == "calm")
    #expect(alone.situation.segment("A-02")?.status == .described)
    #expect(alone.situation.segment("B-01")?.alertLevel == .tense)
    #expect(alone.situation.notes.last?.text == "patrol doubled")
    // Rotation is bookkeeping: it is not an event of the situation, nor news.
    #expect(alone.situation.appliedEventCount == folded.appliedEventCount + 1)
    #expect(alone.situation.lastEventAt == Self.now)
  }

  @Test(
    "a reader that followed the old journal carries on: nothing folded again, no restart, new events as news")
  func readerCarriesOn() throws {
    let dir = TemporaryDirectory()
    let data = try sample(dir)
    var reader = SituationStore(directory: data, historyLimit: 100)
    let before = reader.situation
    var rotator = SituationStore(directory: data)
    let report = try rotator.rotateJournal(by: "ops", clock: FixedWallClock(Self.now)).get()

    let quiet = reader.refresh()
    #expect(quiet.restartReason == nil && quiet.replacedNotice == nil && quiet.continuedAcrossRotation)
    #expect(quiet.touches.isEmpty && quiet.events.isEmpty && quiet.diagnostics.isEmpty)
    expectSame(reader.situation, SituationStore(directory: data).situation)
    #expect(reader.situation.alerts == before.alerts && reader.lastSeqSeen == report.event.seq)

    let raise = JournalEvent(
      at: Self.now, by: "frank",
      payload: .alertRaised(
        AlertReport(id: "AL-ROT-2", segment: "C-01", level: .tense, type: .blockade, text: "Road blocked")))
    _ = try rotator.append([raise], clock: FixedWallClock(Self.now)).get()
    let news = reader.refresh()
    #expect(news.restartReason == nil && news.events.map(\.seq) == [report.event.seq + 1])
    #expect(news.touches == [.alert("AL-ROT-2", segment: "C-01")])
  }

  @Test(
    "a reader that had not read the last lines before the rotation folds the new journal, with the same result"
  )
  func readerBehind() throws {
    let dir = TemporaryDirectory()
    let data = try sample(dir)
    var reader = SituationStore(directory: data)
    var rotator = SituationStore(directory: data)
    let late = JournalEvent(at: Self.now, by: "gus", payload: .noteAdded(target: nil, text: "late line"))
    _ = try rotator.append([late], clock: FixedWallClock(Self.now)).get()
    _ = try rotator.rotateJournal(by: "ops", clock: FixedWallClock(Self.now)).get()
    let update = reader.refresh()
    #expect(update.replacedNotice == nil)
    #expect(update.restartReason?.contains("rotated") == true)
    expectSame(reader.situation, SituationStore(directory: data).situation)
    #expect(reader.situation.notes.last?.text == "late line")
  }

  @Test("history as of a time before the rotation reads the kept copy, and says so when it is gone")
  func historyAcrossRotation() throws {
    let dir = TemporaryDirectory()
    let data = try sample(dir)
    // Between the acknowledgement and the level change of AL-ROT-1.
    let asOf = Self.now.adding(seconds: -3_600 + 90)
    let earlier = SituationStore(directory: data, asOf: asOf).situation
    #expect(earlier.alert("AL-ROT-1")?.level == .armedIncident)
    var store = SituationStore(directory: data)
    let report = try store.rotateJournal(by: "ops", clock: FixedWallClock(Self.now)).get()
    // A second rotation: the chain of kept copies is followed back.
    let note = JournalEvent(
      at: Self.now, by: "hal", payload: .noteAdded(target: "B-01", text: "between rotations"))
    _ = try store.append([note], clock: FixedWallClock(Self.now)).get()
    let second = try store.rotateJournal(by: "ops", clock: FixedWallClock(Self.now.adding(seconds: 1))).get()
    #expect(second.archivePath != report.archivePath)

    let past = SituationStore(directory: data, asOf: asOf)
    #expect(past.diagnostics.isEmpty)
    expectSame(past.situation, earlier)
    // After both rotations: the same as live.
    let later = SituationStore(directory: data, asOf: Self.now.adding(seconds: 5))
    expectSame(later.situation, SituationStore(directory: data).situation)

    try FileManager.default.removeItem(atPath: report.archivePath)
    let broken = SituationStore(directory: data, asOf: asOf)
    #expect(
      broken.diagnostics.contains {
        $0.severity == .warning
          && $0.message.contains("history up to seq \(report.previous.lastSeq) is unavailable")
      })
  }

  @Test(
    "a journal replaced by an outside tool is a lasting notice of what is gone: rename and a new file, or copytruncate"
  )
  func outsideRotation() throws {
    for kind in ["rename", "copytruncate"] {
      let dir = TemporaryDirectory()
      let data = try sample(dir)
      var reader = SituationStore(directory: data)
      let last = reader.lastSeqSeen
      let fresh = MiniReference.line(
        Int(last) + 1, #""type":"note","text":"after logrotate""#, at: "2026-11-30T05:00:00Z")
      if kind == "rename" {
        try FileManager.default.moveItem(atPath: data.journalFile, toPath: data.journalFile + ".1")
        FileManager.default.createFile(atPath: data.journalFile, contents: Data(fresh.utf8))
      } else {
        let handle = try #require(FileHandle(forWritingAtPath: data.journalFile))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(fresh.utf8))
        try handle.close()
      }
      let update = reader.refresh()
      #expect(
        update.replacedNotice == "journal replaced: history before seq \(last + 1) unavailable", "\(kind)")
      #expect(update.restartReason != nil && !update.continuedAcrossRotation, "\(kind)")
      #expect(reader.situation.alert("AL-ROT-1") == nil, "\(kind)")
    }
  }

  @Test("a damaged rotation line is reported with its line and field; append refuses a rotation in a journal")
  func damagedRotation() throws {
    let dir = TemporaryDirectory()
    let data = try sample(dir)
    var store = SituationStore(directory: data)
    _ = try store.rotateJournal(by: "ops", clock: FixedWallClock(Self.now)).get()
    let line = String(decoding: bytes(data.journalFile), as: UTF8.self)
    // One character of the carried state changed.
    let marker = try #require(line.range(of: #""state":"Hkt"#))
    let damaged = line.replacingCharacters(in: marker, with: #""state":"Gkt"#)
    FileManager.default.createFile(atPath: data.journalFile, contents: Data(damaged.utf8))
    let checked = SituationStore(directory: data)
    #expect(
      checked.diagnostics.contains {
        $0.severity == .error && $0.line == 1 && $0.field == "state" && $0.message.contains("does not match")
      })

    // A rotation is no event to append: only `journal rotate` writes one, to begin a journal.
    FileManager.default.createFile(atPath: data.journalFile, contents: Data(line.utf8))
    var writer = SituationStore(directory: data)
    let event = try EventCodec.decode(String(line.dropLast())).get()
    guard case .failure(.rejected(_, let rejection)) = writer.append([event], clock: FixedWallClock(Self.now))
    else {
      Issue.record("a second journal.rotated was appended")
      return
    }
    #expect(rejection.field == "type" && rejection.reason.description.contains("begins a journal"))
  }

  @Test("the snapshot cache of the old journal is not used for the new one; the situation is the same")
  func snapshotAcrossRotation() throws {
    let dir = TemporaryDirectory()
    let data = dir.dataDirectory()
    try SyntheticData(segments: 60, events: SituationStore.snapshotThreshold + 500, seed: 5).write(to: data)
      .get()
    let first = SituationStore(directory: data, snapshots: true)
    first.saveSnapshotIfDue()
    #expect(SituationStore(directory: data, snapshots: true).openedFromSnapshot)
    var rotator = SituationStore(directory: data)
    _ = try rotator.rotateJournal(by: "ops", clock: FixedWallClock(SyntheticData.epoch)).get()
    let reopened = SituationStore(directory: data, snapshots: true)
    #expect(!reopened.openedFromSnapshot)
    expectSame(reopened.situation, SituationStore(directory: data).situation)
    #expect(reopened.situation.alerts == first.situation.alerts)
  }
}
