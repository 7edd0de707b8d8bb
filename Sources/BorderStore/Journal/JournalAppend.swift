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
  /// Appends events to the journal under an exclusive lock: each validated against the
  /// situation as it stands, given the next sequence number, written with one `write`
  /// and synced. Returns the sequence numbers written.
  ///
  /// Stops at the first rejected event; the ones before it stay written.
  public mutating func append(_ drafts: [JournalEvent]) -> Result<[UInt64], AppendError> {
    if let error = journal.beginAppend() { return .failure(.file(error)) }
    var written: [UInt64] = []
    // Under the lock, catch up with what others appended, so validation and numbering see it.
    refreshWhileAppending()
    for (index, draft) in drafts.enumerated() {
      var event = draft
      event.seq = lastSeqSeen + 1
      // A journal that authenticates its writers records who they are, whatever the draft says.
      if let author = journal.authenticatedOperator { event.by = author }
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
}
