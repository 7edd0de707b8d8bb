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
  /// Stops at the first rejected event; the ones before it stay written.
  public mutating func append(_ drafts: [EventDraft], clock: any WallClock) -> Result<
    [JournalEvent], AppendError
  > {
    let path = directory.journalFile
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      return .failure(.file(FileError(path: path, operation: "open the journal for writing", code: errno)))
    }
    defer { close(fd) }
    while flock(fd, LOCK_EX) != 0 {
      if errno != EINTR {
        return .failure(.file(FileError(path: path, operation: "lock the journal", code: errno)))
      }
    }
    defer { flock(fd, LOCK_UN) }
    // Under the lock, catch up with what others appended, so validation and numbering see it.
    refreshWhileAppending()
    if let failure = terminatePartialLine(fd, path) { return .failure(.file(failure)) }
    // The line just ended is read (and skipped) now, so its seq, if it has one, is never reused.
    refreshWhileAppending()
    var written: [JournalEvent] = []
    for (index, draft) in drafts.enumerated() {
      let line: [UInt8]
      let event: JournalEvent
      switch Self.prepare(draft, seq: lastSeqSeen, now: clock.now(), in: situation) {
      case .failure(let rejection): return .failure(.rejected(index: index, rejection))
      case .success(let prepared): (event, line) = prepared
      }
      var info = stat()
      fstat(fd, &info)
      let sizeBefore = info.st_size
      let result = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      if result != line.count {
        let code = result < 0 ? errno : ENOSPC
        // Never leave half a line behind: cut the file back to where it was.
        _ = ftruncate(fd, sizeBefore)
        return .failure(.file(FileError(path: path, operation: "append to the journal", code: code)))
      }
      guard fsync(fd) == 0 else {
        return .failure(.file(FileError(path: path, operation: "sync the journal", code: errno)))
      }
      refreshWhileAppending()
      written.append(event)
    }
    return .success(written)
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

  /// Ends a line some crashed writer left without its newline, so ours starts on a line of its own.
  private func terminatePartialLine(_ fd: Int32, _ path: String) -> FileError? {
    guard pendingBytes > 0 else { return nil }
    var newline: UInt8 = 0x0A
    guard write(fd, &newline, 1) == 1 else {
      return FileError(path: path, operation: "append to the journal", code: errno)
    }
    return nil
  }
}
