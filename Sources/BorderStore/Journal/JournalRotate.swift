import BorderModel

#if canImport(Glibc)
  import Glibc
#endif

/// What `journal rotate` did: the compressed copy kept and the new journal's first event.
public struct RotationReport: Sendable {
  /// The compressed copy of the closed journal, in the data directory.
  public var archivePath: String
  /// The closed journal, as the new one names it.
  public var previous: PreviousJournal
  /// The `journal.rotated` event that begins the new journal.
  public var event: JournalEvent
}

/// Why a rotation did not happen; nothing was changed.
public enum RotationError: Error, Sendable, CustomStringConvertible {
  case file(FileError)
  /// Rotation applies to the file journal only.
  case notAFileJournal(String)
  case rejected(EventRejection)

  public var description: String {
    switch self {
    case .file(let error): return "\(error.path): \(error.description)"
    case .notAFileJournal(let reason): return reason
    case .rejected(let rejection): return rejection.description
    }
  }
}

extension SituationStore {
  /// Rotates the file journal under the writers' lock: keeps a gzip copy of it next to it (named
  /// by the time, checked by reading it back), and replaces it with a new journal whose only
  /// line is a `journal.rotated` event carrying the situation folded so far and naming the
  /// closed journal (its copy, identity, length, checksum and last `seq`); `seq` continues.
  ///
  /// Nothing is deleted: the closed journal's bytes are all in its copy. On any failure the
  /// journal is left as it was.
  public mutating func rotateJournal(by author: String, clock: any WallClock) -> Result<
    RotationReport, RotationError
  > {
    guard asOf == nil, journal is FileJournal else {
      return .failure(.notAFileJournal("only a data directory's journal file can be rotated"))
    }
    guard !isInBatch else {
      return .failure(.notAFileJournal("a batch of appends holds the journal's lock; end it before rotating"))
    }
    if let error = lockAndCatchUp() { return .failure(.file(error)) }
    defer { _ = journal.endAppend() }
    guard let follower = (journal as? FileJournal)?.follower, let identity = follower.fileIdentity else {
      return .failure(.notAFileJournal("the journal could not be followed"))
    }
    let path = directory.journalFile
    let opened: (fd: Int32, info: stat)
    switch FileBytes.openRegular(path, operation: "read the journal") {
    case .failure(let error): return .failure(.file(error))
    case .success(let value): opened = value
    }
    defer { close(opened.fd) }
    let info = opened.info
    guard UInt64(info.st_dev) == identity.device, UInt64(info.st_ino) == identity.inode,
      Int64(info.st_size) == follower.offset
    else {
      return .failure(
        .file(
          FileError(
            path: path, operation: "rotate the journal", code: EAGAIN,
            detail: "it changed while it was being rotated; try again")))
    }
    let length = follower.offset
    // The whole file's checksum, which its kept copy must match.
    let content: [UInt8]
    switch FileBytes.readAll(opened.fd, path: path, limit: Int(length) + 1) {
    case .failure(let error): return .failure(.file(error))
    case .success(let bytes): content = bytes
    }
    guard Int64(content.count) == length else {
      return .failure(
        .file(
          FileError(
            path: path, operation: "rotate the journal", code: EAGAIN, detail: "it changed while read")))
    }
    let checksum = Checksum.xxh64(content)
    let now = clock.now()
    let mode = mode_t(info.st_mode & 0o666)
    // The copy, named by the time so copies sort by it; never over an existing file.
    var archiveName = ""
    var archivePath = ""
    for attempt in 1...100 {
      archiveName = Self.archiveName(at: now, attempt: attempt)
      archivePath = directory.path + "/" + archiveName
      var existing = stat()
      if lstat(archivePath, &existing) != 0 && errno == ENOENT { break }
    }
    if let error = GzipFile.write(from: opened.fd, length: length, to: archivePath, mode: mode) {
      return .failure(.file(error))
    }
    // Read the copy back before relying on it.
    var unpacked: [UInt8] = []
    unpacked.reserveCapacity(content.count)
    if let error = GzipFile.read(
      archivePath, limit: length,
      {
        unpacked += $0; return true
      })
    {
      unlink(archivePath)
      return .failure(.file(error))
    }
    guard unpacked.count == content.count, Checksum.xxh64(unpacked) == checksum else {
      unlink(archivePath)
      return .failure(
        .file(
          FileError(
            path: archivePath, operation: "check the journal's compressed copy", code: EIO,
            detail: "it does not read back as the journal")))
    }
    let previous = PreviousJournal(
      archive: archiveName, device: identity.device, inode: identity.inode, bytes: length,
      lines: follower.lineCount, events: situation.appliedEventCount, lastSeq: lastSeqSeen,
      checksum: checksum,
      tail: JournalFollower.tailFingerprint(opened.fd, offset: length) ?? 0)
    var event = JournalEvent(
      seq: lastSeqSeen + 1, at: now, by: author,
      payload: .journalRotated(CarriedSituation(previous: previous, situation: situation)))
    event.uid = UInt32(getuid())
    let line = EventCodec.encodeLine(event)
    if let problem = event.shapeProblem {
      unlink(archivePath)
      return .failure(.rejected(problem))
    }
    let readBack = line.dropLast().withUnsafeBufferPointer { EventCodec.decode($0) }
    guard case .success(let decoded) = readBack, decoded == event else {
      unlink(archivePath)
      let reason: String
      if case .failure(let error) = readBack { reason = error.description } else { reason = "differs" }
      return .failure(
        .rejected(
          EventRejection(field: "line", reason: "the rotation would not read back as written: \(reason)")))
    }
    if let error = Self.replaceJournal(at: path, with: line, like: info) {
      unlink(archivePath)
      return .failure(.file(error))
    }
    return .success(RotationReport(archivePath: archivePath, previous: previous, event: event))
  }

  /// `journal-20261130T142630Z.jsonl.gz`, with `-2`, `-3` … when that name is taken.
  static func archiveName(at time: Timestamp, attempt: Int) -> String {
    let stamp = RFC3339.format(time).filter { $0 != "-" && $0 != ":" }
    let base = "journal-" + (stamp.split(separator: ".").first.map(String.init) ?? stamp)
    let suffix = attempt > 1 ? "-\(attempt)" : ""
    return base + (base.hasSuffix("Z") ? "" : "Z") + suffix + ".jsonl.gz"
  }

  /// Writes `line` to a new file with the journal's mode and group, then renames it over the journal.
  private static func replaceJournal(at path: String, with line: [UInt8], like info: stat) -> FileError? {
    var generator = SystemRandomNumberGenerator()
    let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
    for _ in 0..<8 {
      let temporary =
        "\(folder)/.journal.\(getpid()).\(String(generator.next() as UInt64, radix: 36)).rotating"
      let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
      if fd < 0 {
        if errno == EEXIST { continue }
        return FileError(path: temporary, operation: "create the new journal", code: errno)
      }
      // The same group (where allowed) and mode as the journal it replaces, whatever the umask.
      _ = fchown(fd, uid_t.max, info.st_gid)
      _ = fchmod(fd, info.st_mode & 0o7777)
      var failure: FileError?
      if let code = FileBytes.writeAll(fd, line) {
        failure = FileError(path: temporary, operation: "write the new journal", code: code)
      } else if fsync(fd) != 0 {
        failure = FileError(path: temporary, operation: "sync the new journal", code: errno)
      }
      close(fd)
      if failure == nil, rename(temporary, path) != 0 {
        failure = FileError(path: path, operation: "put the new journal in place", code: errno)
      }
      if let failure {
        unlink(temporary)
        return failure
      }
      let dirfd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      if dirfd >= 0 {
        fsync(dirfd)
        close(dirfd)
      }
      return nil
    }
    return FileError(path: path, operation: "create the new journal", code: EEXIST)
  }
}
