import BorderModel
import Foundation
import Testing

@testable import BorderStore

#if canImport(Glibc)
  import Glibc
#endif

/// Many appends under one lock, synced once: what an import does (issue 10).
@Suite("Appending in a batch")
struct BatchAppendTests {
  static let t0 = Timestamp(year: 2024, month: 1, day: 10, hour: 4)

  static func raise(_ id: String, on segment: String = "A-01") -> JournalEvent {
    JournalEvent(
      at: t0, by: "importer",
      payload: .alertRaised(
        AlertReport(id: AlertID(id), segment: SegmentID(segment), level: .tense, type: .shelling, text: id)))
  }

  /// Whether another process could take the writers' lock on the journal now.
  static func lockIsFree(_ path: String) -> Bool {
    let fd = open(path, O_WRONLY | O_APPEND)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }
    flock(fd, LOCK_UN)
    return true
  }

  @Test("the lock is held from beginBatch to endBatch; a refused record does not end the batch")
  func heldAcrossRecords() throws {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(in: dir)
    var store = SituationStore(directory: data)
    #expect(store.beginBatch() == nil)
    #expect(store.isInBatch)
    #expect(!Self.lockIsFree(data.journalFile), "another writer waits for the batch")
    #expect((try? store.append([Self.raise("C-1")]).get()) == [1])
    // A record the model refuses (no such segment) is reported, and the batch goes on.
    guard case .failure(.rejected) = store.append([Self.raise("C-2", on: "Z-99")]) else {
      Issue.record("a raise on a missing segment was not refused")
      return
    }
    #expect(store.isInBatch && !Self.lockIsFree(data.journalFile))
    // Later records are planned against what the batch appended already.
    #expect(store.situation.alert("C-1") != nil)
    guard case .failure(.rejected(_, let again)) = store.append([Self.raise("C-1")]) else {
      Issue.record("a second raise of C-1 was not refused")
      return
    }
    #expect(again.reason.description.contains("already raised"))
    #expect((try? store.append([Self.raise("C-3", on: "B-01")]).get()) == [2])
    #expect(store.endBatch() == nil)
    #expect(!store.isInBatch && Self.lockIsFree(data.journalFile))
    let reader = SituationStore(directory: data)
    #expect(reader.situation.alerts.map(\.id) == ["C-1", "C-3"] && reader.journalDiagnostics.isEmpty)
    // Outside a batch, each append takes and leaves the lock as before.
    #expect((try? store.append([Self.raise("C-4")]).get()) == [3])
    #expect(Self.lockIsFree(data.journalFile))
  }

  @Test("a journal gone before the batch: beginBatch says so and nothing is created")
  func missingJournal() throws {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(in: dir)
    var store = SituationStore(directory: data)
    try FileManager.default.removeItem(atPath: data.journalFile)
    guard case .file(let error)? = store.beginBatch() else {
      Issue.record("a missing journal began a batch")
      return
    }
    #expect(error.description.contains("does not exist"))
    #expect(!store.isInBatch && !FileManager.default.fileExists(atPath: data.journalFile))
  }
}
