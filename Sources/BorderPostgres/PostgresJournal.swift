import BorderModel
import BorderStore

/// A reader and appender over a store's journal rows, by `seq`: lines handed over exactly as
/// stored; appends in one transaction under the writers' advisory lock, through `append_line`
/// (which checks the seq and the author, inserts and notifies).
public struct PostgresJournal: SnapshotCachedJournal {
  let store: PostgresStore
  /// The highest seq read.
  public private(set) var lastSeq: UInt64 = 0
  /// A hash of the line of the row at `lastSeq` (what a snapshot cache checks is still there).
  private var lastLineHash: UInt64 = 0
  /// Where this reader's folded state is cached on this host, when the opener asked for it.
  public var snapshotKey: SnapshotKey?
  private var rowsRead = 0
  /// The seq read when the append's transaction began, to know what a rollback takes back.
  private var seqAtBegin: UInt64 = 0
  private var failedInTransaction = false
  private var inTransaction = false
  private var restartReason: String?
  /// The store's generation this reader started from.
  private var generation: Int
  /// Rows fetched per query, so a long journal is not one huge result.
  static let batch = 50_000

  init(store: PostgresStore) {
    self.store = store
    generation = store.generation
  }

  public var name: String { store.directory.path + "/journal" }
  public var linesRead: Int { rowsRead }
  public var pendingBytes: Int { 0 }
  public var authenticatedOperator: String? { store.operatorName }

  /// Starts again from the first row at the next read (the store was replaced, or a reconnection found another one).
  public mutating func restart(reason: String) { restartReason = reason }

  private func error(_ operation: String, _ failure: StoreError) -> FileError {
    FileError(path: name, operation: operation, code: 0, detail: failure.message)
  }

  public mutating func readNewChunks(_ body: (JournalChunk) -> Void) -> Result<
    JournalFollower.Outcome, FileError
  > {
    if store.generation != generation {
      generation = store.generation
      restartReason = "the store was made anew; it is read again from its start"
    }
    if let reason = restartReason {
      restartReason = nil
      lastSeq = 0
      rowsRead = 0
      return .success(.restarted(reason: reason))
    }
    var read = 0
    while true {
      let rows = store.connection.execute(
        "SELECT seq, line FROM bordermon.journal WHERE seq > $1 ORDER BY seq LIMIT \(Self.batch)",
        [String(lastSeq)], operation: "read the journal")
      switch rows {
      case .failure(let failure):
        if inTransaction { failedInTransaction = true }
        return .failure(error("read the journal", failure))
      case .success(let result):
        let count = result.count
        if count == 0 { return .success(.read(lines: read)) }
        // One chunk per run of consecutive seqs, so a diagnostic's line number is the row's seq.
        var lines: [UnsafeBufferPointer<UInt8>] = []
        lines.reserveCapacity(count)
        var first = result.unsigned(0, 0)
        var expected = first
        for row in 0..<count {
          let seq = result.unsigned(row, 0)
          if seq != expected && !lines.isEmpty {
            body(JournalChunk(firstLineNumber: Int(first), lines: lines))
            lines.removeAll(keepingCapacity: true)
            first = seq
          }
          lines.append(result.bytes(row, 1))
          expected = seq + 1
        }
        if !lines.isEmpty { body(JournalChunk(firstLineNumber: Int(first), lines: lines)) }
        lastSeq = result.unsigned(count - 1, 0)
        lastLineHash = StoreSnapshotCache.lineHash(result.bytes(count - 1, 1))
        rowsRead += count
        read += count
        if count < Self.batch { return .success(.read(lines: read)) }
      }
    }
  }

  public var snapshotPoint: SnapshotPoint? {
    lastSeq == 0 ? nil : SnapshotPoint(seq: lastSeq, rows: rowsRead, lineHash: lastLineHash)
  }

  /// One indexed lookup: the row at the point's seq, with the same line.
  public func holds(_ point: SnapshotPoint) -> Bool {
    guard point.seq > 0,
      case .success(let rows) = store.connection.execute(
        "SELECT line FROM bordermon.journal WHERE seq = $1", [String(point.seq)],
        operation: "read the journal"),
      rows.count == 1
    else { return false }
    return StoreSnapshotCache.lineHash(rows.bytes(0, 0)) == point.lineHash
  }

  public mutating func resume(at point: SnapshotPoint) {
    lastSeq = point.seq
    rowsRead = point.rows
    lastLineHash = point.lineHash
  }

  public mutating func beginAppend() -> FileError? {
    failedInTransaction = false
    seqAtBegin = lastSeq
    if case .failure(let failure) = store.connection.execute("BEGIN", operation: "append to the journal") {
      return error("append to the journal", failure)
    }
    inTransaction = true
    let locked = store.connection.execute(
      "SELECT pg_advisory_xact_lock(\(PostgresSchema.appendLock))", operation: "lock the journal")
    if case .failure(let failure) = locked {
      store.connection.execute("ROLLBACK", operation: "append to the journal")
      inTransaction = false
      return error("lock the journal", failure)
    }
    return nil
  }

  /// The lock orders every writer of the table: nothing to check once caught up.
  public mutating func checkLockedJournal() -> LockedJournal { .ready }

  public mutating func write(line: [UInt8], seq: UInt64) -> FileError? {
    let text = String(decoding: line.last == 0x0A ? line.dropLast() : line[...], as: UTF8.self)
    let appended = store.connection.execute(
      "SELECT bordermon.append_line($1, $2)", [String(seq), text], operation: "append to the journal")
    if case .failure(let failure) = appended {
      failedInTransaction = true
      return error("append to the journal", failure)
    }
    return nil
  }

  public mutating func endAppend() -> FileError? {
    var failure: StoreError?
    if failedInTransaction {
      store.connection.execute("ROLLBACK", operation: "append to the journal")
    } else {
      switch store.connection.execute("COMMIT", operation: "append to the journal") {
      case .failure(let error): failure = error
      case .success(let result) where result.commandTag != "COMMIT":
        failure = StoreError(
          store: store.url.description, operation: "append to the journal",
          message: "the transaction was rolled back")
      case .success: break
      }
    }
    // Rows read inside a transaction that did not commit may not exist: read everything again.
    if (failedInTransaction || failure != nil) && lastSeq > seqAtBegin {
      restartReason = "an append was rolled back; the journal is read again"
    }
    failedInTransaction = false
    inTransaction = false
    return failure.map { error("append to the journal", $0) }
  }
}
