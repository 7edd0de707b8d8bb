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
  /// Appends events that carry their own times (backfills, tests) as `append(_:clock:)` does.
  public mutating func append(_ events: [JournalEvent], clock: any WallClock = SystemWallClock()) -> Result<
    [UInt64], AppendError
  > {
    append(events.map { EventDraft($0) }, clock: clock).map { $0.map(\.seq) }
  }

  /// Appends drafts to the journal under an exclusive lock: each given the next sequence
  /// number (and, if made now, the clock's time and its new alert's ID), checked against the
  /// journal's limits and the situation as it stands, checked to read back as written,
  /// written with one `write` and synced. Returns the events as written.
  ///
  /// Stops at the first rejected event; the ones before it stay written. Within a batch
  /// (`beginBatch`) the lock is already held and the lines are synced by `endBatch`.
  public mutating func append(_ drafts: [EventDraft], clock: any WallClock) -> Result<
    [JournalEvent], AppendError
  > {
    let batched = isInBatch
    if !batched, let error = lockAndCatchUp() { return .failure(.file(error)) }
    /// Lets go of the lock (syncing what was written) unless a batch holds it.
    func release() -> FileError? { batched ? nil : journal.endAppend() }
    var written: [JournalEvent] = []
    for (index, draft) in drafts.enumerated() {
      let line: [UInt8]
      let event: JournalEvent
      var draft = draft
      // A journal that authenticates its writers records who they are, whatever the draft says.
      if let author = journal.authenticatedOperator { draft.event.by = author }
      // Who really wrote it: the process's user, whatever `by` claims.
      draft.event.uid = UInt32(getuid())
      switch Self.prepare(draft, seq: lastSeqSeen, now: clock.now(), in: situation) {
      case .failure(let rejection):
        if let error = release() { return .failure(.file(error)) }
        return .failure(.rejected(index: index, rejection))
      case .success(let prepared): (event, line) = prepared
      }
      if let error = journal.write(line: line, seq: event.seq) {
        // A journal that cannot be written ends a batch too: nothing more is tried under its lock.
        _ = journal.endAppend()
        isInBatch = false
        return .failure(.file(error))
      }
      refreshWhileAppending()
      written.append(event)
    }
    if let error = release() { return .failure(.file(error)) }
    return .success(written)
  }

  /// Takes the writers' lock for many appends (an import): each `append` until `endBatch` is
  /// checked and written as always, under the one lock, and all are synced once by `endBatch`.
  ///
  /// Other writers wait until `endBatch`; what they appended before is read first.
  public mutating func beginBatch() -> AppendError? {
    guard !isInBatch else { return nil }
    if let error = lockAndCatchUp() { return .file(error) }
    isInBatch = true
    return nil
  }

  /// Syncs what the batch wrote and lets go of the lock; an error says the sync failed (the
  /// lines are in the file, not known to be on the disk).
  public mutating func endBatch() -> AppendError? {
    guard isInBatch else { return nil }
    isInBatch = false
    return journal.endAppend().map { .file($0) }
  }

  /// A draft made into the event and line to write after the last `seq` seen, or why it is refused:
  /// out of the journal's bounds, too far in the future, against the model's rules, or not
  /// reading back as written (a writer refuses exactly what its readers would skip).
  static func prepare(_ draft: EventDraft, seq lastSeq: UInt64, now: Timestamp, in situation: Situation)
    -> Result<(JournalEvent, [UInt8]), EventRejection>
  {
    guard lastSeq < JournalLimits.maxSeq else {
      return .failure(
        EventRejection(
          field: "seq", reason: "the journal has reached the largest sequence number, \(lastSeq)"))
    }
    let event = draft.finished(seq: lastSeq + 1, now: now, in: situation)
    if let problem = event.shapeProblem ?? event.futureProblem(now: now) ?? situation.validate(event) {
      return .failure(problem)
    }
    let line = EventCodec.encodeLine(event, extraMembers: draft.extraMembers)
    let readBack = line.dropLast().withUnsafeBufferPointer { EventCodec.decode($0) }
    switch readBack {
    case .failure(let error):
      return .failure(EventRejection(field: error.field ?? "line", reason: error.reason + " (not appended)"))
    case .success(let decoded) where decoded != event:
      return .failure(EventRejection(field: "line", reason: "would not read back as written (not appended)"))
    case .success:
      return .success((event, line))
    }
  }

  /// Takes the writers' lock and catches up under it with what others appended, on the very
  /// journal locked (a file replaced between opening and locking is locked again; a half line a
  /// killed writer left is cut back). On success the lock is held until `endAppend`.
  mutating func lockAndCatchUp() -> FileError? {
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
