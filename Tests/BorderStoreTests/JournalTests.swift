import BorderModel
import Foundation
import Testing

@testable import BorderStore

@Suite("The journal on disk")
struct JournalTests {
  static let raise =
    #""type":"alert.raised","alert":"X1","segment":"A-01","level":3,"kind":"shelling","text":"mortar""#

  @Test("a partial last line is held back until its newline arrives")
  func partialLine() {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(in: dir, journal: MiniReference.line(1, #""type":"note","text":"one""#))
    var store = SituationStore(directory: data)
    #expect(store.situation.notes.count == 1)
    let second = MiniReference.line(2, Self.raise)
    let cut = second.index(second.startIndex, offsetBy: 40)
    dir.append("data/journal.jsonl", String(second[..<cut]))
    let early = store.refresh()
    #expect(early.applied == 0 && early.diagnostics.isEmpty, "half a line is not an error")
    #expect(store.pendingBytes == 40)
    #expect(store.situation.alerts.isEmpty)
    dir.append("data/journal.jsonl", String(second[cut...]))
    let late = store.refresh()
    #expect(late.applied == 1)
    #expect(late.touches == [.alert("X1", segment: "A-01")])
    #expect(store.situation.alert("X1")?.report.text == "mortar")
    #expect(store.pendingBytes == 0)
  }

  @Test("bad lines are reported with their line number and reading goes on")
  func badLinesReported() {
    let dir = TemporaryDirectory()
    let journal =
      MiniReference.line(1, #""type":"note","text":"fine""#)
      + "{not json\n"
      + MiniReference.line(3, #""type":"drone.sighting","height":40"#)
      + MiniReference.line(
        4, #""type":"alert.raised","alert":"X1","segment":"Q-77","level":3,"kind":"shelling""#)
      + MiniReference.line(
        5, #""type":"alert.raised","alert":"X2","segment":"A-01","level":9,"kind":"shelling""#)
      + MiniReference.line(4, #""type":"note","text":"seq went back""#)
      + MiniReference.line(7, #""type":"alert.ack","alert":"none""#)
      + "\n"
      + MiniReference.line(8, #""type":"note","text":"still read""#)
    let data = MiniReference.install(in: dir, journal: journal)
    let store = SituationStore(directory: data)
    let lines = store.journalDiagnostics.map {
      $0.description.replacingOccurrences(of: data.path + "/", with: "")
    }
    #expect(
      lines == [
        "journal.jsonl:2: malformed JSON at column 2: expected a quoted key (line skipped)",
        "journal.jsonl:3: type: warning: unknown event type 'drone.sighting' (kept; this version ignores it)",
        "journal.jsonl:4: segment: no segment Q-77 (alert.raised event skipped)",
        "journal.jsonl:5: level: 9 is outside 1–5 (line skipped)",
        "journal.jsonl:6: seq: 4 is not greater than 5 on an earlier line",
        "journal.jsonl:7: alert: no alert none (alert.ack event skipped)",
      ])
    #expect(store.situation.notes.map(\.text) == ["fine", "seq went back", "still read"])
    #expect(store.situation.unknownEventTypes == ["drone.sighting": 1])
  }

  @Test("appending numbers events after the last line and validates them first")
  func appendValidates() throws {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(in: dir, journal: MiniReference.line(41, #""type":"note","text":"x""#))
    var store = SituationStore(directory: data)
    let at = Timestamp(year: 2024, month: 2, day: 1)
    let raise = JournalEvent(
      at: at, by: "alice",
      payload: .alertRaised(
        AlertReport(id: "N1", segment: "A-01", level: .tense, type: .blockade, text: "road blocked")))
    #expect(try store.append([raise]).get() == [42])
    let ack = JournalEvent(at: at, by: "bob", payload: .alertAcknowledged(alert: "N1", note: nil))
    #expect(try store.append([ack]).get() == [43])
    let before = dir.read("data/journal.jsonl")
    guard case .failure(.rejected(_, let rejection)) = store.append([ack]) else {
      Issue.record("a second acknowledgement must be refused")
      return
    }
    #expect(rejection.description.hasPrefix("alert: N1 was already acknowledged by bob"))
    #expect(dir.read("data/journal.jsonl") == before, "a rejected event writes nothing")
    let fresh = SituationStore(directory: data)
    #expect(fresh.diagnostics.isEmpty)
    #expect(fresh.situation.alert("N1")?.acknowledgement?.by == "bob")
  }

  @Test("an append cuts back the half line a killed writer left, under the lock (F9)")
  func appendAfterPartial() throws {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(
      in: dir, journal: MiniReference.line(1, #""type":"note","text":"x""#) + #"{"seq":2,"at":"#)
    var store = SituationStore(directory: data)
    let note = JournalEvent(
      at: Timestamp(year: 2024, month: 2, day: 1), by: "op", payload: .noteAdded(target: nil, text: "after"))
    #expect(try store.append([note]).get() == [2])
    let fresh = SituationStore(directory: data)
    #expect(fresh.situation.notes.map(\.text) == ["x", "after"])
    #expect(fresh.journalDiagnostics.isEmpty, "no permanent bad line: \(fresh.journalDiagnostics)")
    #expect(store.halfLinesCut == 14)
    #expect(dir.read("data/journal.jsonl").split(separator: "\n").count == 2)
  }

  @Test("a journal that cannot be read or written gives a clear error and harms nothing")
  func unreadableJournal() throws {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(in: dir)
    try FileManager.default.removeItem(atPath: data.journalFile)
    try FileManager.default.createDirectory(atPath: data.journalFile, withIntermediateDirectories: false)
    var store = SituationStore(directory: data)
    let update = store.refresh()
    #expect(update.readError?.description == "cannot read the journal: it is a directory, not a regular file")
    #expect(store.situation.segments.count == 2, "the reference data still stands")
    let note = JournalEvent(
      at: Timestamp(year: 2024, month: 2, day: 1), by: "op", payload: .noteAdded(target: nil, text: "x"))
    guard case .failure(.file(let error)) = store.append([note]) else {
      Issue.record("writing into a directory must fail")
      return
    }
    #expect(error.description == "cannot open the journal for writing: it is a directory, not a regular file")
  }

  @Test("a truncated or replaced journal is noticed and folded again")
  func rotation() throws {
    let dir = TemporaryDirectory()
    let data = MiniReference.install(
      in: dir,
      journal: MiniReference.line(1, Self.raise) + MiniReference.line(2, #""type":"note","text":"a""#))
    var store = SituationStore(directory: data)
    #expect(store.situation.alerts.count == 1)
    dir.write("data/journal.jsonl.new", MiniReference.line(1, #""type":"note","text":"rotated""#))
    #expect(rename(data.journalFile + ".new", data.journalFile) == 0)
    let replaced = store.refresh()
    #expect(
      replaced.restartReason
        == "the journal was replaced; history up to seq 2 is unavailable (no longer in the file)")
    #expect(store.situation.alerts.isEmpty && store.situation.notes.map(\.text) == ["rotated"])
    #expect(truncate(data.journalFile, 0) == 0)
    let truncated = store.refresh()
    #expect(
      truncated.restartReason
        == "the journal was truncated; history up to seq 1 is unavailable (no longer in the file)")
    #expect(store.situation.notes.isEmpty)
  }

  @Test("the situation as of a time folds only the events up to it")
  func asOf() {
    let dir = TemporaryDirectory()
    let journal =
      MiniReference.line(
        1, #""type":"segment.status","segment":"A-01","status":"described""#, at: "2011-06-01T00:00:00Z")
      + MiniReference.line(
        2, #""type":"segment.status","segment":"A-01","status":"demarcated""#, at: "2020-06-01T00:00:00Z")
    let data = MiniReference.install(in: dir, journal: journal)
    let agreed = { (at: Timestamp?) in
      SituationStore(directory: data, asOf: at).situation.figures(now: at ?? Timestamp(epochSeconds: 0))
        .agreedKm
    }
    #expect(agreed(Timestamp(year: 2010, month: 1, day: 1)) == 7.5)
    #expect(agreed(Timestamp(year: 2012, month: 1, day: 1)) == 20)
    let past = SituationStore(directory: data, asOf: Timestamp(year: 2012, month: 1, day: 1))
    #expect(past.situation.segment("A-01")?.status == .described)
    #expect(SituationStore(directory: data).situation.segment("A-01")?.status == .demarcated)
  }
}
