import BorderModel
import Foundation
import Testing

@testable import BorderStore

/// The journal file as hostile or broken as it gets: unreadable, missing, a symlink, a FIFO,
/// rewritten in place, or ending in a dead writer's half line.
@Suite("The journal file cannot lie or be abused")
struct JournalFileSafetyTests {
  static let note = JournalEvent(
    at: Timestamp(year: 2024, month: 2, day: 1), by: "op", payload: .noteAdded(target: nil, text: "hello"))

  @Test("an unreadable journal is an error from the very first read, not an empty calm journal (F2)")
  func unreadableFromFirstRead() throws {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(in: dir)
    try FileManager.default.removeItem(atPath: data.journalFile)
    try FileManager.default.createDirectory(atPath: data.journalFile, withIntermediateDirectories: false)
    let store = SituationStore(directory: data)
    #expect(
      store.journalError?.description == "cannot read the journal: it is a directory, not a regular file")
  }

  @Test("a missing journal is an error for readers and writers, and no writer creates one")
  func missingJournalNeverCreated() throws {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(in: dir, journal: MiniReference.line(1, #""type":"note","text":"x""#))
    var store = SituationStore(directory: data)
    #expect(store.journalError == nil && store.situation.notes.count == 1)
    // Deleted under a running console (or by mistake): the next action must not start a fresh journal.
    try FileManager.default.removeItem(atPath: data.journalFile)
    let update = store.refresh()
    #expect(update.readError?.isMissing == true)
    guard case .failure(.file(let error)) = store.append([Self.note]) else {
      Issue.record("appending to a deleted journal must fail")
      return
    }
    #expect(
      error.description
        == "cannot open the journal for writing: it does not exist (deleted or moved?); only `bordermon init` creates a journal"
    )
    #expect(!FileManager.default.fileExists(atPath: data.journalFile), "no journal was created")
    var fresh = SituationStore(directory: data)
    #expect(fresh.journalError?.isMissing == true)
    guard case .failure = fresh.append([Self.note]) else {
      Issue.record("a store opened without a journal must not create one either")
      return
    }
    #expect(!FileManager.default.fileExists(atPath: data.journalFile))
  }

  @Test("writers never follow a symlinked journal; the file it points to is untouched (F16)")
  func symlinkRefused() throws {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(in: dir)
    dir.write("victim", "precious\n")
    try FileManager.default.removeItem(atPath: data.journalFile)
    #expect(symlink(dir.path + "/victim", data.journalFile) == 0)
    var store = SituationStore(directory: data)
    #expect(
      store.journalError?.description == "cannot read the journal: it is a symbolic link (not followed)")
    guard case .failure(.file(let error)) = store.append([Self.note]) else {
      Issue.record("a symlinked journal must be refused")
      return
    }
    #expect(error.description == "cannot open the journal for writing: it is a symbolic link (not followed)")
    #expect(dir.read("victim") == "precious\n")
  }

  @Test("a FIFO or a device in the journal's place is refused at once, without hanging (F16)")
  func fifoAndDeviceRefused() throws {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(in: dir)
    try FileManager.default.removeItem(atPath: data.journalFile)
    #expect(mkfifo(data.journalFile, 0o644) == 0)
    var store = SituationStore(directory: data)
    #expect(store.journalError?.description == "cannot read the journal: it is a FIFO, not a regular file")
    guard case .failure(.file(let error)) = store.append([Self.note]) else {
      Issue.record("a FIFO journal must be refused")
      return
    }
    #expect(error.description == "cannot open the journal for writing: it is a FIFO, not a regular file")
    try FileManager.default.removeItem(atPath: data.journalFile)
    #expect(symlink("/dev/zero", data.journalFile) == 0)
    #expect(SituationStore(directory: data).journalError != nil)
  }

  @Test("a journal rewritten in place (same inode, other content) is noticed and folded again (F8)")
  func rewrittenInPlace() throws {
    let dir = TemporaryDirectory()
    let original = MiniReference.line(1, #""type":"note","text":"kept""#)
    var raises = ""
    for n in 1...5 {
      raises += MiniReference.line(
        1 + n,
        #""type":"alert.raised","alert":"R\#(n)","segment":"B-01","level":4,"kind":"other","text":"r\#(n)""#)
    }
    let data = MiniReference.install(in: dir, journal: original + raises)
    var store = SituationStore(directory: data)
    #expect(store.situation.alerts.count == 5)
    var inode = stat()
    stat(data.journalFile, &inode)
    // The same file, written over from its start, longer than before: the old offset is inside it.
    var pad = original
    for n in 2...30 {
      pad += MiniReference.line(n, #""type":"note","text":"pad \#(n) with some more words""#)
    }
    let handle = try #require(FileHandle(forWritingAtPath: data.journalFile))
    handle.write(Data(pad.utf8))
    try handle.close()
    var after = stat()
    stat(data.journalFile, &after)
    #expect(after.st_ino == inode.st_ino && after.st_size > inode.st_size)
    let update = store.refresh()
    #expect(update.restartReason == "the journal was rewritten in place")
    #expect(store.situation.alerts.isEmpty, "alerts no longer in the file are gone")
    expectSame(store.situation, SituationStore(directory: data).situation)
    #expect(store.journalDiagnostics.isEmpty)
  }

  @Test("a half line at the end is cut back under the lock by the next writer, who reports it (F9)")
  func halfLineCutBack() throws {
    let dir = TemporaryDirectory()
    let first = MiniReference.line(1, #""type":"note","text":"before""#)
    let data = MiniReference.install(in: dir, journal: first)
    var writer = SituationStore(directory: data)
    // What a writer killed during a large write leaves: the start of its line, no newline.
    let half = String(
      MiniReference.line(2, #""type":"note","text":"\#(String(repeating: "x", count: 5000))""#).prefix(3000))
    dir.append("data/journal.jsonl", half)
    #expect(try writer.append([Self.note]).get() == [2])
    #expect(writer.halfLinesCut == 3000)
    let text = dir.read("data/journal.jsonl")
    #expect(text.hasPrefix(first) && text.hasSuffix("\n") && text.split(separator: "\n").count == 2)
    let reader = SituationStore(directory: data)
    #expect(reader.diagnostics.isEmpty)
    #expect(reader.situation.notes.map(\.text) == ["before", "hello"])
  }
}
