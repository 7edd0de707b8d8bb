import BorderModel

#if canImport(Glibc)
  import Glibc
#endif

/// Where a journal's lines live: read what was appended since the last read, and append under
/// the lock that orders writers. The file journal is one; a PostgreSQL store is another.
///
/// A backend is a reader's position over a shared journal: a copy reads on from where the
/// original stood. Validation stays in `SituationStore.append`, the same for every backend.
public protocol JournalBackend: Sendable {
  /// What diagnostics call the journal (a file's path, or a store's journal).
  var name: String { get }
  /// Complete lines (or rows) read so far.
  var linesRead: Int { get }
  /// Bytes held back because their line has no newline yet (0 where lines are whole).
  var pendingBytes: Int { get }
  /// The identity the journal itself records as the author of every append (a database's
  /// authenticated session user), overriding the draft's `by`; nil where the caller says who.
  var authenticatedOperator: String? { get }

  /// Hands the lines appended since the last read to `body`, a chunk at a time.
  ///
  /// `.restarted` means the journal is not the one read before: the caller rebuilds from nothing
  /// and calls again.
  mutating func readNewChunks(_ body: (JournalChunk) -> Void) -> Result<JournalFollower.Outcome, FileError>

  /// Takes the writers' lock (and opens a transaction where there is one).
  mutating func beginAppend() -> FileError?
  /// After catching up under the lock: whether the journal locked is the one read, and whole.
  mutating func checkLockedJournal() -> LockedJournal
  /// Writes one encoded line (with its newline) holding event `seq`.
  mutating func write(line: [UInt8], seq: UInt64) -> FileError?
  /// Makes what was written durable and visible, and lets go of the lock.
  mutating func endAppend() -> FileError?
}

/// What `checkLockedJournal` found once the appender caught up under the lock.
public enum LockedJournal: Sendable {
  /// Ready to append.
  case ready
  /// The journal was replaced between opening and locking: the lock was let go; lock again.
  case replaced
  /// A half line a killed writer left at the end was cut back (these many bytes): read again, then append.
  case cutHalfLine(Int)
  case failed(FileError)
}

/// The file journal, `journal.jsonl`: read by a `JournalFollower`, appended under `flock`, one
/// `write` a line and one `fsync` for all the lines written under the lock.
public struct FileJournal: JournalBackend {
  /// The journal file's path.
  public let path: String
  /// The reader over the file.
  var follower: JournalFollower
  /// The descriptor open for appending, between `beginAppend` and `endAppend`.
  private var appendDescriptor: Int32 = -1
  /// Whether lines were written under the lock and not yet synced.
  private var unsynced = false

  /// Follows the journal file at `path` from its first line.
  public init(path: String) {
    self.path = path
    follower = JournalFollower(path: path)
  }

  public var name: String { path }
  public var linesRead: Int { follower.lineCount }
  public var pendingBytes: Int { follower.pendingBytes }
  public var authenticatedOperator: String? { nil }

  public mutating func readNewChunks(_ body: (JournalChunk) -> Void) -> Result<
    JournalFollower.Outcome, FileError
  > {
    follower.readNewChunks(body)
  }

  /// Opens the journal for appending and takes its exclusive lock.
  ///
  /// Never creates the journal (only `bordermon init` does): a missing journal is an error, so
  /// one deleted under running consoles is not silently replaced by a fresh one. Never follows
  /// a symbolic link, and refuses anything but a regular file.
  public mutating func beginAppend() -> FileError? {
    let operation = "open the journal for writing"
    let fd: Int32
    switch FileBytes.openRegular(path, flags: O_WRONLY | O_APPEND, operation: operation) {
    case .failure(var error):
      if error.isMissing {
        error.detail = "it does not exist (deleted or moved?); only `bordermon init` creates a journal"
      }
      return error
    case .success(let opened): fd = opened.fd
    }
    while flock(fd, LOCK_EX) != 0 {
      if errno != EINTR {
        let code = errno
        close(fd)
        return FileError(path: path, operation: "lock the journal", code: code)
      }
    }
    appendDescriptor = fd
    return nil
  }

  /// Checks the file locked is the one followed, and cuts back a half line a writer killed in
  /// the middle of its `write` left at the end (nobody else writes under the lock).
  public mutating func checkLockedJournal() -> LockedJournal {
    let fd = appendDescriptor
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      return .failed(FileError(path: path, operation: "open the journal for writing", code: errno))
    }
    guard let identity = follower.fileIdentity, identity.device == UInt64(info.st_dev),
      identity.inode == UInt64(info.st_ino)
    else { return .replaced }
    guard Int64(info.st_size) > follower.offset else { return .ready }
    guard ftruncate(fd, off_t(follower.offset)) == 0 else {
      return .failed(FileError(path: path, operation: "cut back a half line in the journal", code: errno))
    }
    return .cutHalfLine(Int(Int64(info.st_size) - follower.offset))
  }

  public mutating func write(line: [UInt8], seq: UInt64) -> FileError? {
    let fd = appendDescriptor
    var info = stat()
    fstat(fd, &info)
    let sizeBefore = info.st_size
    let result = line.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    if result != line.count {
      let code = result < 0 ? errno : ENOSPC
      // Never leave half a line behind: cut the file back to where it was.
      _ = ftruncate(fd, sizeBefore)
      return FileError(path: path, operation: "append to the journal", code: code)
    }
    unsynced = true
    return nil
  }

  /// Syncs every line written under the lock with one `fsync`, then lets go of the lock.
  public mutating func endAppend() -> FileError? {
    guard appendDescriptor >= 0 else { return nil }
    var failure: FileError?
    if unsynced && fsync(appendDescriptor) != 0 {
      failure = FileError(path: path, operation: "sync the journal", code: errno)
    }
    unsynced = false
    flock(appendDescriptor, LOCK_UN)
    close(appendDescriptor)
    appendDescriptor = -1
    return failure
  }
}
