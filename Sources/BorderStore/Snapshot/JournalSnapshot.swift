import BorderModel

#if canImport(Glibc)
  import Glibc
#endif

/// Where in the journal a fold stopped, and what the file was, so the fold can resume there.
struct JournalPosition: Sendable, Equatable {
  var offset: Int64
  var lineCount: Int
  var device: UInt64
  var inode: UInt64
  var lastSeqSeen: UInt64
  var problemCount: Int
}

/// The folded journal saved to disk: a situation, the recent events after it, and the
/// position it reached, so opening a long journal reads only what was appended since.
///
/// It is a cache: `.cache/journal-snapshot.bin` in the data directory. It is used only when
/// the journal file is the same (device, inode, size, and the bytes before the position) and
/// the reference files are unchanged; anything else, or any damage, means a full fold.
struct JournalSnapshot {
  var position: JournalPosition
  /// A hash of the journal's bytes just before the position.
  var tailFingerprint: UInt64
  /// Size and modification time of each reference file.
  var referenceFingerprint: [Int64]
  /// Problems found in the journal up to the position.
  var diagnostics: [Diagnostic]
  /// The situation before `events`.
  var base: Situation
  /// Applied events after `base`, up to the position (the history a console steps through).
  var events: [JournalEvent]
  /// The identity of the store the snapshot was made from (a PostgreSQL store's `store_id`);
  /// nil for a data directory's journal, whose identity is its file's device and inode.
  var storeIdentity: String? = nil

  static let magic: [UInt8] = Array("BMSNAP".utf8)
  /// The first bytes of a store's snapshot, which then names the store's identity.
  static let storeMagic: [UInt8] = Array("BMSNPG".utf8)

  /// The snapshot file of a data directory.
  static func path(for directory: DataDirectory) -> String { directory.path + "/.cache/journal-snapshot.bin" }

  /// Size and modification time of the reference files, which a snapshot must match.
  static func referenceFingerprint(_ directory: DataDirectory) -> [Int64] {
    [directory.situationFile, directory.segmentsFile, directory.checkpointsFile, directory.meetingsFile]
      .flatMap {
        path -> [Int64] in
        var info = stat()
        guard stat(path, &info) == 0 else { return [-1, 0, 0] }
        return [Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec)]
      }
  }

  /// The snapshot as bytes.
  func encoded() -> [UInt8] {
    var w = BinaryWriter()
    w.bytes = storeIdentity == nil ? Self.magic : Self.storeMagic
    w.byte(SituationCoding.formatVersion)
    if let storeIdentity { w.string(storeIdentity) }
    w.int64(position.offset)
    w.int(position.lineCount)
    w.unsigned(position.device)
    w.unsigned(position.inode)
    w.unsigned(position.lastSeqSeen)
    w.int(position.problemCount)
    w.unsigned(tailFingerprint)
    w.array(referenceFingerprint) { $0.int64($1) }
    w.array(diagnostics) {
      $0.byte($1.severity == .error ? 0 : 1)
      $0.string($1.file)
      $0.optional($1.line) { $0.int($1) }
      $0.optional($1.field) { $0.string($1) }
      $0.string($1.message)
    }
    SituationCoding.write(base, into: &w)
    w.array(events) { $0.bytes += EventCodec.encodeLine($1) }
    return w.bytes
  }

  /// The cache's trust rule and checksum, the reason a snapshot file was not used.
  enum Rejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// No cache there (the usual case before a first save).
    case missing
    /// Not a regular file (a FIFO, a device, a directory, a symbolic link), or unreadable.
    case unusable(String)
    /// Owned by someone who is neither this user nor the journal's owner.
    case foreignOwner(uid: UInt32)
    /// Writable by the group or others: anyone there could have changed it.
    case writableByOthers
    /// Larger than a snapshot of this journal can be.
    case tooLarge(Int64, limit: Int64)
    /// The checksum does not match: damaged or truncated.
    case damaged
    /// The checksum matches but the layout is not this version's.
    case format
    /// Made from another store (or from a data directory's journal).
    case otherStore

    var description: String {
      switch self {
      case .missing: return "no snapshot"
      case .unusable(let reason): return reason
      case .foreignOwner(let uid): return "owned by uid \(uid), neither this user nor the journal's owner"
      case .writableByOthers: return "writable by its group or others"
      case .tooLarge(let size, let limit): return "\(size) bytes, more than the \(limit) a snapshot can take"
      case .damaged: return "its checksum does not match (damaged or truncated)"
      case .format: return "another format version"
      case .otherStore: return "made from another store"
      }
    }
  }

  /// Reads a snapshot; nil when it is missing, untrusted, from another format version, or damaged.
  static func read(_ path: String, journal: String? = nil) -> JournalSnapshot? {
    try? load(path, journal: journal).get()
  }

  /// Reads a store's snapshot: trusted as a data directory's is (owned by this user only), no
  /// larger than `sizeLimit`, and made from the store whose identity is `storeIdentity`.
  static func load(_ path: String, storeIdentity: String, sizeLimit: Int64) -> Result<
    JournalSnapshot, Rejection
  > {
    load(path, journal: nil, sizeLimit: sizeLimit).flatMap { snapshot in
      snapshot.storeIdentity == storeIdentity ? .success(snapshot) : .failure(.otherStore)
    }
  }

  /// The most bytes a snapshot of this journal may take: it holds the situation folded from
  /// the journal and the reference files, so it cannot be much larger than they are.
  static func sizeLimit(journal: String) -> Int64 {
    var total: Int64 = 64 << 20
    var info = stat()
    if stat(journal, &info) == 0 { total += 2 * Int64(info.st_size) }
    let folder = journal.contains("/") ? String(journal[..<journal.lastIndex(of: "/")!]) : "."
    for name in ["situation.toml", "segments.toml", "checkpoints.toml", "meetings.toml"]
    where stat(folder + "/" + name, &info) == 0 {
      total += 2 * Int64(info.st_size)
    }
    return total
  }

  /// Reads a snapshot if it can be trusted, or says why not.
  ///
  /// Trusted means: a regular file (never through a symbolic link, never a FIFO or device,
  /// so nothing blocks), owned by this user or by the journal's owner, writable by no one
  /// else, no larger than a snapshot of this journal can be, and its checksum matches.
  static func load(_ path: String, journal: String? = nil, sizeLimit: Int64? = nil) -> Result<
    JournalSnapshot, Rejection
  > {
    let folder = String(path[..<path.lastIndex(of: "/")!])
    var folderInfo = stat()
    guard lstat(folder, &folderInfo) == 0 else { return .failure(.missing) }
    guard (folderInfo.st_mode & S_IFMT) == S_IFDIR else {
      return .failure(
        .unusable("\(folder) is \(FileBytes.kindDescription(folderInfo.st_mode)), not a folder"))
    }
    let opened: (fd: Int32, info: stat)
    switch FileBytes.openRegular(path, operation: "read the snapshot") {
    case .failure(let error): return .failure(error.isMissing ? .missing : .unusable(error.description))
    case .success(let value): opened = value
    }
    defer { close(opened.fd) }
    let info = opened.info
    var journalOwner: uid_t?
    var journalInfo = stat()
    if let journal, stat(journal, &journalInfo) == 0 { journalOwner = journalInfo.st_uid }
    guard info.st_uid == geteuid() || info.st_uid == journalOwner else {
      return .failure(.foreignOwner(uid: UInt32(info.st_uid)))
    }
    guard info.st_mode & 0o022 == 0 else { return .failure(.writableByOthers) }
    let limit = sizeLimit ?? journal.map(Self.sizeLimit(journal:)) ?? (1 << 30)
    guard Int64(info.st_size) <= limit else { return .failure(.tooLarge(Int64(info.st_size), limit: limit)) }
    let bytes: [UInt8]
    switch FileBytes.readAll(opened.fd, path: path, limit: Int(limit)) {
    case .failure(let error): return .failure(.unusable(error.description))
    case .success(let read): bytes = read
    }
    guard bytes.count >= 8 else { return .failure(.damaged) }
    let body = bytes.count - 8
    var stored: UInt64 = 0
    for offset in 0..<8 { stored |= UInt64(bytes[body + offset]) << (8 * UInt64(offset)) }
    let computed = bytes.withUnsafeBytes { Checksum.xxh64(UnsafeRawBufferPointer(rebasing: $0[0..<body])) }
    guard stored == computed else { return .failure(.damaged) }
    guard let snapshot = decode(bytes, count: body) else { return .failure(.format) }
    return .success(snapshot)
  }

  /// The snapshot in the first `count` bytes (the checksum already checked); nil when the layout is not this version's.
  private static func decode(_ bytes: [UInt8], count: Int) -> JournalSnapshot? {
    bytes.withUnsafeBufferPointer { whole in
      let buffer = UnsafeBufferPointer(rebasing: whole[0..<count])
      var r = BinaryReader(buffer)
      do {
        var head: [UInt8] = []
        for _ in magic.indices { head.append(try r.byte()) }
        guard head == magic || head == storeMagic else { return nil }
        guard try r.byte() == SituationCoding.formatVersion else { return nil }
        let storeIdentity = head == storeMagic ? try r.string() : nil
        let position = JournalPosition(
          offset: try r.int64(), lineCount: try r.int(), device: try r.unsigned(), inode: try r.unsigned(),
          lastSeqSeen: try r.unsigned(), problemCount: try r.int())
        let tail = try r.unsigned()
        let reference = try r.array { try $0.int64() }
        let diagnostics = try r.array { (r: inout BinaryReader) throws -> Diagnostic in
          Diagnostic(
            try r.byte() == 0 ? .error : .warning, file: try r.string(),
            line: try r.optional { try $0.int() },
            field: try r.optional { try $0.string() }, message: try r.string())
        }
        let base = try SituationCoding.readSituation(&r)
        let count = try r.count()
        var events: [JournalEvent] = []
        events.reserveCapacity(count)
        for _ in 0..<count {
          // Each event is one journal line, as the journal itself writes it.
          let start = r.index
          while try r.byte() != 0x0A {}
          let line = UnsafeBufferPointer(rebasing: buffer[start..<(r.index - 1)])
          guard case .success(let event) = EventCodec.decode(line) else { return nil }
          events.append(event)
        }
        guard r.isAtEnd else { return nil }
        return JournalSnapshot(
          position: position, tailFingerprint: tail, referenceFingerprint: reference,
          diagnostics: diagnostics,
          base: base, events: events, storeIdentity: storeIdentity)
      } catch {
        return nil
      }
    }
  }

  /// The snapshot as the file holds it: its bytes, then their XXH64 checksum (8 bytes, little-endian).
  func fileBytes() -> [UInt8] {
    var bytes = encoded()
    let sum = Checksum.xxh64(bytes)
    for offset in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: sum >> (8 * UInt64(offset)))) }
    return bytes
  }

  /// Writes the snapshot next to the journal, atomically; a failure (say, a read-only folder) is ignored.
  ///
  /// The `.cache` folder must be a real folder (not a symbolic link); the file is written under a
  /// fresh random name created with `O_EXCL | O_NOFOLLOW` in that folder (so a link planted there
  /// cannot redirect the write), synced, then renamed over the old snapshot.
  func write(to directory: DataDirectory) {
    let folder = directory.path + "/.cache"
    var info = stat()
    if lstat(folder, &info) != 0 {
      guard errno == ENOENT, mkdir(folder, 0o777) == 0 || errno == EEXIST else { return }
    }
    write(folder: folder, name: "journal-snapshot.bin", mode: 0o644)
  }

  /// Writes the snapshot as `name` in `folder` (which must be a real folder, not a symbolic
  /// link) with `mode`, atomically: a fresh random name made with `O_EXCL | O_NOFOLLOW`, synced,
  /// renamed over the old one. A failure is ignored: it is a cache.
  func write(folder: String, name: String, mode: mode_t) {
    let dirfd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard dirfd >= 0 else { return }
    defer { close(dirfd) }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<8 {
      let temporary = "\(name).\(getpid()).\(String(generator.next() as UInt64, radix: 36)).tmp"
      let fd = openat(dirfd, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
      if fd < 0 {
        if errno == EEXIST { continue }
        return
      }
      let failed = FileBytes.writeAll(fd, fileBytes()) != nil || fsync(fd) != 0
      close(fd)
      if failed || renameat(dirfd, temporary, dirfd, name) != 0 { unlinkat(dirfd, temporary, 0) }
      return
    }
  }
}
