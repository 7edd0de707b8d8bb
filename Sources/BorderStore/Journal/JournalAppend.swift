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
    let fd: Int32
    switch openForAppending() {
    case .failure(let error): return .failure(.file(error))
    case .success(let opened): fd = opened
    }
    defer { close(fd) }
    defer { flock(fd, LOCK_UN) }
    var written: [JournalEvent] = []
    for (index, draft) in drafts.enumerated() {
      let line: [UInt8]
      let event: JournalEvent
      var draft = draft
      // Who really wrote it: the process's user, whatever `by` claims.
      draft.event.uid = UInt32(getuid())
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

  /// Opens the journal for appending and takes its exclusive lock, once the store has caught up
  /// under that lock with what others appended, on this very file.
  ///
  /// Never creates the journal (only `bordermon init` does): a missing journal is an error, so
  /// one deleted under running consoles is not silently replaced by a fresh one. Never follows
  /// a symbolic link, and refuses anything but a regular file. A half line left at the end by a
  /// writer killed in the middle of its `write` is cut back (nobody else writes under the lock).
  private mutating func openForAppending() -> Result<Int32, FileError> {
    let path = directory.journalFile
    let operation = "open the journal for writing"
    for _ in 0..<5 {
      let fd: Int32
      switch FileBytes.openRegular(path, flags: O_WRONLY | O_APPEND, operation: operation) {
      case .failure(var error):
        if error.isMissing {
          error.detail = "it does not exist (deleted or moved?); only `bordermon init` creates a journal"
        }
        return .failure(error)
      case .success(let opened): fd = opened.fd
      }
      while flock(fd, LOCK_EX) != 0 {
        if errno != EINTR {
          let code = errno
          close(fd)
          return .failure(FileError(path: path, operation: "lock the journal", code: code))
        }
      }
      // Under the lock, catch up with what others appended, so validation and numbering see it.
      refreshWhileAppending()
      if let error = journalError {
        flock(fd, LOCK_UN)
        close(fd)
        return .failure(error)
      }
      var info = stat()
      guard fstat(fd, &info) == 0 else {
        let code = errno
        flock(fd, LOCK_UN)
        close(fd)
        return .failure(FileError(path: path, operation: operation, code: code))
      }
      guard let identity = followedFile, identity.device == UInt64(info.st_dev),
        identity.inode == UInt64(info.st_ino)
      else {
        // The journal was replaced between opening and locking: lock the one there now.
        flock(fd, LOCK_UN)
        close(fd)
        continue
      }
      if Int64(info.st_size) > followedOffset {
        // A half line at the end, with the lock held: its writer died in the middle of writing it.
        guard ftruncate(fd, off_t(followedOffset)) == 0 else {
          let code = errno
          flock(fd, LOCK_UN)
          close(fd)
          return .failure(FileError(path: path, operation: "cut back a half line in the journal", code: code))
        }
        halfLinesCut += Int(Int64(info.st_size) - followedOffset)
        refreshWhileAppending()
      }
      return .success(fd)
    }
    return .failure(
      FileError(path: path, operation: operation, code: EAGAIN, detail: "it keeps being replaced"))
  }
}
