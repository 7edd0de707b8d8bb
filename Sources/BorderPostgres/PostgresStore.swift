import BorderModel
import BorderStore

/// A situation held in PostgreSQL: the journal as rows (one event line each, by `seq`), the
/// reference TOML files versioned, and the schema's version. Made by `create`, opened by `open`.
public final class PostgresStore: @unchecked Sendable {
  /// The connection every reader of this store shares.
  public let connection: PostgresConnection
  /// The store's address, as shown to people.
  public var url: StoreURL { connection.url }
  /// Who appends through this connection, as the server records it (`bordermon.operator()`).
  public let operatorName: String
  /// The store's identity (a UUID made at creation): a store dropped and made again is another one.
  public private(set) var storeID: String
  /// Counts the times the store was found to be another one (after a reconnection): readers start over.
  public private(set) var generation = 0

  init(connection: PostgresConnection, operatorName: String, storeID: String) {
    self.connection = connection
    self.operatorName = operatorName
    self.storeID = storeID
  }

  /// Checks, after a reconnection, that the store is still the one read; if it was made anew, readers start over.
  public func checkIdentity() -> Result<Void, StoreError> {
    connection.execute("SELECT value FROM bordermon.meta WHERE key = 'store_id'", operation: "reconnect").map
    {
      rows in
      let current = rows.text(0, 0) ?? ""
      if current != storeID {
        storeID = current
        generation += 1
      }
    }
  }

  /// Whether the server lets this role append (what `doctor --store` reports as its rights), or why it could not say.
  public func mayAppend() -> Result<Bool, StoreError> {
    connection.execute("SELECT " + PostgresSchema.mayAppend, operation: "check the role's rights").map {
      $0.text(0, 0) == "t"
    }
  }

  /// The name diagnostics give the store's journal and files: `[postgresql://…]/journal`.
  public var directory: DataDirectory { DataDirectory(path: "[\(url.description)]") }

  /// Connects and checks the schema: there, and of the version this bordermon reads. Creates nothing.
  public static func open(_ url: StoreURL) -> Result<PostgresStore, StoreError> {
    let connection: PostgresConnection
    switch PostgresConnection.connect(url) {
    case .success(let made): connection = made
    case .failure(let error): return .failure(error)
    }
    return open(connection)
  }

  /// Checks the schema on a connection already made.
  static func open(_ connection: PostgresConnection) -> Result<PostgresStore, StoreError> {
    let url = connection.url
    let exists = connection.execute(
      "SELECT to_regclass('bordermon.meta') IS NOT NULL", operation: "open the store")
    switch exists {
    case .failure(let error): return .failure(error)
    case .success(let rows) where rows.text(0, 0) != "t":
      return .failure(
        StoreError(
          store: url.description, operation: "open the store",
          message:
            "database '\(url.database)' holds no bordermon store (bordermon init --store URL creates one; "
            + "bordermon store push copies a data directory into it)"))
    case .success: break
    }
    let meta = connection.execute(
      "SELECT (SELECT value FROM bordermon.meta WHERE key = 'schema_version'), "
        + "(SELECT value FROM bordermon.meta WHERE key = 'store_id'), bordermon.operator()",
      operation: "open the store")
    switch meta {
    case .failure(let error): return .failure(error)
    case .success(let rows):
      let version = rows.text(0, 0) ?? "none"
      guard version == PostgresSchema.version else {
        return .failure(
          StoreError(
            store: url.description, operation: "open the store",
            message:
              "the store's schema is version \(version); this bordermon reads version \(PostgresSchema.version)"
          ))
      }
      return .success(
        PostgresStore(
          connection: connection, operatorName: rows.text(0, 2) ?? "", storeID: rows.text(0, 1) ?? ""))
    }
  }

  /// The files a new store is made from: reference TOML files and a journal, as in a data directory.
  public struct Files: Sendable {
    /// Reference files by name (`segments.toml`, …), as bytes.
    public var reference: [String: [UInt8]]
    /// The journal's lines, each without its newline, with the event each holds.
    public var journal: [(line: [UInt8], event: JournalEvent)]

    public init(reference: [String: [UInt8]], journal: [(line: [UInt8], event: JournalEvent)]) {
      self.reference = reference
      self.journal = journal
    }
  }

  /// Why a data directory cannot go into a store as it is: one diagnostic per problem.
  public struct Refusal: Error, Sendable {
    public var diagnostics: [Diagnostic]
  }

  /// Reads a data directory's files for a store: refuses (with file:line) anything a store could
  /// not give back as it was (a line that does not parse, a blank line, a seq out of order, a last
  /// line without its newline).
  public static func files(of directory: DataDirectory) -> Result<Files, Refusal> {
    var reference: [String: [UInt8]] = [:]
    var problems: [Diagnostic] = []
    for name in PostgresSchema.referenceFiles {
      let path = directory.path + "/" + name
      switch FileBytes.read(path) {
      case .success(let bytes):
        guard String(validating: bytes, as: UTF8.self) != nil, !bytes.contains(0) else {
          problems.append(Diagnostic(.error, file: path, message: "not UTF-8 text"))
          continue
        }
        reference[name] = bytes
      case .failure(let error) where error.isMissing && name != "segments.toml": continue
      case .failure(let error): problems.append(Diagnostic(.error, file: path, message: error.description))
      }
    }
    var journal: [(line: [UInt8], event: JournalEvent)] = []
    let path = directory.journalFile
    switch FileBytes.read(path) {
    case .failure(let error) where error.isMissing: break
    case .failure(let error): problems.append(Diagnostic(.error, file: path, message: error.description))
    case .success(let bytes):
      var lastSeq: UInt64 = 0
      var number = 0
      var start = 0
      while start < bytes.count {
        number += 1
        guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
          problems.append(
            Diagnostic(
              .error, file: path, line: number, message: "the last line has no newline (a writer is busy?)"))
          break
        }
        let line = Array(bytes[start..<newline])
        start = newline + 1
        let decoded = line.withUnsafeBufferPointer { EventCodec.decode($0) }
        switch decoded {
        case .failure(let error):
          problems.append(
            Diagnostic(
              .error, file: path, line: number, field: error.field,
              message: error.reason + " (a store keeps only events; fix or remove the line)"))
        case .success(let event):
          if event.seq <= lastSeq {
            problems.append(
              Diagnostic(
                .error, file: path, line: number, field: "seq",
                message: "\(event.seq) is not greater than \(lastSeq) on an earlier line"))
          }
          lastSeq = max(lastSeq, event.seq)
          journal.append((line, event))
        }
      }
    }
    guard problems.isEmpty else { return .failure(Refusal(diagnostics: problems)) }
    return .success(Files(reference: reference, journal: journal))
  }

  /// Makes the schema in an empty database and fills it, all in one transaction; grants to the
  /// `bordermon_reader` and `bordermon_writer` roles (made when this user may). Never overwrites.
  public static func create(_ url: StoreURL, files: Files) -> Result<PostgresStore, StoreError> {
    let connection: PostgresConnection
    switch PostgresConnection.connect(url) {
    case .success(let made): connection = made
    case .failure(let error): return .failure(error)
    }
    let operation = "create the store"
    func fail(_ error: StoreError) -> Result<PostgresStore, StoreError> {
      connection.execute("ROLLBACK", operation: operation)
      return .failure(error)
    }
    switch connection.execute("SELECT to_regnamespace('bordermon') IS NOT NULL", operation: operation) {
    case .failure(let error): return .failure(error)
    case .success(let rows) where rows.text(0, 0) == "t":
      return .failure(
        StoreError(
          store: url.description, operation: operation,
          message: "database '\(url.database)' already holds a bordermon store; not overwriting it"))
    case .success: break
    }
    for statement in ["BEGIN", PostgresSchema.create, PostgresSchema.grants] {
      if case .failure(let error) = connection.execute(statement, operation: operation) { return fail(error) }
    }
    for name in PostgresSchema.referenceFiles {
      guard let bytes = files.reference[name] else { continue }
      let inserted = connection.execute(
        "INSERT INTO bordermon.reference (version, file, body) VALUES (1, $1, $2)",
        [name, String(decoding: bytes, as: UTF8.self)], operation: operation)
      if case .failure(let error) = inserted { return fail(error) }
    }
    if case .failure(let error) = copyJournal(files.journal, into: connection, operation: operation) {
      return fail(error)
    }
    if case .failure(let error) = connection.execute("COMMIT", operation: operation) { return fail(error) }
    return open(connection)
  }

  /// Copies journal lines in with COPY (the store's owner only: writers append through `append_line`).
  static func copyJournal(
    _ journal: [(line: [UInt8], event: JournalEvent)], into connection: PostgresConnection, operation: String
  ) -> Result<Void, StoreError> {
    guard !journal.isEmpty else { return .success(()) }
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 20)
    return connection.copyIn(
      "COPY bordermon.journal (seq, line, at, author, type) FROM STDIN", operation: operation
    ) { send in
      for (line, event) in journal {
        appendCopyField(Array(String(event.seq).utf8), to: &buffer)
        buffer.append(0x09)
        appendCopyField(line, to: &buffer)
        buffer.append(0x09)
        appendCopyField(Array(RFC3339.format(event.at).utf8), to: &buffer)
        buffer.append(0x09)
        appendCopyField(Array(event.by.utf8), to: &buffer)
        buffer.append(0x09)
        appendCopyField(Array(event.type.utf8), to: &buffer)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 {
          guard send(buffer) else { return }
          buffer.removeAll(keepingCapacity: true)
        }
      }
      if !buffer.isEmpty { _ = send(buffer) }
    }
  }

  /// One field in COPY's text format: backslash, tab, newline and carriage return escaped.
  static func appendCopyField(_ bytes: [UInt8], to buffer: inout [UInt8]) {
    for byte in bytes {
      switch byte {
      case 0x5C: buffer += [0x5C, 0x5C]
      case 0x09: buffer += [0x5C, UInt8(ascii: "t")]
      case 0x0A: buffer += [0x5C, UInt8(ascii: "n")]
      case 0x0D: buffer += [0x5C, UInt8(ascii: "r")]
      default: buffer.append(byte)
      }
    }
  }

  /// The reference files of the newest version: (version, files by name).
  public func currentReference() -> Result<(version: Int, files: [String: String]), StoreError> {
    let rows = connection.execute(
      "SELECT version, file, body FROM bordermon.reference "
        + "WHERE version = (SELECT max(version) FROM bordermon.reference) ORDER BY file",
      operation: "read the reference data")
    switch rows {
    case .failure(let error): return .failure(error)
    case .success(let result):
      var files: [String: String] = [:]
      var version = 0
      for row in 0..<result.count {
        version = Int(result.text(row, 0) ?? "0") ?? 0
        files[result.text(row, 1) ?? ""] = result.text(row, 2) ?? ""
      }
      return .success((version, files))
    }
  }

  /// The reference data as loaded by the same loader as a data directory's, with diagnostics that
  /// name the store's files (`[postgresql://…]/segments.toml:LINE: field: reason`).
  public func loadReference() -> Result<LoadedReference, StoreError> {
    currentReference().map { version, files in
      loadedReference = [Int64(version), StoreSnapshotCache.referenceHash(files)]
      return ReferenceLoader.load(directory) { path in
        let name = String(path.split(separator: "/").last ?? "")
        guard let text = files[name] else {
          return .failure(FileError(path: path, operation: "read", code: 2))
        }
        return .success(text)
      }
    }
  }

  /// A reader of the journal from its first row (each reader keeps its own position).
  public func journal() -> PostgresJournal { PostgresJournal(store: self) }

  /// Opens the situation: the stored reference data with the journal folded over it.
  ///
  /// With `snapshots`, a snapshot in this host's cache (`StoreSnapshotCache`) made from this store
  /// (its `store_id`), these reference data and a row still there at its `seq` is used, so only
  /// the rows after it are read.
  public func situationStore(
    asOf: Timestamp? = nil, historyLimit: Int? = nil, snapshots: Bool = false, now: Timestamp? = nil,
    environment: (String) -> String? = FileBytes.environment
  ) -> Result<SituationStore, StoreError> {
    loadReference().map { reference in
      var reader = journal()
      if snapshots, asOf == nil, let key = snapshotKey(environment: environment) { reader.snapshotKey = key }
      return SituationStore(
        directory: directory, journal: reader, reference: reference, asOf: asOf, historyLimit: historyLimit,
        snapshots: snapshots, now: now)
    }
  }

  /// The reference data last loaded: its version and a hash of its files (what a snapshot must match).
  public private(set) var loadedReference: [Int64] = []

  /// Where this store's snapshot is cached on this host, and what it must match; nil when there is
  /// no cache folder, or the store's identity is not a plain UUID.
  func snapshotKey(environment: (String) -> String?) -> SnapshotKey? {
    guard let path = StoreSnapshotCache.path(storeIdentity: storeID, environment: environment),
      !loadedReference.isEmpty,
      case .success(let rows) = connection.execute(
        "SELECT pg_total_relation_size('bordermon.journal') + pg_total_relation_size('bordermon.reference')",
        operation: "read the journal"),
      let size = Int64(rows.text(0, 0) ?? "")
    else { return nil }
    // A snapshot holds what was folded from the journal and the reference data: never much more than they take.
    return SnapshotKey(
      path: path, storeIdentity: storeID, referenceFingerprint: loadedReference,
      sizeLimit: (64 << 20) + 2 * size)
  }
}

extension PostgresStore {
  /// Every journal line, in seq order, each without its newline (for `store pull`).
  public func journalLines(_ body: (UInt64, UnsafeBufferPointer<UInt8>) -> Void) -> Result<Int, StoreError> {
    var last: UInt64 = 0
    var total = 0
    while true {
      let rows = connection.execute(
        "SELECT seq, line FROM bordermon.journal WHERE seq > $1 ORDER BY seq LIMIT \(PostgresJournal.batch)",
        [String(last)], operation: "read the journal")
      switch rows {
      case .failure(let error): return .failure(error)
      case .success(let result):
        for row in 0..<result.count { body(result.unsigned(row, 0), result.bytes(row, 1)) }
        total += result.count
        if result.count == 0 { return .success(total) }
        last = result.unsigned(result.count - 1, 0)
        if result.count < PostgresJournal.batch { return .success(total) }
      }
    }
  }

  /// The reference versions held: (version, when, by whom, files).
  public func referenceVersions() -> Result<
    [(version: Int, loadedAt: String, loadedBy: String, files: [String])], StoreError
  > {
    connection.execute(
      "SELECT version, to_char(min(loaded_at), 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), min(loaded_by), "
        + "string_agg(file, ' ' ORDER BY file) FROM bordermon.reference GROUP BY version ORDER BY version",
      operation: "read the reference data"
    ).map { result in
      (0..<result.count).map { row in
        (
          Int(result.text(row, 0) ?? "0") ?? 0, result.text(row, 1) ?? "", result.text(row, 2) ?? "",
          (result.text(row, 3) ?? "").split(separator: " ").map(String.init)
        )
      }
    }
  }

  /// Stores reference files as the next version, in one transaction, and tells the consoles.
  public func replaceReference(_ files: [String: [UInt8]]) -> Result<Int, StoreError> {
    let operation = "replace the reference data"
    guard case .success = connection.execute("BEGIN", operation: operation) else {
      return .failure(StoreError(store: url.description, operation: operation, message: "cannot begin"))
    }
    func fail(_ error: StoreError) -> Result<Int, StoreError> {
      connection.execute("ROLLBACK", operation: operation)
      return .failure(error)
    }
    let next: Int
    switch connection.execute(
      "SELECT pg_advisory_xact_lock(\(PostgresSchema.appendLock)), coalesce(max(version), 0) + 1 FROM bordermon.reference",
      operation: operation)
    {
    case .failure(let error): return fail(error)
    case .success(let result): next = Int(result.text(0, 1) ?? "1") ?? 1
    }
    for name in PostgresSchema.referenceFiles {
      guard let bytes = files[name] else { continue }
      let inserted = connection.execute(
        "INSERT INTO bordermon.reference (version, file, body) VALUES ($1, $2, $3)",
        [String(next), name, String(decoding: bytes, as: UTF8.self)], operation: operation)
      if case .failure(let error) = inserted { return fail(error) }
    }
    let notified = connection.execute(
      "SELECT pg_notify('\(PostgresSchema.referenceChannel)', $1)", [String(next)], operation: operation)
    if case .failure(let error) = notified { return fail(error) }
    switch connection.execute("COMMIT", operation: operation) {
    case .failure(let error): return fail(error)
    case .success(let result) where result.commandTag != "COMMIT":
      return .failure(StoreError(store: url.description, operation: operation, message: "rolled back"))
    case .success: return .success(next)
    }
  }
}
