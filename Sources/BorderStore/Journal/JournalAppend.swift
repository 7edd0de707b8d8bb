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
    var written: [UInt64] = []
    for (index, draft) in drafts.enumerated() {
      var event = draft
      event.seq = lastSeqSeen + 1
      if let rejection = situation.validate(event) {
        return .failure(.rejected(index: index, rejection))
      }
      var info = stat()
      fstat(fd, &info)
      let sizeBefore = info.st_size
      let line = EventCodec.encodeLine(event)
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
      written.append(event.seq)
    }
    return .success(written)
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
