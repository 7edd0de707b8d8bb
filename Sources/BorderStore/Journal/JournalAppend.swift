import BorderModel

#if canImport(Glibc)
  import Glibc
#endif

/// Why events could not be appended to the journal.
public enum AppendError: Error, Sendable, CustomStringConvertible {
  /// The event at this position of the batch breaks a rule of the model; nothing from it on was written.
  case rejected(index: Int, EventRejection)
  /// The journal could not be opened, locked, written or synced.
  case file(FileError)

  public var description: String {
    switch self {
    case .rejected(_, let rejection): return rejection.description
    case .file(let error): return "\(error.path): \(error.description)"
    }
  }
}

extension SituationStore {
  /// Appends events to the journal under the writers' lock: each validated against the
  /// situation as it stands, given the next sequence number, and written by the backend (the
  /// file journal: one `write` and an `fsync` a line; PostgreSQL: one transaction).
  /// Returns the sequence numbers written.
  ///
  /// Stops at the first rejected event; the ones before it stay written.
  public mutating func append(_ drafts: [JournalEvent]) -> Result<[UInt64], AppendError> {
    if let error = lockAndCatchUp() { return .failure(.file(error)) }
    var written: [UInt64] = []
    for (index, draft) in drafts.enumerated() {
      var event = draft
      event.seq = lastSeqSeen + 1
      // A journal that authenticates its writers records who they are, whatever the draft says.
      if let author = journal.authenticatedOperator { event.by = author }
      // Who really wrote it: the process's user, whatever `by` claims.
      event.uid = UInt32(getuid())
      if let rejection = situation.validate(event) {
        if let error = journal.endAppend() { return .failure(.file(error)) }
        return .failure(.rejected(index: index, rejection))
      }
      if let error = journal.write(line: EventCodec.encodeLine(event), seq: event.seq) {
        _ = journal.endAppend()
        return .failure(.file(error))
      }
      refreshWhileAppending()
      written.append(event.seq)
    }
    if let error = journal.endAppend() { return .failure(.file(error)) }
    return .success(written)
  }

  /// Takes the writers' lock and catches up under it with what others appended, on the very
  /// journal locked (a file replaced between opening and locking is locked again; a half line a
  /// killed writer left is cut back). On success the lock is held until `endAppend`.
  private mutating func lockAndCatchUp() -> FileError? {
    for _ in 0..<5 {
      if let error = journal.beginAppend() { return error }
      // Under the lock, catch up with what others appended, so validation and numbering see it.
      refreshWhileAppending()
      if let error = journalError {
        _ = journal.endAppend()
        return error
      }
      switch journal.checkLockedJournal() {
      case .ready: return nil
      case .replaced:
        _ = journal.endAppend()
        continue
      case .cutHalfLine(let bytes):
        halfLinesCut += bytes
        refreshWhileAppending()
        return nil
      case .failed(let error):
        _ = journal.endAppend()
        return error
      }
    }
    return FileError(
      path: journal.name, operation: "open the journal for writing", code: EAGAIN,
      detail: "it keeps being replaced")
  }
}
