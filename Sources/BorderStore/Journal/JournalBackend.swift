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
  /// Writes one encoded line (with its newline) holding event `seq`.
  mutating func write(line: [UInt8], seq: UInt64) -> FileError?
  /// Makes what was written durable and visible, and lets go of the lock.
  mutating func endAppend() -> FileError?
}

/// The file journal, `journal.jsonl`: read by a `JournalFollower`, appended under `flock`, one `write` and an `fsync` a line.
public struct FileJournal: JournalBackend {
  /// The journal file's path.
  public let path: String
  /// The reader over the file.
  var follower: JournalFollower
  /// The descriptor open for appending, between `beginAppend` and `endAppend`.
  private var appendDescriptor: Int32 = -1

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

  public mutating func beginAppend() -> FileError? {
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      return FileError(path: path, operation: "open the journal for writing", code: errno)
    }
    while flock(fd, LOCK_EX) != 0 {
      if errno != EINTR {
        let error = FileError(path: path, operation: "lock the journal", code: errno)
        close(fd)
        return error
      }
    }
    appendDescriptor = fd
    return nil
  }

  public mutating func write(line: [UInt8], seq: UInt64) -> FileError? {
    let fd = appendDescriptor
    // Ends a line some crashed writer left without its newline, so ours starts on a line of its own.
    if follower.pendingBytes > 0 {
      var newline: UInt8 = 0x0A
      guard Glibc.write(fd, &newline, 1) == 1 else {
        return FileError(path: path, operation: "append to the journal", code: errno)
      }
    }
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
    guard fsync(fd) == 0 else { return FileError(path: path, operation: "sync the journal", code: errno) }
    return nil
  }

  public mutating func endAppend() -> FileError? {
    guard appendDescriptor >= 0 else { return nil }
    flock(appendDescriptor, LOCK_UN)
    close(appendDescriptor)
    appendDescriptor = -1
    return nil
  }
}
