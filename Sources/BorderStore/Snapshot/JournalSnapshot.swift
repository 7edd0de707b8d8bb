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

  static let magic: [UInt8] = Array("BMSNAP".utf8)

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
    w.bytes = Self.magic
    w.byte(SituationCoding.formatVersion)
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

  /// Reads a snapshot; nil when it is missing, from another format version, or damaged.
  static func read(_ path: String) -> JournalSnapshot? {
    guard case .success(let bytes) = FileBytes.read(path) else { return nil }
    return bytes.withUnsafeBufferPointer { buffer in
      var r = BinaryReader(buffer)
      do {
        for byte in magic where try r.byte() != byte { return nil }
        guard try r.byte() == SituationCoding.formatVersion else { return nil }
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
          base: base, events: events)
      } catch {
        return nil
      }
    }
  }

  /// Writes the snapshot next to the journal, atomically; a failure (say, a read-only folder) is ignored.
  func write(to directory: DataDirectory) {
    let folder = directory.path + "/.cache"
    guard case .success = FileBytes.makeDirectories(folder) else { return }
    let path = Self.path(for: directory)
    let temporary = "\(path).\(getpid()).tmp"
    guard case .success = FileBytes.write(temporary, encoded()) else {
      unlink(temporary)
      return
    }
    if rename(temporary, path) != 0 { unlink(temporary) }
  }
}
